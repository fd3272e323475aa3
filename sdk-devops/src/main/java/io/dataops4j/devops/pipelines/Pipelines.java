package io.dataops4j.devops.pipelines;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.devops.internal.DevOpsContext;
import io.dataops4j.devops.internal.SubClients;
import java.util.Objects;

import static io.dataops4j.devops.internal.DevOpsContext.seg;
import static io.dataops4j.devops.internal.DevOpsContext.version;

/**
 * YAML pipelines and their runs, reached with {@code devops.pipelines()}; builds are {@code devops.builds()}.
 *
 * <pre>{@code
 * PipelineRun done = devops.pipelines().run("proj", 7, RunPipeline.builder().variable("MODEL_VERSION", "3").build())
 *     .waitForCompletion(Duration.ofMinutes(30));
 * }</pre>
 */
public final class Pipelines {
    static final String PIPELINES_VERSION = "7.1-preview.1";
    private final DevOpsContext ctx;

    static {
        SubClients.register(Pipelines.class, Pipelines::new);
    }

    private Pipelines(DevOpsContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** The pipelines of a project (paged by continuation token). */
    public Paged<Pipeline> list(String project) {
        return list(project, null);
    }

    /** The pipelines of a project, {@code pageSize} per page ({@code $top}), or the service's default when null. */
    public Paged<Pipeline> list(String project, Integer pageSize) {
        ApiRequest first = version(ApiRequest.get(seg(project) + "/_apis/pipelines"), PIPELINES_VERSION)
                .query("$top", pageSize).operation("pipelines.list").build();
        return Paged.continuationHeader(ctx.http(), first, "x-ms-continuationtoken", "continuationToken", Pipeline.class);
    }

    /** One pipeline. */
    public Pipeline get(String project, long pipelineId) {
        return ctx.http().send(version(ApiRequest.get(seg(project) + "/_apis/pipelines/" + pipelineId), PIPELINES_VERSION)
                .operation("pipelines.get").build(), Pipeline.class);
    }

    /** Starts a run (not retried once it may have reached the service) and returns a poller to its completion. */
    public Poller<PipelineRun> run(String project, long pipelineId, RunPipeline spec) {
        PipelineRun started = start(project, pipelineId, spec);
        return poll(project, pipelineId, started.id());
    }

    /** Starts a run and returns it as created. */
    public PipelineRun start(String project, long pipelineId, RunPipeline spec) {
        Objects.requireNonNull(spec, "spec");
        return ctx.http().send(DevOpsContext.jsonWithVariables(version(ApiRequest.post(seg(project) + "/_apis/pipelines/" + pipelineId
                + "/runs"), PIPELINES_VERSION), spec, spec.variables())
                .notIdempotent().operation("pipelines.run").build(), PipelineRun.class);
    }

    /** One run. */
    public PipelineRun getRun(String project, long pipelineId, long runId) {
        return ctx.http().send(version(ApiRequest.get(seg(project) + "/_apis/pipelines/" + pipelineId + "/runs/" + runId),
                PIPELINES_VERSION).operation("pipelines.getRun").build(), PipelineRun.class);
    }

    /** A poller to a run's completion: succeeded, failed, or canceled by its result. */
    public Poller<PipelineRun> poll(String project, long pipelineId, long runId) {
        return Poller.builder("pipeline:" + pipelineId + "/run:" + runId, "pipeline " + pipelineId + " run " + runId, () -> {
            PipelineRun r = getRun(project, pipelineId, runId);
            if (!r.isCompleted()) {
                return PollResponse.inProgress(r);
            }
            if ("succeeded".equalsIgnoreCase(r.result())) {
                return PollResponse.succeeded(r);
            }
            if ("canceled".equalsIgnoreCase(r.result())) {
                return new PollResponse<>(PollStatus.CANCELLED, r, null, "run " + runId + " canceled");
            }
            return PollResponse.failed(r, "run " + runId + " " + r.result());
        }).interval(ctx.pollInterval(), ctx.pollInterval().multipliedBy(10)).timing(ctx.clock(), ctx.sleeper()).build();
    }
}
