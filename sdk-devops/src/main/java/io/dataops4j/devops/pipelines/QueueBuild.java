package io.dataops4j.devops.pipelines;

import java.util.Map;

/**
 * What queues a build: {@code {"definition": {"id"}, "sourceBranch", "parameters": "<JSON string>",
 * "templateParameters"}}.
 *
 * @param definition         {@code {"id": N}}
 * @param sourceBranch       the branch ("refs/heads/main"), or null
 * @param parameters         the variables as a JSON-encoded string, or null
 * @param templateParameters template parameters, or null
 */
public record QueueBuild(Map<String, Long> definition, String sourceBranch, String parameters, Map<String, String> templateParameters) {
    /** A build of a definition with optional variables. */
    public static QueueBuild of(long definitionId, String sourceBranch, Map<String, String> variables) {
        String params = variables == null || variables.isEmpty() ? null : io.dataops4j.core.json.Json.shared().toJson(variables);
        return new QueueBuild(Map.of("id", definitionId), sourceBranch, params, null);
    }
}
