package io.dataops4j.adf.runs;

import java.time.Instant;
import java.util.Map;

/**
 * A trigger run (POST {@code .../queryTriggerRuns}).
 *
 * @param triggerRunId        the id
 * @param triggerName         the trigger
 * @param triggerType         its type
 * @param triggerRunTimestamp when it fired
 * @param status              Succeeded, Failed, Inprogress
 * @param message             why it failed, or null
 * @param properties          extra properties
 * @param triggeredPipelines  pipeline name to run id
 */
public record TriggerRun(String triggerRunId, String triggerName, String triggerType, Instant triggerRunTimestamp, String status,
                         String message, Map<String, String> properties, Map<String, String> triggeredPipelines) {
}
