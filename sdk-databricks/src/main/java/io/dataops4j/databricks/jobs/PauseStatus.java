package io.dataops4j.databricks.jobs;

/** Whether a schedule fires. */
public enum PauseStatus {
    PAUSED,
    UNPAUSED,
    /** A value this SDK does not know yet. */
    UNKNOWN
}
