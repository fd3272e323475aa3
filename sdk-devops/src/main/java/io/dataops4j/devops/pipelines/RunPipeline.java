package io.dataops4j.devops.pipelines;

import io.dataops4j.devops.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What runs a pipeline ({@code RunPipelineParameters}).
 *
 * <pre>{@code
 * RunPipeline spec = RunPipeline.builder().branch("refs/heads/main")
 *     .templateParameter("modelName", "churn").variable("MODEL_VERSION", "3").stageToSkip("smoke").build();
 * }</pre>
 *
 * @param resources          {@code {"repositories": {"self": {"refName": ...}}}}, or null
 * @param templateParameters template parameters, or null
 * @param variables          variables, or null
 * @param stagesToSkip       stages to skip, or null
 * @param previewRun         whether to only preview the YAML, or null
 */
public record RunPipeline(Map<String, Object> resources, Map<String, String> templateParameters,
                          Map<String, Variable> variables, List<String> stagesToSkip, Boolean previewRun) {
    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunPipeline}. */
    public static final class Builder {
        private String branch;
        private final Map<String, String> templateParameters = new LinkedHashMap<>();
        private final Map<String, Variable> variables = new LinkedHashMap<>();
        private final List<String> stagesToSkip = new ArrayList<>();
        private Boolean previewRun;

        private Builder() {
        }

        /** The ref of the pipeline's own repository ({@code resources.repositories.self.refName}). */
        public Builder branch(String refName) {
            this.branch = refName;
            return this;
        }

        public Builder templateParameter(String name, String value) {
            templateParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder templateParameters(Map<String, String> values) {
            values.forEach(this::templateParameter);
            return this;
        }

        public Builder variable(String name, String value) {
            return variable(name, Variable.of(value));
        }

        public Builder variable(String name, Variable value) {
            variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder stageToSkip(String stage) {
            stagesToSkip.add(Objects.requireNonNull(stage, "stage"));
            return this;
        }

        public Builder previewRun(boolean preview) {
            this.previewRun = preview;
            return this;
        }

        public RunPipeline build() {
            Map<String, Object> resources = branch == null ? null
                    : Map.of("repositories", Map.of("self", Map.of("refName", branch)));
            return new RunPipeline(resources,
                    templateParameters.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(templateParameters)),
                    variables.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(variables)),
                    stagesToSkip.isEmpty() ? null : List.copyOf(stagesToSkip), previewRun);
        }
    }
}
