package io.dataops4j.bench.model;

/** The life cycle state of a run (state version 1). Unknown values read as {@link #UNKNOWN}. */
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
    UNKNOWN
}
