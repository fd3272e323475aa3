package io.dataops4j.adf.runs;

import java.time.Instant;
import java.util.Map;

/**
 * A pipeline run (GET {@code .../pipelineruns/{runId}}).
 *
 * @param runId         the run id
 * @param runGroupId    the group of reruns it belongs to
 * @param isLatest      whether it is the latest of its group
 * @param pipelineName  the pipeline
 * @param parameters    the parameters it ran with
 * @param invokedBy     what started it
 * @param lastUpdated   when it last changed
 * @param runStart      when it started
 * @param runEnd        when it ended, or null
 * @param durationInMs  how long it took, or null
 * @param status        where it stands
 * @param message       the failure message, or ""
 */
public record PipelineRun(String runId, String runGroupId, Boolean isLatest, String pipelineName, Map<String, String> parameters,
                          InvokedBy invokedBy, Instant lastUpdated, Instant runStart, Instant runEnd, Long durationInMs,
                          PipelineRunStatus status, String message) {
    /**
     * What started a run.
     *
     * @param name          the trigger or user name
     * @param id            its id
     * @param invokedByType Manual, ScheduleTrigger, PipelineActivity, ...
     * @param pipelineName  the parent pipeline, for runs started by an Execute Pipeline activity
     * @param pipelineRunId the parent run
     */
    public record InvokedBy(String name, String id, String invokedByType, String pipelineName, String pipelineRunId) {
    }
}
