package io.dataops4j.bench.model;

/** The result of a finished run (state version 1). Unknown values read as {@link #UNKNOWN}. */
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
    UNKNOWN
}
