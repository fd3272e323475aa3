package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import io.dataops4j.mlflow.internal.Lists;
import java.util.List;

/**
 * A run's inputs.
 *
 * @param datasetInputs the datasets it used
 * @param modelInputs   the logged models it used
 */
public record RunInputs(@Json(name = "dataset_inputs") List<DatasetInput> datasetInputs,
                        @Json(name = "model_inputs") List<ModelInput> modelInputs) {
    public RunInputs {
        datasetInputs = Lists.view(datasetInputs);
        modelInputs = Lists.view(modelInputs);
    }
}
