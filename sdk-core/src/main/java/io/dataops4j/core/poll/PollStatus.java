package io.dataops4j.core.poll;

/** Where a long-running operation stands. */
public enum PollStatus {
    /** Still running: poll again. */
    IN_PROGRESS,
    /** Finished well. */
    SUCCEEDED,
    /** Finished badly. */
    FAILED,
    /** Cancelled before it finished. */
    CANCELLED;

    /** Whether the operation has ended. */
    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }
}
