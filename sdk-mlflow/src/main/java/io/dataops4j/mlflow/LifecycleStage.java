package io.dataops4j.mlflow;

import com.squareup.moshi.Json;

/** Whether an experiment or a run is active or deleted (soft-deleted, restorable). */
public enum LifecycleStage {
    @Json(name = "active") ACTIVE,
    @Json(name = "deleted") DELETED,
    /** A stage this SDK does not know yet. */
    UNKNOWN
}
