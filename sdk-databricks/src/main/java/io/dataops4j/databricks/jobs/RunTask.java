package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.core.json.RawJson;
import java.time.Instant;
import java.util.List;

/**
 * One task's run within a job run.
 *
 * @param taskKey           the task
 * @param runId             the task run's id (what {@code get-output} needs)
 * @param state             its state
 * @param status            the newer status object ({@code status.state}, {@code termination_details}), as sent
 * @param dependsOn         its dependencies
 * @param runIf             its run-if rule
 * @param notebookTask      its notebook task, as sent, or null
 * @param existingClusterId the cluster it ran on, or null
 * @param jobClusterKey     the job cluster it ran on, or null
 * @param clusterInstance   the cluster it ran on, once it started
 * @param attemptNumber     0 for the first attempt, more for retries
 * @param startTime         when it started
 * @param endTime           when it ended
 * @param executionDuration milliseconds spent running, or null
 * @param runPageUrl        the run's page
 * @param description       its description
 */
public record RunTask(@Json(name = "task_key") String taskKey,
                      @Json(name = "run_id") Long runId,
                      RunState state,
                      RawJson status,
                      @Json(name = "depends_on") List<TaskDependency> dependsOn,
                      @Json(name = "run_if") RunIf runIf,
                      @Json(name = "notebook_task") RawJson notebookTask,
                      @Json(name = "existing_cluster_id") String existingClusterId,
                      @Json(name = "job_cluster_key") String jobClusterKey,
                      @Json(name = "cluster_instance") ClusterInstance clusterInstance,
                      @Json(name = "attempt_number") Integer attemptNumber,
                      @Json(name = "start_time") @EpochMillis Instant startTime,
                      @Json(name = "end_time") @EpochMillis Instant endTime,
                      @Json(name = "execution_duration") Long executionDuration,
                      @Json(name = "run_page_url") String runPageUrl,
                      String description) {
    public RunTask {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** The life-cycle state, UNKNOWN when absent. */
    public RunLifeCycleState lifeCycleState() {
        return state == null || state.lifeCycleState() == null ? RunLifeCycleState.UNKNOWN : state.lifeCycleState();
    }

    /** The result state, or null while running. */
    public RunResultState resultState() {
        return state == null ? null : state.resultState();
    }
}
