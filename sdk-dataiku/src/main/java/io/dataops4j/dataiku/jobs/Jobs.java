package io.dataops4j.dataiku.jobs;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.dataiku.internal.DssContext;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.PathSegments;
import io.dataops4j.dataiku.internal.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS jobs: builds of datasets (and other outputs), their status, log and abort.
 *
 * <pre>{@code
 * Poller<JobStatus> build = dss.jobs().build("DATAOPS", "sales_raw", JobType.RECURSIVE_BUILD)
 *     .onProgress(s -> log.info("{} {}", s.jobId(), s.state()));
 * try {
 *     build.waitForCompletion(Duration.ofHours(1));
 * } catch (OperationFailedException e) {
 *     JobStatus failed = (JobStatus) e.finalState();
 *     log.error("{}", failed.failure().summary());
 *     log.error("{}", dss.jobs().log("DATAOPS", failed.jobId()));
 * }
 * }</pre>
 */
public final class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final DssContext ctx;

    /** Created by {@code DssClient}. */
    public Jobs(DssContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    private static String base(String projectKey) {
        return "projects/" + PathSegments.seg(projectKey) + "/jobs/";
    }

    /** Starts a job and returns its id. */
    public String start(String projectKey, JobDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        List<Object> outputs = new ArrayList<>();
        for (JobDefinition.Output o : definition.outputs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", o.type());
            m.put("id", o.id());
            m.put("projectKey", o.projectKey());
            m.put("partition", o.partition());
            outputs.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", definition.type().name());
        body.put("refreshHiveMetastore", definition.refreshHiveMetastore());
        body.put("outputs", outputs);
        body.put("autoUpdateSchemaBeforeEachRecipeRun", definition.autoUpdateSchemaBeforeEachRecipeRun());
        Map<String, Object> answer = Values.object(ctx.value(ApiRequest.post(base(projectKey)).body(JsonText.body(body))
                .operation("jobs.start").build()));
        String id = Values.string(answer, "id");
        if (id == null) {
            throw new io.dataops4j.core.error.DeserializationException("DSS started a job but sent no id: "
                    + JsonText.write(answer), null);
        }
        LOG.info("started DSS job {} in {}", id, projectKey);
        return id;
    }

    /** Starts a build of one dataset and returns a poller that waits for it. */
    public Poller<JobStatus> build(String projectKey, String dataset, JobType type) {
        return build(projectKey, JobDefinition.builder(type).dataset(projectKey, dataset).build());
    }

    /** Starts a job and returns a poller that waits for it: DONE succeeds, FAILED fails, ABORTED is cancelled. */
    public Poller<JobStatus> build(String projectKey, JobDefinition definition) {
        return poll(projectKey, start(projectKey, definition));
    }

    /** A poller for a job already started (after a restart, say). */
    public Poller<JobStatus> poll(String projectKey, String jobId) {
        return ctx.<JobStatus>poller(jobId, "DSS job " + jobId, () -> classify(status(projectKey, jobId)))
                .canceller(() -> abort(projectKey, jobId))
                .build();
    }

    static PollResponse<JobStatus> classify(JobStatus s) {
        return switch (s.state()) {
            case DONE -> PollResponse.succeeded(s);
            case FAILED -> PollResponse.failed(s, s.failure() == null ? "state FAILED" : s.failure().summary());
            case ABORTED -> new PollResponse<>(PollStatus.CANCELLED, s, null, "the job was aborted");
            default -> new PollResponse<>(PollStatus.IN_PROGRESS, s, null, s.state().name());
        };
    }

    /** A job's status. */
    public JobStatus status(String projectKey, String jobId) {
        RawJson raw = ctx.json(ApiRequest.get(base(projectKey) + PathSegments.seg(jobId) + "/").operation("jobs.status").build());
        Map<String, Object> base = Values.object(raw == null ? null : raw.value(), "baseStatus");
        JobState state = parse(Values.string(base, "state"));
        JobFailure failure = null;
        if (Values.hasObject(base, "unexpectedFailure")) {
            Map<String, Object> f = Values.object(base, "unexpectedFailure");
            failure = new JobFailure(Values.string(f, "errorType"), Values.string(f, "message"),
                    Values.string(f, "detailedMessage"), Values.string(f, "stackTraceStr"));
        }
        Map<String, Object> def = Values.object(base, "def");
        String id = Values.string(def, "id");
        String project = Values.string(def, "projectKey");
        return new JobStatus(project == null ? projectKey : project, id == null ? jobId : id, state, failure, raw);
    }

    private static JobState parse(String state) {
        if (state == null) {
            return JobState.UNKNOWN;
        }
        try {
            return JobState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return JobState.UNKNOWN;
        }
    }

    /** A job's log (text), or the log of one of its activities. */
    public String log(String projectKey, String jobId, String activity) {
        return ctx.text(ApiRequest.get(base(projectKey) + PathSegments.seg(jobId) + "/log").query("activity", activity)
                .operation("jobs.log").build());
    }

    /** A job's whole log. */
    public String log(String projectKey, String jobId) {
        return log(projectKey, jobId, null);
    }

    /** Aborts a job. */
    public void abort(String projectKey, String jobId) {
        ctx.http().send(ApiRequest.post(base(projectKey) + PathSegments.seg(jobId) + "/abort").operation("jobs.abort").build());
        LOG.info("asked DSS to abort job {} in {}", jobId, projectKey);
    }

    /** The project's jobs; DSS lists them in one answer. */
    public Paged<JobSummary> list(String projectKey) {
        return Paged.tokens(token -> {
            Object v = ctx.value(ApiRequest.get(base(projectKey)).operation("jobs.list").build());
            List<JobSummary> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                for (Object o : l) {
                    Map<String, Object> m = Values.object(o);
                    Map<String, Object> def = Values.object(m, "def");
                    String id = Values.string(m, "jobId") != null ? Values.string(m, "jobId") : Values.string(def, "id");
                    String project = Values.string(m, "projectKey") != null ? Values.string(m, "projectKey")
                            : Values.string(def, "projectKey");
                    out.add(new JobSummary(project, id, instant(Values.number(m, "startTime")), instant(Values.number(m, "endTime"))));
                }
            }
            return new Page<>(out, null);
        });
    }

    private static Instant instant(Long millis) {
        return millis == null || millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
