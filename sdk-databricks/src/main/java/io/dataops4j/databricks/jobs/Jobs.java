package io.dataops4j.databricks.jobs;

import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.internal.Context;
import io.dataops4j.databricks.internal.SubClients;
import io.dataops4j.databricks.internal.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs and runs (Jobs API 2.2): create, get, list, update, reset, delete; run-now with an idempotency token reused
 * on every retry; one-time runs; cancel; repair; run listings; a run merged across all its pages of tasks; pollers to
 * a terminal state whose failure names each failed task with its error and trace.
 *
 * <pre>{@code
 * Jobs jobs = dbx.jobs();
 * long id = jobs.create(spec);
 * Run run = jobs.runNow(id, RunNow.builder().jobParameter("env", "prod").build())
 *     .onProgress(r -> log.info("{}", r.state()))
 *     .waitForCompletion(Duration.ofMinutes(30));             // OperationFailedException names failed tasks
 * Map<String, RunOutput> outputs = jobs.taskOutputs(run);     // notebook exit values per task
 * jobs.listRuns(ListRuns.ofJob(id)).stream().limit(10).forEach(System.out::println);
 * }</pre>
 */
public final class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final String API = "api/2.2/jobs/";

    private final Context ctx;

    static {
        SubClients.register(Jobs.class, (ctx, setting) -> new Jobs(ctx));
    }

    /** Made by {@code DatabricksClient}: use {@code dbx.jobs()}. */
    private Jobs(Context ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates a job and returns its id. */
    public long create(JobSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Wire.JobId id = ctx.send(ApiRequest.post(API + "create").json(spec.toWire()).operation("jobs.create").build(),
                Wire.JobId.class);
        LOG.debug("created job {} ({})", id.jobId(), spec.name());
        return id.jobId();
    }

    /** A job, with every page of its tasks, job clusters, parameters and environments merged. */
    @SuppressWarnings("unchecked")
    public Job get(long jobId) {
        Job job = ctx.send(ApiRequest.get(API + "get").query("job_id", jobId).operation("jobs.get").build(), Job.class);
        int pages = 1;
        while (job.nextPageToken() != null && pages++ < 10_000) {
            Job next = ctx.send(ApiRequest.get(API + "get").query("job_id", jobId).query("page_token", job.nextPageToken())
                    .operation("jobs.get").build(), Job.class);
            Map<String, Object> merged = new LinkedHashMap<>(job.settings() == null ? Map.of() : job.settings().asMap());
            Map<String, Object> more = next.settings() == null ? Map.of() : next.settings().asMap();
            for (String field : List.of("tasks", "job_clusters", "parameters", "environments")) {
                if (more.get(field) instanceof List<?> add) {
                    List<Object> all = new ArrayList<>(merged.get(field) instanceof List<?> l ? (List<Object>) l : List.of());
                    all.addAll(add);
                    merged.put(field, all);
                }
            }
            job = new Job(job.jobId(), job.creatorUserName(), job.createdTime(), RawJson.from(merged), job.runAsUserName(),
                    next.nextPageToken(), next.hasMore());
        }
        return job;
    }

    /** Every job, lazily. */
    public Paged<Job> list() {
        return list(ListJobs.all());
    }

    /** The jobs a query selects, lazily (past empty pages that still carry a token). */
    public Paged<Job> list(ListJobs query) {
        Objects.requireNonNull(query, "query");
        return Paged.tokens(token -> {
            ApiRequest.Builder b = ApiRequest.get(API + "list").operation("jobs.list")
                    .query("limit", query.limit()).query("name", query.name()).query("page_token", token);
            if (query.expandTasks()) {
                b.query("expand_tasks", true);
            }
            Wire.JobsPage p = ctx.send(b.build(), Wire.JobsPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.jobs(), p.nextPageToken());
        });
    }

    /**
     * Changes some settings: top-level fields of {@code changes} replace the job's; {@code fieldsToRemove} are removed.
     */
    public void update(long jobId, JobSpec changes, List<String> fieldsToRemove) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put("new_settings", changes.toWire());
        if (fieldsToRemove != null && !fieldsToRemove.isEmpty()) {
            body.put("fields_to_remove", List.copyOf(fieldsToRemove));
        }
        ctx.send(ApiRequest.post(API + "update").json(body).idempotent().operation("jobs.update").build());
    }

    /** Replaces every setting of a job. */
    public void reset(long jobId, JobSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put("new_settings", spec.toWire());
        ctx.send(ApiRequest.post(API + "reset").json(body).idempotent().operation("jobs.reset").build());
    }

    /** Deletes a job. */
    public void delete(long jobId) {
        ctx.send(ApiRequest.post(API + "delete").json(Map.of("job_id", jobId)).idempotent().operation("jobs.delete").build());
    }

    /** Runs a job now, with a fresh idempotency token; the poller waits for the run. */
    public Poller<Run> runNow(long jobId) {
        return runNow(jobId, RunNow.defaults());
    }

    /**
     * Runs a job now. The request carries the options' idempotency token, the same on every attempt, so that a
     * retried run-now (a 503, a dropped connection) starts one run only.
     *
     * @return a poller of the run, whose {@link Poller#id()} is the run id
     */
    public Poller<Run> runNow(long jobId, RunNow options) {
        Objects.requireNonNull(options, "options");
        Wire.RunId r = ctx.send(ApiRequest.post(API + "run-now").json(options.toWire(jobId)).idempotent()
                .operation("jobs.runNow").build(), Wire.RunId.class);
        LOG.debug("job {} started run {}", jobId, r.runId());
        return pollRun(r.runId());
    }

    /** Submits a one-time run; the poller waits for it. */
    public Poller<Run> submit(SubmitRun run) {
        Objects.requireNonNull(run, "run");
        Wire.RunId r = ctx.send(ApiRequest.post(API + "runs/submit").json(run.toWire()).idempotent()
                .operation("jobs.submit").build(), Wire.RunId.class);
        return pollRun(r.runId());
    }

    /** Asks for a run to be cancelled (does not wait; {@link #pollRun(long)} does). */
    public void cancel(long runId) {
        ctx.send(ApiRequest.post(API + "runs/cancel").json(Map.of("run_id", runId)).idempotent()
                .operation("jobs.cancel").build());
    }

    /**
     * Repairs a run: runs some of its tasks again.
     *
     * @return a poller of the repaired run
     */
    public Poller<Run> repair(long runId, RepairRun repair) {
        Wire.RepairId r = ctx.send(ApiRequest.post(API + "runs/repair").json(repair.toWire(runId))
                .operation("jobs.repair").build(), Wire.RepairId.class);
        LOG.debug("run {} repair {}", runId, r == null ? null : r.repairId());
        return pollRun(runId);
    }

    /** Every run, newest first, lazily. */
    public Paged<Run> listRuns(long jobId) {
        return listRuns(ListRuns.ofJob(jobId));
    }

    /** The runs a query selects, lazily (past empty pages that still carry a token). */
    public Paged<Run> listRuns(ListRuns q) {
        Objects.requireNonNull(q, "query");
        return Paged.tokens(token -> {
            ApiRequest.Builder b = ApiRequest.get(API + "runs/list").operation("jobs.listRuns")
                    .query("job_id", q.jobId()).query("limit", q.limit()).query("run_type", q.runType())
                    .query("start_time_from", q.startTimeFrom() == null ? null : q.startTimeFrom().toEpochMilli())
                    .query("start_time_to", q.startTimeTo() == null ? null : q.startTimeTo().toEpochMilli())
                    .query("expand_tasks", q.expandTasks())
                    .query("page_token", token);
            if (q.activeOnly()) {
                b.query("active_only", true);
            }
            if (q.completedOnly()) {
                b.query("completed_only", true);
            }
            Wire.RunsPage p = ctx.send(b.build(), Wire.RunsPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.runs(), p.nextPageToken());
        });
    }

    /** A run, with every page of tasks (or of a for-each task's iterations) merged. */
    public Run getRun(long runId) {
        return getRun(runId, false, false);
    }

    /** A run, with repair history and resolved parameter values when asked, every page merged. */
    public Run getRun(long runId, boolean includeHistory, boolean includeResolvedValues) {
        Run run = fetchRun(runId, includeHistory, includeResolvedValues, null);
        int pages = 1;
        while (run.nextPageToken() != null) {
            if (++pages > 100_000) {
                throw new DataOpsException("runs/get of run " + runId + " did not end after " + pages + " pages");
            }
            run = run.merge(fetchRun(runId, includeHistory, includeResolvedValues, run.nextPageToken()));
        }
        return run;
    }

    private Run fetchRun(long runId, boolean history, boolean resolved, String token) {
        ApiRequest.Builder b = ApiRequest.get(API + "runs/get").query("run_id", runId).operation("jobs.getRun");
        if (history) {
            b.query("include_history", true);
        }
        if (resolved) {
            b.query("include_resolved_values", true);
        }
        return ctx.send(b.query("page_token", token).build(), Run.class);
    }

    /** A task run's output; for a multi-task job pass a task run's id ({@link RunTask#runId()}). */
    public RunOutput getRunOutput(long runId) {
        return ctx.send(ApiRequest.get(API + "runs/get-output").query("run_id", runId).operation("jobs.getRunOutput").build(),
                RunOutput.class);
    }

    /** The output of every task run that has ended, by task key (notebook exit values, SQL output, logs). */
    public Map<String, RunOutput> taskOutputs(Run run) {
        Map<String, RunOutput> out = new LinkedHashMap<>();
        for (RunTask t : run.tasks()) {
            if (t.runId() != null && t.lifeCycleState().isTerminal() && t.lifeCycleState() != RunLifeCycleState.SKIPPED) {
                out.put(t.taskKey(), getRunOutput(t.runId()));
            }
        }
        return out;
    }

    /**
     * Why a run did not succeed: each failed, upstream-failed, timed-out or cancelled task with the service's
     * message and, for a failed or timed-out task, the error and its trace from {@code get-output}.
     */
    public List<TaskFailure> failures(Run run) {
        List<TaskFailure> out = new ArrayList<>();
        for (RunTask t : run.tasks()) {
            RunResultState rs = t.resultState();
            if (rs == null || !(rs.isFailure() || rs == RunResultState.CANCELED)) {
                continue;
            }
            String error = null;
            String trace = null;
            if ((rs == RunResultState.FAILED || rs == RunResultState.TIMEDOUT) && t.runId() != null) {
                try {
                    RunOutput o = getRunOutput(t.runId());
                    if (o != null) {
                        error = o.error();
                        trace = o.errorTrace();
                    }
                } catch (RuntimeException e) {
                    LOG.debug("get-output of task {} (run {}) failed: {}", t.taskKey(), t.runId(), e.toString());
                }
            }
            out.add(new TaskFailure(t.taskKey(), t.runId(), rs, t.state() == null ? null : t.state().stateMessage(), error, trace));
        }
        return out;
    }

    /**
     * A poller of a run, rebuilt from its id: it ends when the run is TERMINATED, SKIPPED or INTERNAL_ERROR; a run
     * that did not succeed ends in an {@code OperationFailedException} naming each failed task (with its error and
     * trace) whose {@code finalState()} is the {@link Run}.
     */
    public Poller<Run> pollRun(long runId) {
        String description = "job run " + runId;
        return ctx.<Run>poller(Long.toString(runId), description, () -> classify(getRun(runId)))
                .canceller(() -> cancel(runId))
                .build();
    }

    private PollResponse<Run> classify(Run run) {
        RunLifeCycleState life = run.lifeCycleState();
        if (!life.isTerminal()) {
            return new PollResponse<>(PollStatus.IN_PROGRESS, run, null, run.state() == null ? null : run.state().toString());
        }
        RunResultState result = run.resultState();
        if (life == RunLifeCycleState.TERMINATED && (result == RunResultState.SUCCESS
                || result == RunResultState.SUCCESS_WITH_FAILURES)) {
            if (result == RunResultState.SUCCESS_WITH_FAILURES) {
                LOG.warn("run {} succeeded with failures: {}", run.runId(), describe(failures(run)));
            }
            return PollResponse.succeeded(run);
        }
        List<TaskFailure> failures = failures(run);
        String state = life + (result != null ? "/" + result : "")
                + (run.state() != null && run.state().stateMessage() != null && !run.state().stateMessage().isBlank()
                ? " (" + run.state().stateMessage().strip() + ")" : "");
        String message = state + (failures.isEmpty() ? "" : "; " + describe(failures))
                + (run.runPageUrl() != null ? "; " + run.runPageUrl() : "");
        if (result == RunResultState.CANCELED) {
            return new PollResponse<>(PollStatus.CANCELLED, run, null, message);
        }
        return PollResponse.failed(run, message);
    }

    private static String describe(List<TaskFailure> failures) {
        List<String> lines = new ArrayList<>();
        for (TaskFailure f : failures) {
            lines.add(f.describe());
        }
        return failures.size() + " task(s) did not succeed: " + String.join("; ", lines);
    }

    @Override
    public String toString() {
        return "Jobs[" + ctx.http().baseUrl() + "]";
    }
}
