package io.dataops4j.mlflow.registry;

import com.squareup.moshi.Json;

/** The (deprecated in MLflow 2.9, still served) stages of a model version. */
public enum ModelStage {
    @Json(name = "None") NONE("None"),
    @Json(name = "Staging") STAGING("Staging"),
    @Json(name = "Production") PRODUCTION("Production"),
    @Json(name = "Archived") ARCHIVED("Archived"),
    /** A stage this SDK does not know yet. */
    UNKNOWN("Unknown");

    private final String wireName;

    ModelStage(String wireName) {
        this.wireName = wireName;
    }

    /** The name MLflow uses ({@code "Production"}). */
    public String wireName() {
        return wireName;
    }
}
