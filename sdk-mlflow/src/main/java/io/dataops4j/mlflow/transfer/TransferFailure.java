package io.dataops4j.mlflow.transfer;

import java.util.Objects;

/**
 * Something a transfer could not copy; running the transfer again retries it.
 *
 * @param item    what failed ({@code run 3c0f55... (experiment churn)}, {@code model churn version 3})
 * @param message why
 */
public record TransferFailure(String item, String message) {
    public TransferFailure {
        Objects.requireNonNull(item, "item");
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return item + ": " + message;
    }
}
