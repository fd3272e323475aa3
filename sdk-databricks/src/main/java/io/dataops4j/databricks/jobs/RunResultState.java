package io.dataops4j.databricks.jobs;

/** How a run or a task run ended ({@code state.result_state}). */
public enum RunResultState {
    SUCCESS,
    FAILED,
    TIMEDOUT,
    CANCELED,
    SUCCESS_WITH_FAILURES,
    UPSTREAM_FAILED,
    UPSTREAM_CANCELED,
    EXCLUDED,
    MAXIMUM_CONCURRENT_RUNS_REACHED,
    DISABLED,
    /** A value this SDK does not know yet. */
    UNKNOWN;

    /** Whether this is a failure of the task itself or of one it needed (FAILED, TIMEDOUT, UPSTREAM_FAILED, ...). */
    public boolean isFailure() {
        return this == FAILED || this == TIMEDOUT || this == UPSTREAM_FAILED || this == UPSTREAM_CANCELED
                || this == MAXIMUM_CONCURRENT_RUNS_REACHED || this == DISABLED;
    }
}
