package io.dataops4j.core.error;

/** A long-running operation did not finish in the time given; {@link #lastState()} is what was seen last. */
public class PollTimeoutException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    private final transient Object lastState;

    public PollTimeoutException(String message, Object lastState) {
        super(message);
        this.lastState = lastState;
    }

    /** The state seen at the last poll (a run, an operation status), or null when none was read. */
    public Object lastState() {
        return lastState;
    }
}
