package io.dataops4j.bench.model;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import java.time.Instant;
import java.util.List;

/** A job run, as {@code GET api/2.2/jobs/runs/get} answers it. */
public record Run(
        @Json(name = "job_id") long jobId,
        @Json(name = "run_id") long runId,
        @Json(name = "creator_user_name") String creatorUserName,
        @Json(name = "number_in_job") Long numberInJob,
        @Json(name = "original_attempt_run_id") Long originalAttemptRunId,
        RunState state,
        RunStatus status,
        CronSchedule schedule,
        List<RunTask> tasks,
        @Json(name = "job_clusters") List<JobCluster> jobClusters,
        @Json(name = "job_parameters") List<JobParameter> jobParameters,
        @Json(name = "start_time") @EpochMillis Instant startTime,
        @Json(name = "setup_duration") Long setupDuration,
        @Json(name = "execution_duration") Long executionDuration,
        @Json(name = "cleanup_duration") Long cleanupDuration,
        @Json(name = "end_time") @EpochMillis Instant endTime,
        @Json(name = "run_duration") Long runDuration,
        @Json(name = "queue_duration") Long queueDuration,
        @Json(name = "run_name") String runName,
        @Json(name = "run_page_url") String runPageUrl,
        @Json(name = "run_type") RunType runType,
        TriggerType trigger,
        @Json(name = "attempt_number") Integer attemptNumber) {
}
