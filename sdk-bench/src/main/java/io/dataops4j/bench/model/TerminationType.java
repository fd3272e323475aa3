package io.dataops4j.bench.model;

/** The kind of a run's termination. Unknown values read as {@link #UNKNOWN}. */
public enum TerminationType {
    SUCCESS,
    INTERNAL_ERROR,
    CLIENT_ERROR,
    CLOUD_FAILURE,
    UNKNOWN
}
