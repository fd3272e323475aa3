package io.dataops4j.dataiku.scenarios;

import io.dataops4j.core.json.RawJson;
import java.time.Instant;
import java.util.List;

/**
 * A scenario run: resolved from a trigger fire, running, or finished with an outcome and its steps.
 *
 * @param projectKey   the project
 * @param scenarioId   the scenario
 * @param runId        the scenario run's id, or null while DSS has not started the run yet
 * @param triggerRunId the trigger run that started it, when known
 * @param start        when it started, or null
 * @param end          when it ended, or null
 * @param outcome      how it ended, or null while it runs
 * @param stepRuns     its steps (read once it has ended)
 * @param raw          the scenario run as DSS sent it ({@code scenarioRun}), or null before it exists
 */
public record ScenarioRun(String projectKey, String scenarioId, String runId, String triggerRunId, Instant start,
                          Instant end, ScenarioOutcome outcome, List<StepRun> stepRuns, RawJson raw) {
    public ScenarioRun {
        stepRuns = stepRuns == null ? List.of() : List.copyOf(stepRuns);
    }

    /** Whether the run has ended. */
    public boolean finished() {
        return outcome != null;
    }

    /** The first error among the steps, or null. */
    public StepError firstError() {
        for (StepRun s : stepRuns) {
            if (s.error() != null) {
                return s.error();
            }
        }
        return null;
    }
}
