package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.core.json.RawJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job run ({@code jobs/runs/get}); {@link Jobs#getRun(long)} merges every page of tasks (API 2.2 sends 100 per
 * page), iterations, job clusters, job parameters and repair history.
 *
 * @param jobId          the job, or null for a one-time run
 * @param runId          the run
 * @param numberInJob    its sequence number in the job
 * @param runName        its name
 * @param state          its state
 * @param status         the newer status object, as sent
 * @param tasks          its task runs
 * @param iterations     for a for-each task run, its iterations
 * @param jobClusters    the job clusters, as sent
 * @param jobParameters  the job parameters used, as sent
 * @param repairHistory  repairs, as sent (with {@code include_history})
 * @param startTime      when it started
 * @param endTime        when it ended
 * @param runDuration    its duration in milliseconds
 * @param runPageUrl     its page in the workspace
 * @param runType        JOB_RUN, WORKFLOW_RUN or SUBMIT_RUN
 * @param trigger        what started it
 * @param nextPageToken  a page of tasks is still to be read (null once merged)
 * @param hasMore        whether more pages exist (as sent)
 */
public record Run(@Json(name = "job_id") Long jobId,
                  @Json(name = "run_id") long runId,
                  @Json(name = "number_in_job") Long numberInJob,
                  @Json(name = "run_name") String runName,
                  RunState state,
                  RawJson status,
                  List<RunTask> tasks,
                  List<RunTask> iterations,
                  @Json(name = "job_clusters") List<RawJson> jobClusters,
                  @Json(name = "job_parameters") List<RawJson> jobParameters,
                  @Json(name = "repair_history") List<RawJson> repairHistory,
                  @Json(name = "start_time") @EpochMillis Instant startTime,
                  @Json(name = "end_time") @EpochMillis Instant endTime,
                  @Json(name = "run_duration") Long runDuration,
                  @Json(name = "run_page_url") String runPageUrl,
                  @Json(name = "run_type") String runType,
                  String trigger,
                  @Json(name = "next_page_token") String nextPageToken,
                  @Json(name = "has_more") Boolean hasMore) {
    public Run {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        iterations = iterations == null ? List.of() : List.copyOf(iterations);
        jobClusters = jobClusters == null ? List.of() : List.copyOf(jobClusters);
        jobParameters = jobParameters == null ? List.of() : List.copyOf(jobParameters);
        repairHistory = repairHistory == null ? List.of() : List.copyOf(repairHistory);
    }

    /** The life-cycle state, UNKNOWN when absent. */
    public RunLifeCycleState lifeCycleState() {
        return state == null || state.lifeCycleState() == null ? RunLifeCycleState.UNKNOWN : state.lifeCycleState();
    }

    /** The result state, or null while running. */
    public RunResultState resultState() {
        return state == null ? null : state.resultState();
    }

    /** The task run of a task. */
    public Optional<RunTask> task(String taskKey) {
        return tasks.stream().filter(t -> taskKey.equals(t.taskKey())).findFirst();
    }

    /**
     * This page with the next one appended, as the official SDKs merge them: a for-each task run pages its
     * iterations, a job run its tasks; job clusters, job parameters and repair history always.
     */
    Run merge(Run next) {
        boolean iterating = !iterations.isEmpty();
        return new Run(jobId, runId, numberInJob, runName, state, status,
                iterating ? tasks : concat(tasks, next.tasks()),
                iterating ? concat(iterations, next.iterations()) : iterations,
                concat(jobClusters, next.jobClusters()), concat(jobParameters, next.jobParameters()),
                concat(repairHistory, next.repairHistory()), startTime, endTime, runDuration, runPageUrl, runType, trigger,
                next.nextPageToken(), next.hasMore());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    @Override
    public String toString() {
        return "Run[" + runId + (jobId != null ? " of job " + jobId : "") + ", " + state + ", " + tasks.size() + " tasks]";
    }
}
