package io.dataops4j.databricks.sql;

import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.internal.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The Statement Execution API: run SQL on a warehouse, wait for it, read its rows lazily or download its raw result.
 * A failed statement raises a {@link StatementFailedException} with its SQLSTATE and message.
 *
 * <pre>{@code
 * Statements sql = dbx.sql().statements();
 * try (StatementResult r = sql.execute(StatementRequest.builder("abc123", "SELECT * FROM t WHERE d = :d")
 *         .parameter("d", "2026-01-31", "DATE").build())) {
 *     for (Row row : r) { ... }
 * }
 * Poller<StatementResponse> running = sql.submit(request);   // asynchronous: poll, cancel
 * running.cancel();
 * }</pre>
 */
public final class Statements {
    private static final String API = "api/2.0/sql/statements";
    /** How long {@link #execute(StatementRequest)} waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private final Context ctx;
    private final int parallelism;

    Statements(Context ctx) {
        this(ctx, 4);
    }

    private Statements(Context ctx, int parallelism) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The same API, prefetching up to {@code chunks} EXTERNAL_LINKS chunks at once (default 4). */
    public Statements withDownloadParallelism(int chunks) {
        return new Statements(ctx, chunks);
    }

    /** Executes a statement and waits (up to an hour) for its result. */
    public StatementResult execute(StatementRequest request) {
        return execute(request, DEFAULT_TIMEOUT);
    }

    /**
     * Executes a statement and waits for its result.
     *
     * @throws StatementFailedException when it fails or is cancelled
     * @throws io.dataops4j.core.error.PollTimeoutException when it is still running at the deadline (it is then
     *         cancelled)
     */
    public StatementResult execute(StatementRequest request, Duration timeout) {
        Poller<StatementResponse> poller = submit(request);
        StatementResponse done;
        try {
            done = poller.waitForCompletion(timeout);
        } catch (OperationFailedException e) {
            if (e.finalState() instanceof StatementResponse r) {
                throw new StatementFailedException(r);
            }
            throw e;
        } catch (io.dataops4j.core.error.PollTimeoutException e) {
            try {
                cancel(poller.id());
            } catch (RuntimeException ignored) {
                // the timeout is what matters
            }
            throw e;
        }
        return result(done);
    }

    /** Starts a statement; the poller waits for it to end (its {@link Poller#id()} is the statement id). */
    public Poller<StatementResponse> submit(StatementRequest request) {
        Objects.requireNonNull(request, "request");
        StatementResponse first = ctx.send(ApiRequest.post(API).json(request.toWire()).operation("statements.execute").build(),
                StatementResponse.class);
        String id = first.statementId();
        return ctx.<StatementResponse>poller(id, "statement " + id, () -> classify(get(id)))
                .canceller(() -> cancel(id))
                .initial(classify(first))
                .build();
    }

    /** A poller of a statement started earlier. */
    public Poller<StatementResponse> poll(String statementId) {
        return ctx.<StatementResponse>poller(statementId, "statement " + statementId, () -> classify(get(statementId)))
                .canceller(() -> cancel(statementId)).build();
    }

    private static PollResponse<StatementResponse> classify(StatementResponse r) {
        return switch (r.state()) {
            case SUCCEEDED -> PollResponse.succeeded(r);
            case FAILED, CLOSED -> PollResponse.failed(r, r.state().name());
            case CANCELED -> new PollResponse<>(PollStatus.CANCELLED, r, null, "CANCELED");
            default -> new PollResponse<>(PollStatus.IN_PROGRESS, r, null, r.state().name());
        };
    }

    /** The result of a statement that succeeded (from {@link #submit} or {@link #get}). */
    public StatementResult result(StatementResponse succeeded) {
        if (succeeded.state() != StatementState.SUCCEEDED) {
            throw new StatementFailedException(succeeded);
        }
        return new StatementResult(this, succeeded, parallelism);
    }

    /** A statement's state (and its first chunk once it succeeded). */
    public StatementResponse get(String statementId) {
        return ctx.send(ApiRequest.get(API + "/" + statementId).operation("statements.get").build(), StatementResponse.class);
    }

    /** One chunk of a result: its rows (INLINE) or its link (EXTERNAL_LINKS). Chunks can be read in any order. */
    public StatementResponse.ResultData chunk(String statementId, int chunkIndex) {
        return ctx.send(ApiRequest.get(API + "/" + statementId + "/result/chunks/" + chunkIndex)
                .operation("statements.chunk").build(), StatementResponse.ResultData.class);
    }

    /** Asks for a statement to be cancelled. */
    public void cancel(String statementId) {
        ctx.send(ApiRequest.post(API + "/" + statementId + "/cancel").json(Map.of()).idempotent()
                .operation("statements.cancel").build());
    }

    Instant now() {
        return ctx.clock().instant();
    }

    private ApiRequest linkRequest(StatementResponse.ExternalLink link) {
        ApiRequest.Builder b = ApiRequest.get(link.externalLink()).unauthenticated().operation("statements.download");
        if (link.httpHeaders() != null) {
            link.httpHeaders().forEach(b::header);
        }
        return b.build();
    }

    /** A link's bytes, fetched without the workspace's credential. */
    byte[] download(StatementResponse.ExternalLink link) {
        try (ApiResponse r = ctx.http().execute(linkRequest(link)); InputStream in = r.body()) {
            String length = r.header("Content-Length");
            long n = length == null ? -1 : parseLength(length);
            if (n < 0 || n > Integer.MAX_VALUE - 8) {
                return in.readAllBytes();
            }
            byte[] buf = new byte[(int) n];   // one exact buffer instead of growing copies
            int read = in.readNBytes(buf, 0, buf.length);
            if (read != buf.length) {
                throw new io.dataops4j.core.error.TransportException("chunk " + link.chunkIndex() + " ended after " + read
                        + " of " + n + " bytes", null);
            }
            return buf;
        } catch (IOException e) {
            throw new io.dataops4j.core.error.TransportException("reading chunk " + link.chunkIndex() + " failed: " + e.getMessage(), e);
        }
    }

    private static long parseLength(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Streams a link's bytes into {@code out}. */
    long downloadTo(StatementResponse.ExternalLink link, OutputStream out) {
        try (ApiResponse r = ctx.http().execute(linkRequest(link)); InputStream in = r.body()) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing chunk " + link.chunkIndex() + " failed", e);
        }
    }
}
