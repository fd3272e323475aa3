package io.dataops4j.adf.runs;

import io.dataops4j.core.json.RawJson;
import java.time.Instant;

/**
 * An activity run of a pipeline run (POST {@code .../pipelineruns/{runId}/queryActivityruns}).
 *
 * @param pipelineName      the pipeline
 * @param pipelineRunId     the pipeline run
 * @param activityName      the activity
 * @param activityType      its type (DatabricksNotebook, Copy, ...)
 * @param activityRunId     the activity run id
 * @param linkedServiceName the linked service it used, or null
 * @param status            Succeeded, Failed, InProgress, ... as the service says it
 * @param activityRunStart  start
 * @param activityRunEnd    end, or null
 * @param durationInMs      duration, or null
 * @param input             its input, as the service sent it
 * @param output            its output (a Databricks notebook's {@code runPageUrl}, ...)
 * @param error             its error, or null
 */
public record ActivityRun(String pipelineName, String pipelineRunId, String activityName, String activityType, String activityRunId,
                          String linkedServiceName, String status, Instant activityRunStart, Instant activityRunEnd, Long durationInMs,
                          RawJson input, RawJson output, RawJson error) {
}
