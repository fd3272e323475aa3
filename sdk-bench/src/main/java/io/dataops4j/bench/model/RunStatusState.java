package io.dataops4j.bench.model;

/** The state of a run (status version 2). Unknown values read as {@link #UNKNOWN}. */
public enum RunStatusState {
    BLOCKED,
    PENDING,
    QUEUED,
    RUNNING,
    TERMINATED,
    TERMINATING,
    WAITING,
    UNKNOWN
}
