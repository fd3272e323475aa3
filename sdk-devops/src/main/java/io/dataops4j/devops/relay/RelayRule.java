package io.dataops4j.devops.relay;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule of the relay: which deliveries it matches and what it starts.
 *
 * <pre>{@code
 * {"event": "model_version_alias.created", "model": "churn-*", "alias": "champion",
 *  "releaseDefinitionId": 5, "variables": {"TARGET": "prod"}}
 * }</pre>
 *
 * @param name                a name for logs, or null
 * @param event               the event: MLflow's {@code entity.action} ({@code model_version_alias.created},
 *                            {@code model_version.created}) or Databricks' name
 *                            ({@code MODEL_VERSION_TRANSITIONED_STAGE}); compared without case
 * @param model               a model name pattern ({@code *} and {@code ?}), or null for any
 * @param stage               the target stage (Databricks {@code to_stage}), or null for any
 * @param alias               the alias (MLflow {@code model_version_alias.*}), or null for any
 * @param releaseDefinitionId the release definition to create a release of, or null
 * @param pipelineId          the pipeline to run, or null (exactly one of the two)
 * @param variables           fixed variables added to the event's ones, or null
 */
public record RelayRule(String name, String event, String model, String stage, String alias, Long releaseDefinitionId,
                        Long pipelineId, Map<String, String> variables) {
    public RelayRule {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("a relay rule needs an event" + (name != null ? " (rule " + name + ")" : ""));
        }
        if ((releaseDefinitionId == null) == (pipelineId == null)) {
            throw new IllegalArgumentException("a relay rule needs exactly one of releaseDefinitionId and pipelineId (rule "
                    + (name != null ? name : event) + ")");
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** A rule that creates a release. */
    public static RelayRule release(String event, String model, String stageOrAlias, long definitionId, boolean isAlias) {
        return new RelayRule(null, event, model, isAlias ? null : stageOrAlias, isAlias ? stageOrAlias : null, definitionId, null, null);
    }

    /** Whether the rule matches an event. */
    boolean matches(RelayEvent e) {
        return event.equalsIgnoreCase(e.event())
                && (model == null || glob(model).matcher(e.model()).matches())
                && (stage == null || stage.equalsIgnoreCase(e.stage() == null ? "" : e.stage()))
                && (alias == null || alias.equals(e.alias()));
    }

    private static Pattern glob(String p) {
        StringBuilder sb = new StringBuilder();
        for (char c : p.toCharArray()) {
            sb.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString());
    }

    /** A short label for logs. */
    String label() {
        return name != null ? name : event.toLowerCase(Locale.ROOT) + (model != null ? " " + model : "");
    }
}
