package io.dataops4j.mlflow.transfer.internal;

/** Thrown at a checkpoint once a transfer is stopping: the work in progress is left as it is, to be resumed. */
public final class TransferAborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransferAborted(Throwable cause) {
        super("the transfer is stopping", cause, false, false);
    }
}
