package io.dataops4j.mlflow.tracking;

/**
 * Where a logged model (MLflow 3) stands. The server sends and accepts the proto names
 * ({@code "LOGGED_MODEL_READY"}); {@code LOGGED_MODEL_STATUS_UNSPECIFIED} and any status added later read as
 * {@link #UNKNOWN}.
 */
public enum LoggedModelStatus {
    /** Created; its artifacts may still be uploading. */
    LOGGED_MODEL_PENDING,
    /** Its artifacts are complete: it can be loaded and registered. */
    LOGGED_MODEL_READY,
    /** Uploading its artifacts failed. */
    LOGGED_MODEL_UPLOAD_FAILED,
    /** A status this SDK does not know (or the proto's {@code LOGGED_MODEL_STATUS_UNSPECIFIED}). */
    UNKNOWN;

    /** Whether the model has been finalized (ready or failed). */
    public boolean isFinal() {
        return this == LOGGED_MODEL_READY || this == LOGGED_MODEL_UPLOAD_FAILED;
    }
}
