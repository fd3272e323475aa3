package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import io.dataops4j.mlflow.internal.Lists;
import java.util.List;

/**
 * A run's outputs.
 *
 * @param modelOutputs the logged models it produced
 */
public record RunOutputs(@Json(name = "model_outputs") List<ModelOutput> modelOutputs) {
    public RunOutputs {
        modelOutputs = Lists.view(modelOutputs);
    }
}
