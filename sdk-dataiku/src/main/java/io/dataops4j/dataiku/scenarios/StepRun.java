package io.dataops4j.dataiku.scenarios;

import io.dataops4j.core.json.RawJson;
import java.util.List;

/**
 * One step of a scenario run ({@code stepRuns[]}).
 *
 * @param runId   the step run's id
 * @param outcome how it ended, or null while it runs
 * @param jobIds  the DSS jobs it ran ({@code additionalReportItems} of type {@code JOB_EXECUTED})
 * @param error   its first error, or null
 * @param raw     the step run as DSS sent it
 */
public record StepRun(String runId, ScenarioOutcome outcome, List<String> jobIds, StepError error, RawJson raw) {
    public StepRun {
        jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
    }
}
