package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * One point of a metric.
 *
 * @param key           the metric's name
 * @param value         the value (NaN and infinities travel as MLflow writes them)
 * @param timestamp     when it was measured, epoch milliseconds (a primitive: histories can be long)
 * @param step          the training step
 * @param datasetName   the dataset it was measured on (MLflow 3), or null
 * @param datasetDigest that dataset's digest, or null
 * @param modelId       the logged model it belongs to (MLflow 3), or null
 * @param runId         the run it belongs to, when the server says so, or null
 */
public record Metric(String key, double value, long timestamp, long step,
                     @Json(name = "dataset_name") String datasetName, @Json(name = "dataset_digest") String datasetDigest,
                     @Json(name = "model_id") String modelId, @Json(name = "run_id") String runId) {
    public Metric {
        Objects.requireNonNull(key, "metric key");
    }

    /** A point at a step, measured now. */
    public static Metric of(String key, double value, long step) {
        return new Metric(key, value, System.currentTimeMillis(), step, null, null, null, null);
    }

    /** A point at a step and a time (epoch milliseconds). */
    public static Metric of(String key, double value, long timestamp, long step) {
        return new Metric(key, value, timestamp, step, null, null, null, null);
    }

    /** The timestamp as an instant. */
    public Instant instant() {
        return Instant.ofEpochMilli(timestamp);
    }
}
