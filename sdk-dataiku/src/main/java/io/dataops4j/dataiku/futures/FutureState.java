package io.dataops4j.dataiku.futures;

import io.dataops4j.core.json.RawJson;

/**
 * The state of a DSS future ({@code GET /futures/{jobId}}): it ended well once {@code hasResult} is true; it ended
 * without a result when it is no longer {@code alive} (or was {@code aborted}).
 *
 * @param jobId     the future's id
 * @param hasResult whether the result is there
 * @param alive     whether the task still runs (null when not sent)
 * @param aborted   whether it was aborted (null when not sent)
 * @param result    the result, exactly as sent, or null
 */
public record FutureState(String jobId, Boolean hasResult, Boolean alive, Boolean aborted, RawJson result) {
    /** Whether the result is there. */
    public boolean done() {
        return Boolean.TRUE.equals(hasResult);
    }

    /** Whether the task ended without a result (failed or aborted). */
    public boolean endedWithoutResult() {
        return !done() && (Boolean.TRUE.equals(aborted) || Boolean.FALSE.equals(alive));
    }
}
