package io.dataops4j.devops.releases;

import com.squareup.moshi.Json;
import io.dataops4j.devops.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What starts a release ({@code ReleaseStartMetadata}). Without artifacts the definition's latest versions are used.
 *
 * <pre>{@code
 * CreateRelease spec = CreateRelease.builder(5).description("churn v3")
 *     .artifact(Artifact.of("_build", "1234", "20261128.1"))
 *     .variable("MODEL_NAME", "churn").manualEnvironment("prod").build();
 * }</pre>
 *
 * @param definitionId       the release definition
 * @param description        the description, or null
 * @param artifacts          artifact versions, or null for the latest
 * @param isDraft            whether to create a draft, or null
 * @param manualEnvironments environments that must be started by hand, or null
 * @param variables          release variables, or null
 * @param reason             the reason ({@code manual|continuousIntegration|schedule|...}), or null
 */
public record CreateRelease(long definitionId, String description, List<Artifact> artifacts,
                            @Json(name = "isDraft") Boolean isDraft, List<String> manualEnvironments,
                            Map<String, Variable> variables, String reason) {
    /** A builder for a definition. */
    public static Builder builder(long definitionId) {
        return new Builder(definitionId);
    }

    /** Builds a {@link CreateRelease}. */
    public static final class Builder {
        private final long definitionId;
        private String description;
        private final List<Artifact> artifacts = new ArrayList<>();
        private Boolean draft;
        private final List<String> manualEnvironments = new ArrayList<>();
        private final Map<String, Variable> variables = new LinkedHashMap<>();
        private String reason;

        private Builder(long definitionId) {
            if (definitionId <= 0) {
                throw new IllegalArgumentException("definitionId must be positive: " + definitionId);
            }
            this.definitionId = definitionId;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder artifact(Artifact artifact) {
            artifacts.add(java.util.Objects.requireNonNull(artifact, "artifact"));
            return this;
        }

        public Builder draft(boolean draft) {
            this.draft = draft;
            return this;
        }

        public Builder manualEnvironment(String name) {
            manualEnvironments.add(java.util.Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder variable(String name, String value) {
            return variable(name, Variable.of(value));
        }

        public Builder variable(String name, Variable value) {
            variables.put(java.util.Objects.requireNonNull(name, "name"), java.util.Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder variables(Map<String, String> values) {
            values.forEach(this::variable);
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public CreateRelease build() {
            return new CreateRelease(definitionId, description, artifacts.isEmpty() ? null : List.copyOf(artifacts), draft,
                    manualEnvironments.isEmpty() ? null : List.copyOf(manualEnvironments),
                    variables.isEmpty() ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables)), reason);
        }
    }
}
