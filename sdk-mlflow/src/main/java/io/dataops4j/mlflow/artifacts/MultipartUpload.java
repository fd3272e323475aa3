package io.dataops4j.mlflow.artifacts;

/**
 * When uploads through the MLflow artifact proxy use its multipart API ({@code /api/2.0/mlflow-artifacts/mpu/...}):
 * the server hands out one pre-signed URL per part and the parts go straight to the object store. Only stores that
 * support it answer (S3, Azure Blob, GCS behind the proxy); a proxy over a local directory answers 501
 * NOT_IMPLEMENTED, after which this client sends single uploads to that server without asking again. Defaults are
 * MLflow's own ({@code MLFLOW_MULTIPART_UPLOAD_MINIMUM_FILE_SIZE}, {@code MLFLOW_MULTIPART_UPLOAD_CHUNK_SIZE}).
 *
 * <pre>{@code
 * MlflowClient c = MlflowClient.builder().trackingUri(uri)
 *     .multipartUpload(MultipartUpload.defaults().withPartSize(64L << 20)).build();
 * }</pre>
 *
 * @param enabled     whether to try multipart at all
 * @param minFileSize files at least this large (bytes) are sent in parts
 * @param partSize    the size of each part (bytes); the object stores want at least 5 MiB
 */
public record MultipartUpload(boolean enabled, long minFileSize, long partSize) {
    public MultipartUpload {
        if (minFileSize < 1 || partSize < 1) {
            throw new IllegalArgumentException("multipart sizes must be positive");
        }
    }

    /** Enabled for files of 500 MiB and more, in 10 MiB parts. */
    public static MultipartUpload defaults() {
        return new MultipartUpload(true, 500L << 20, 10L << 20);
    }

    /** Never multipart. */
    public static MultipartUpload disabled() {
        return new MultipartUpload(false, 500L << 20, 10L << 20);
    }

    public MultipartUpload withMinFileSize(long bytes) {
        return new MultipartUpload(enabled, bytes, partSize);
    }

    public MultipartUpload withPartSize(long bytes) {
        return new MultipartUpload(enabled, minFileSize, bytes);
    }
}
