package io.dataops4j.mlflow.tracking;

/** The status of a run. */
public enum RunStatus {
    RUNNING,
    SCHEDULED,
    FINISHED,
    FAILED,
    KILLED,
    /** A status this SDK does not know yet. */
    UNKNOWN;

    /** Whether the run has ended. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }
}
