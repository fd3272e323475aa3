package io.dataops4j.mlflow.transfer;

import io.dataops4j.core.error.DataOpsException;
import java.util.Optional;

/**
 * A transfer that cannot start (its plan has errors: a model name the target cannot hold, an experiment missing
 * from the source...) or that stopped before the end (a failure with {@code failFast}, or a progress listener that
 * threw to cancel it). What was done before it stopped is in {@link #partialResult()}; running it again resumes it.
 */
public class TransferException extends DataOpsException {
    private static final long serialVersionUID = 1L;
    private final transient TransferResult partialResult;

    public TransferException(String message) {
        this(message, null, null);
    }

    public TransferException(String message, Throwable cause, TransferResult partialResult) {
        super(message, cause);
        this.partialResult = partialResult;
    }

    /** What was done before the transfer stopped, when it had started. */
    public Optional<TransferResult> partialResult() {
        return Optional.ofNullable(partialResult);
    }
}
