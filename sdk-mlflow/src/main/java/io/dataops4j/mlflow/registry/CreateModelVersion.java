package io.dataops4j.mlflow.registry;

import io.dataops4j.mlflow.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model version to register.
 *
 * <pre>{@code
 * ModelVersion v = mlflow.modelVersions().create(CreateModelVersion.builder("churn", run.info().artifactUri() + "/model")
 *         .runId(run.id()).description("baseline").tag("owner", "fraud").build())
 *     .waitForCompletion(Duration.ofMinutes(5));
 * }</pre>
 *
 * @param name        the registered model (it must exist)
 * @param source      where the model's files are (a run's artifact path, {@code models:/m-...}); the server refuses
 *                    relative references and local paths outside the run's artifacts
 * @param runId       the run that produced it, or null
 * @param tags        tags, possibly empty
 * @param runLink     a link to the run on another server, or null
 * @param description a description, or null
 * @param modelId     the MLflow 3 logged model id, or null
 */
public record CreateModelVersion(String name, String source, String runId, List<Tag> tags, String runLink,
                                 String description, String modelId) {
    public CreateModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Builder builder(String name, String source) {
        return new Builder(name, source);
    }

    /** Builds a {@link CreateModelVersion}. */
    public static final class Builder {
        private final String name;
        private final String source;
        private String runId;
        private final List<Tag> tags = new ArrayList<>();
        private String runLink;
        private String description;
        private String modelId;

        private Builder(String name, String source) {
            this.name = Objects.requireNonNull(name, "name");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.add(Tag.of(key, value));
            return this;
        }

        public Builder runLink(String runLink) {
            this.runLink = runLink;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder modelId(String modelId) {
            this.modelId = modelId;
            return this;
        }

        public CreateModelVersion build() {
            return new CreateModelVersion(name, source, runId, tags, runLink, description, modelId);
        }
    }
}
