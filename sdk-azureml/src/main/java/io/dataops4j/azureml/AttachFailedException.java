package io.dataops4j.azureml;

import io.dataops4j.core.error.OperationFailedException;

/** A step of the Kubernetes attach failed; {@link #report()} holds the steps done before it. */
public final class AttachFailedException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    private final transient AttachReport report;

    public AttachFailedException(String message, AttachReport report, Throwable cause) {
        super(message, report);
        this.report = report;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** The steps done (and their outcomes) before the failure, and the follow-ups known so far. */
    public AttachReport report() {
        return report;
    }
}
