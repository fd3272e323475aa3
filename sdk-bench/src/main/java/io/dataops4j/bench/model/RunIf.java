package io.dataops4j.bench.model;

/** When a task runs, given its dependencies. Unknown values read as {@link #UNKNOWN}. */
public enum RunIf {
    ALL_SUCCESS,
    ALL_DONE,
    NONE_FAILED,
    AT_LEAST_ONE_SUCCESS,
    ALL_FAILED,
    AT_LEAST_ONE_FAILED,
    UNKNOWN
}
