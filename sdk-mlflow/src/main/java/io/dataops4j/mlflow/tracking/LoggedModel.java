package io.dataops4j.mlflow.tracking;

import java.util.Objects;

/**
 * A logged model (MLflow 3): a model with its own id, artifacts, parameters, metrics and tags, produced by a run or
 * on its own, that model versions are registered from ({@code models:/<model id>}).
 *
 * @param info what identifies it and where it stands
 * @param data its parameters and metrics
 */
public record LoggedModel(LoggedModelInfo info, LoggedModelData data) {
    public LoggedModel {
        Objects.requireNonNull(info, "info");
        data = data == null ? new LoggedModelData(null, null) : data;
    }

    /** The model's id ({@code m-...}). */
    public String id() {
        return info.modelId();
    }

    /** The model's URI, as a model version's source: {@code models:/<model id>}. */
    public String uri() {
        return "models:/" + info.modelId();
    }
}
