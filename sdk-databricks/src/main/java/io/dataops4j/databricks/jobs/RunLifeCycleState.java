package io.dataops4j.databricks.jobs;

/** Where a run or a task run is in its life ({@code state.life_cycle_state}). */
public enum RunLifeCycleState {
    QUEUED,
    PENDING,
    RUNNING,
    TERMINATING,
    TERMINATED,
    SKIPPED,
    INTERNAL_ERROR,
    BLOCKED,
    WAITING_FOR_RETRY,
    /** A value this SDK does not know yet. */
    UNKNOWN;

    /** Whether the run has ended: TERMINATED, SKIPPED or INTERNAL_ERROR. */
    public boolean isTerminal() {
        return this == TERMINATED || this == SKIPPED || this == INTERNAL_ERROR;
    }
}
