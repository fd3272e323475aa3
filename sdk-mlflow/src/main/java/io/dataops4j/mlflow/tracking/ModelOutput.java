package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import java.util.Objects;

/**
 * A logged model (MLflow 3) produced by a run at a step.
 *
 * @param modelId the logged model's id ({@code m-...})
 * @param step    the step that produced it
 */
public record ModelOutput(@Json(name = "model_id") String modelId, long step) {
    public ModelOutput {
        Objects.requireNonNull(modelId, "modelId");
    }
}
