package io.dataops4j.mlflow.tracking;

import io.dataops4j.mlflow.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A logged model to create ({@code POST /api/2.0/mlflow/logged-models}).
 *
 * <pre>{@code
 * LoggedModel m = mlflow.loggedModels().create(CreateLoggedModel.builder(experimentId)
 *     .name("classifier").modelType("sklearn").sourceRunId(run.id())
 *     .param("alpha", "0.5").tag("team", "fraud").build());
 * }</pre>
 *
 * @param experimentId the experiment it belongs to
 * @param name         its name, or null for one the server makes up
 * @param modelType    a free-form type, or null
 * @param sourceRunId  the run that produced it, or null
 * @param params       parameters, possibly empty (any number: the ones past the first 100 follow in batches)
 * @param tags         tags, possibly empty
 */
public record CreateLoggedModel(String experimentId, String name, String modelType, String sourceRunId,
                                List<Param> params, List<Tag> tags) {
    public CreateLoggedModel {
        Objects.requireNonNull(experimentId, "experimentId");
        params = params == null ? List.of() : List.copyOf(params);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A model in an experiment, with a name the server makes up. */
    public static CreateLoggedModel in(String experimentId) {
        return new CreateLoggedModel(experimentId, null, null, null, List.of(), List.of());
    }

    public static Builder builder(String experimentId) {
        return new Builder(experimentId);
    }

    /** Builds a {@link CreateLoggedModel}. */
    public static final class Builder {
        private final String experimentId;
        private String name;
        private String modelType;
        private String sourceRunId;
        private final List<Param> params = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();

        private Builder(String experimentId) {
            this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder modelType(String modelType) {
            this.modelType = modelType;
            return this;
        }

        public Builder sourceRunId(String sourceRunId) {
            this.sourceRunId = sourceRunId;
            return this;
        }

        public Builder param(String key, String value) {
            params.add(Param.of(key, value));
            return this;
        }

        public Builder params(List<Param> params) {
            this.params.addAll(params);
            return this;
        }

        public Builder tag(String key, String value) {
            tags.add(Tag.of(key, value));
            return this;
        }

        public Builder tags(List<Tag> tags) {
            this.tags.addAll(tags);
            return this;
        }

        public CreateLoggedModel build() {
            return new CreateLoggedModel(experimentId, name, modelType, sourceRunId, params, tags);
        }
    }
}
