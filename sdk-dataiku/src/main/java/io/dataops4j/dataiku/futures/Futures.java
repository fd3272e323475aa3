package io.dataops4j.dataiku.futures;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.dataiku.internal.DssContext;
import io.dataops4j.dataiku.internal.PathSegments;
import java.util.Objects;

/**
 * DSS futures, the long-running tasks behind format detection, table imports and project deletion.
 *
 * <pre>{@code
 * FutureState done = dss.futures().poll("Tr5cUPbN").waitForCompletion(Duration.ofMinutes(5));
 * RawJson result = done.result();
 * }</pre>
 */
public final class Futures {
    private final DssContext ctx;

    /** Created by {@code DssClient}. */
    public Futures(DssContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** The future's state and, once there, its result ({@code GET /futures/{jobId}?peek=false}). */
    public FutureState state(String jobId) {
        return ctx.http().send(ApiRequest.get("futures/" + PathSegments.seg(jobId)).query("peek", "false")
                .operation("futures.state").build(), FutureState.class);
    }

    /** Asks DSS to abort the task ({@code DELETE /futures/{jobId}}). */
    public void abort(String jobId) {
        ctx.http().send(ApiRequest.delete("futures/" + PathSegments.seg(jobId)).operation("futures.abort").build());
    }

    /** A poller that waits for the future's result; it fails when the task ends without one. */
    public Poller<FutureState> poll(String jobId) {
        return poller(jobId, null, "DSS future " + jobId);
    }

    /**
     * A poller for a future just started: the state the starting call answered is taken as the first poll, so a
     * result already there needs no further call.
     */
    public Poller<FutureState> poll(FutureState started, String description) {
        Objects.requireNonNull(started, "started");
        if (started.jobId() == null && !started.done()) {
            throw new IllegalArgumentException("the answer holds neither a result nor a future id");
        }
        String id = started.jobId() == null ? "(inline result)" : started.jobId();
        return poller(id, classify(started), description + " (future " + id + ")");
    }

    private Poller<FutureState> poller(String jobId, PollResponse<FutureState> initial, String description) {
        return ctx.<FutureState>poller(jobId, description, () -> classify(state(jobId)))
                .initial(initial)
                .canceller(() -> abort(jobId))
                .build();
    }

    static PollResponse<FutureState> classify(FutureState s) {
        if (s.done()) {
            return PollResponse.succeeded(s);
        }
        if (Boolean.TRUE.equals(s.aborted())) {
            return new PollResponse<>(PollStatus.CANCELLED, s, null, "the task was aborted");
        }
        if (Boolean.FALSE.equals(s.alive())) {
            return PollResponse.failed(s, "the task ended without a result");
        }
        return PollResponse.inProgress(s);
    }
}
