package io.dataops4j.dataiku.jobs;

/** Where a job stands ({@code baseStatus.state}); DONE, FAILED and ABORTED are terminal. */
public enum JobState {
    NOT_STARTED, WAITING, COMPUTING_DEPS, RUNNING, DONE, FAILED, ABORTED,
    /** A state this version does not know. */
    UNKNOWN;

    /** Whether the job has ended. */
    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == ABORTED;
    }
}
