package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import java.util.Objects;

/**
 * A logged model (MLflow 3) used as an input of a run.
 *
 * @param modelId the logged model's id ({@code m-...})
 */
public record ModelInput(@Json(name = "model_id") String modelId) {
    public ModelInput {
        Objects.requireNonNull(modelId, "modelId");
    }
}
