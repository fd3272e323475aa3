package io.dataops4j.bench.model;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import java.time.Instant;
import java.util.List;

/** One task of a job run. */
public record RunTask(
        @Json(name = "task_key") String taskKey,
        @Json(name = "run_id") long runId,
        String description,
        RunState state,
        RunStatus status,
        @Json(name = "run_if") RunIf runIf,
        @Json(name = "notebook_task") NotebookTask notebookTask,
        @Json(name = "job_cluster_key") String jobClusterKey,
        @Json(name = "cluster_instance") ClusterInstance clusterInstance,
        @Json(name = "depends_on") List<TaskDependency> dependsOn,
        @Json(name = "timeout_seconds") Integer timeoutSeconds,
        @Json(name = "max_retries") Integer maxRetries,
        @Json(name = "min_retry_interval_millis") Integer minRetryIntervalMillis,
        @Json(name = "retry_on_timeout") Boolean retryOnTimeout,
        @Json(name = "start_time") @EpochMillis Instant startTime,
        @Json(name = "setup_duration") Long setupDuration,
        @Json(name = "execution_duration") Long executionDuration,
        @Json(name = "cleanup_duration") Long cleanupDuration,
        @Json(name = "end_time") @EpochMillis Instant endTime,
        @Json(name = "run_duration") Long runDuration,
        @Json(name = "queue_duration") Long queueDuration,
        @Json(name = "attempt_number") Integer attemptNumber,
        @Json(name = "run_page_url") String runPageUrl) {
}
