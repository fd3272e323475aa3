package io.dataops4j.dataiku.scenarios;

import io.dataops4j.core.json.RawJson;

/**
 * A trigger fire: what asking for a run returns. Its {@code runId} is the trigger's run, not the scenario run;
 * the scenario run is found from it once DSS has started one (or never, when the fire is cancelled because the
 * scenario already runs).
 *
 * @param projectKey   the project
 * @param scenarioId   the scenario
 * @param triggerId    the trigger's id ({@code trigger.id})
 * @param triggerRunId the trigger's run id ({@code runId})
 * @param cancelled    whether the fire was cancelled
 * @param raw          the fire as DSS sent it
 */
public record TriggerFire(String projectKey, String scenarioId, String triggerId, String triggerRunId, boolean cancelled,
                          RawJson raw) {
}
