package io.dataops4j.core.error;

/** A long-running operation ended, but not in success; {@link #finalState()} tells how. */
public class OperationFailedException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    private final transient Object finalState;

    public OperationFailedException(String message, Object finalState) {
        super(message);
        this.finalState = finalState;
    }

    /** The terminal state (a run, an operation status). */
    public Object finalState() {
        return finalState;
    }
}
