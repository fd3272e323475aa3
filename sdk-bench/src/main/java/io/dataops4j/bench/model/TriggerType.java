package io.dataops4j.bench.model;

/** What triggered a run. Unknown values read as {@link #UNKNOWN}. */
public enum TriggerType {
    PERIODIC,
    ONE_TIME,
    RETRY,
    RUN_JOB_TASK,
    FILE_ARRIVAL,
    TABLE,
    CONTINUOUS,
    CONTINUOUS_RESTART,
    UNKNOWN
}
