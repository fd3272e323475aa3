package io.dataops4j.databricks.sql;

import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.databricks.internal.JsonRows;
import io.dataops4j.databricks.sql.StatementRequest.Format;
import io.dataops4j.databricks.sql.StatementResponse.ExternalLink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result of a statement that succeeded: its columns, and its rows as a lazy stream across every chunk, INLINE or
 * EXTERNAL_LINKS. External links are fetched without the workspace's credential (they are pre-signed), a few chunks
 * ahead in parallel (a bounded window, so memory does not grow with the result), and a link that expired is
 * replaced through the chunk endpoint. Close it to stop prefetching.
 *
 * <pre>{@code
 * try (StatementResult r = statements.execute(StatementRequest.builder(wh, "SELECT id, name FROM t")
 *         .disposition(Disposition.EXTERNAL_LINKS).build())) {
 *     r.rows().forEach(row -> System.out.println(row.getLong("id") + " " + row.getString("name")));
 * }
 * try (StatementResult r = statements.execute(csvRequest)) {
 *     r.download(Files.newOutputStream(Path.of("out.csv")));     // raw CSV or Arrow bytes, chunk after chunk
 * }
 * }</pre>
 */
public final class StatementResult implements Iterable<Row>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatementResult.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Statements statements;
    private final StatementResponse response;
    private final int parallelism;
    private final List<StatementResponse.Column> columns;
    private final Map<String, Integer> index;
    private final String[] names;
    private final Map<Integer, ExternalLink> links = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<byte[]>> prefetched = new ConcurrentHashMap<>();
    private volatile ExecutorService pool;
    private volatile boolean closed;

    StatementResult(Statements statements, StatementResponse response, int parallelism) {
        this.statements = statements;
        this.response = response;
        this.parallelism = Math.max(1, parallelism);
        StatementResponse.Manifest m = response.manifest();
        this.columns = m == null || m.schema() == null || m.schema().columns() == null ? List.of() : m.schema().columns();
        Map<String, Integer> idx = new HashMap<>();
        this.names = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            names[i] = columns.get(i).name();
            idx.putIfAbsent(columns.get(i).name(), i);
        }
        this.index = Collections.unmodifiableMap(idx);
        if (response.result() != null && response.result().externalLinks() != null) {
            response.result().externalLinks().forEach(l -> links.put(l.chunkIndex(), l));
        }
    }

    /** The statement's id. */
    public String statementId() {
        return response.statementId();
    }

    /** The answer that finished the statement. */
    public StatementResponse response() {
        return response;
    }

    /** The columns. */
    public List<StatementResponse.Column> columns() {
        return columns;
    }

    /** Rows in all, or -1 when the service did not say. */
    public long totalRowCount() {
        StatementResponse.Manifest m = response.manifest();
        return m == null || m.totalRowCount() == null ? -1 : m.totalRowCount();
    }

    /** Whether a row or byte limit cut the result. */
    public boolean truncated() {
        StatementResponse.Manifest m = response.manifest();
        return m != null && Boolean.TRUE.equals(m.truncated());
    }

    /** How many chunks. */
    public int chunkCount() {
        StatementResponse.Manifest m = response.manifest();
        if (m != null && m.totalChunkCount() != null) {
            return m.totalChunkCount();
        }
        if (m != null && m.chunks() != null) {
            return m.chunks().size();
        }
        return response.result() == null ? 0 : 1;
    }

    private Format format() {
        StatementResponse.Manifest m = response.manifest();
        if (m == null || m.format() == null) {
            return Format.JSON_ARRAY;
        }
        try {
            return Format.valueOf(m.format());
        } catch (IllegalArgumentException e) {
            return Format.JSON_ARRAY;
        }
    }

    private boolean external() {
        StatementResponse.ResultData r = response.result();
        return (r != null && r.externalLinks() != null) || !links.isEmpty()
                || (r != null && r.dataArray() == null && chunkCount() > 0);
    }

    /** The rows, lazily: chunks are fetched as the iteration reaches them. JSON_ARRAY results only. */
    @Override
    public Iterator<Row> iterator() {
        if (format() != Format.JSON_ARRAY) {
            throw new UnsupportedOperationException("rows are read from JSON_ARRAY results; this one is " + format()
                    + ": use download(OutputStream)");
        }
        int chunks = chunkCount();
        return new Iterator<>() {
            private int chunk = -1;
            private Iterator<String[]> current = Collections.emptyIterator();
            private JsonRows bytes;

            @Override
            public boolean hasNext() {
                while (bytes != null ? !bytes.hasNext() : !current.hasNext()) {
                    if (chunk + 1 >= chunks) {
                        return false;
                    }
                    chunk++;
                    if (external()) {
                        bytes = new JsonRows(chunkBytes(chunk), names.length);
                    } else {
                        bytes = null;
                        current = inlineRows(chunk);
                    }
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return bytes != null ? new Row(bytes.bytes(), bytes.nextOffsets(), index, names)
                        : new Row(current.next(), index, names);
            }
        };
    }

    /** The rows as a lazy stream; closing it closes this result. */
    public Stream<Row> rows() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    private Iterator<String[]> inlineRows(int chunk) {
        {
            List<List<String>> data = chunk == 0 && response.result() != null && response.result().dataArray() != null
                    ? response.result().dataArray() : statements.chunk(statementId(), chunk).dataArray();
            if (data == null) {
                return Collections.emptyIterator();
            }
            Iterator<List<String>> it = data.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public String[] next() {
                    return it.next().toArray(new String[0]);
                }
            };
        }
    }

    /** A chunk's bytes, from the prefetch window; the chunks after it are asked for at the same time. */
    private byte[] chunkBytes(int chunk) {
        if (closed) {
            throw new IllegalStateException("the result of statement " + statementId() + " is closed");
        }
        int last = Math.min(chunkCount() - 1, chunk + parallelism);
        for (int i = chunk; i <= last; i++) {
            int c = i;
            prefetched.computeIfAbsent(c, k -> CompletableFuture.supplyAsync(() -> fetch(c), pool()));
        }
        CompletableFuture<byte[]> f = prefetched.remove(chunk);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while reading chunk " + chunk + " of statement " + statementId(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new DataOpsException("reading chunk " + chunk + " of statement " + statementId() + " failed", cause);
        }
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = Executors.newFixedThreadPool(parallelism, r -> {
                        Thread t = new Thread(r, "dataops4j-statement-chunks-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Downloads a chunk's bytes; an expired or refused link is replaced once through the chunk endpoint. */
    private byte[] fetch(int chunk) {
        ExternalLink link = link(chunk, false);
        try {
            return statements.download(link);
        } catch (ServiceException e) {
            if (!linkRefused(e)) {
                throw e;
            }
            LOG.debug("link of chunk {} of statement {} refused (HTTP {}): asking for a new one", chunk, statementId(), e.status());
            return statements.download(link(chunk, true));
        }
    }

    static boolean linkRefused(ServiceException e) {
        int s = e.status();
        return s == 400 || s == 401 || s == 403 || s == 404 || s == 410;
    }

    /** The link of a chunk: a known one unless it expires within a minute, or a fresh one from the chunk endpoint. */
    private ExternalLink link(int chunk, boolean refresh) {
        ExternalLink l = links.get(chunk);
        if (l == null || refresh || expiresSoon(l)) {
            StatementResponse.ResultData d = statements.chunk(statementId(), chunk);
            if (d.externalLinks() != null) {
                d.externalLinks().forEach(x -> links.put(x.chunkIndex() == null ? chunk : x.chunkIndex(), x));
            }
            l = links.get(chunk);
            if (l == null) {
                throw new DataOpsException("chunk " + chunk + " of statement " + statementId() + " has no external link");
            }
        }
        return l;
    }

    private boolean expiresSoon(ExternalLink l) {
        if (l.expiration() == null) {
            return false;
        }
        try {
            Instant at = OffsetDateTime.parse(l.expiration()).toInstant();
            return !statements.now().plusSeconds(60).isBefore(at);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Writes the raw result (CSV, Arrow IPC streams, or JSON arrays), chunk after chunk in order, streaming each
     * chunk from its link without holding it in memory. For ARROW_STREAM each chunk is a complete Arrow stream; for
     * JSON_ARRAY each chunk is one JSON array. EXTERNAL_LINKS results only. Does not close {@code out}.
     *
     * @return the bytes written
     */
    public long download(OutputStream out) {
        if (!external()) {
            throw new IllegalStateException("raw download needs disposition EXTERNAL_LINKS; statement " + statementId()
                    + " returned its rows INLINE (read them with rows())");
        }
        long total = 0;
        for (int i = 0; i < chunkCount(); i++) {
            total += downloadChunk(i, out);
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** Writes one chunk's raw bytes; an expired link is replaced once. Does not close {@code out}. */
    public long downloadChunk(int chunk, OutputStream out) {
        ExternalLink link = link(chunk, false);
        try {
            return statements.downloadTo(link, out);
        } catch (ServiceException e) {
            if (!linkRefused(e)) {
                throw e;
            }
            return statements.downloadTo(link(chunk, true), out);
        }
    }

    /** Stops prefetching and releases its threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        prefetched.values().forEach(f -> f.cancel(true));
        prefetched.clear();
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "StatementResult[" + statementId() + ", " + columns.size() + " columns, " + totalRowCount() + " rows, "
                + chunkCount() + " chunks]";
    }
}
