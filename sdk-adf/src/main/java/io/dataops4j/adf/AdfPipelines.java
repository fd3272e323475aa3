package io.dataops4j.adf;

import io.dataops4j.adf.internal.RunPages;
import io.dataops4j.adf.runs.ActivityRun;
import io.dataops4j.adf.runs.PipelineRun;
import io.dataops4j.adf.runs.PipelineRunStatus;
import io.dataops4j.adf.runs.RunQuery;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pipeline runs: start one ({@code createRun}) and wait for it with a {@link Poller}, read, cancel, query runs and
 * their activity runs.
 *
 * <pre>{@code
 * PipelineRun done = adf.pipelines().createRun("PL_Databricks", Map.of("notebook", "/etl/ingest"))
 *     .waitForCompletion(Duration.ofHours(2));                  // OperationFailedException when it failed
 * adf.pipelines().activityRuns(done.runId(), RunQuery.lastUpdated(done.runStart(), Instant.now()))
 *     .forEach(a -> log.info("{} {} {}", a.activityName(), a.status(), a.output()));
 * }</pre>
 */
public final class AdfPipelines {
    private final AdfClient client;

    AdfPipelines(AdfClient client) {
        this.client = client;
    }

    /** Starts a run with parameters (values are sent as JSON: strings, numbers, booleans, maps, lists). */
    public Poller<PipelineRun> createRun(String pipelineName, Map<String, ?> parameters) {
        return pollRun(startRun(pipelineName, parameters));
    }

    /** Starts a run and returns its id without waiting. */
    public String startRun(String pipelineName, Map<String, ?> parameters) {
        Objects.requireNonNull(pipelineName, "pipelineName");
        RunPages.CreateRun r = client.arm().http().send(ApiRequest.post(client.path("pipelines", pipelineName, "createRun"))
                .query("api-version", AdfClient.API_VERSION)
                .json(parameters == null ? Map.of() : parameters)
                .operation("adf.createRun").build(), RunPages.CreateRun.class);
        if (r == null || r.runId() == null) {
            throw new io.dataops4j.core.error.DataOpsException("createRun of " + pipelineName + " answered without a runId");
        }
        return r.runId();
    }

    /** A run by id. */
    public PipelineRun run(String runId) {
        return client.arm().get(client.path("pipelineruns", runId), AdfClient.API_VERSION, PipelineRun.class);
    }

    /** A poller of a run that ends when the run does (Succeeded; Failed and Cancelled fail it). Rebuildable from the run id. */
    public Poller<PipelineRun> pollRun(String runId) {
        return Poller.<PipelineRun>builder(runId, "pipeline run " + runId, () -> {
                    PipelineRun r = run(runId);
                    PipelineRunStatus s = r.status() == null ? PipelineRunStatus.UNKNOWN : r.status();
                    return switch (s) {
                        case SUCCEEDED -> PollResponse.succeeded(r);
                        case FAILED -> PollResponse.failed(r, "pipeline " + r.pipelineName() + " failed: " + r.message());
                        case CANCELLED -> new PollResponse<>(PollStatus.CANCELLED, r, null, "cancelled");
                        default -> PollResponse.inProgress(r);
                    };
                })
                .interval(client.pollInterval(), client.pollInterval().multipliedBy(6))
                .timing(client.clock(), client.sleeper())
                .canceller(() -> cancelRun(runId, true))
                .build();
    }

    /** Cancels a run (and, when recursive, the runs it started). */
    public void cancelRun(String runId, boolean recursive) {
        client.arm().http().send(ApiRequest.post(client.path("pipelineruns", runId, "cancel"))
                .query("api-version", AdfClient.API_VERSION).query("isRecursive", recursive)
                .operation("adf.cancelRun").build());
    }

    /** Pipeline runs of the factory in a window, page by page (continuation tokens). */
    public Paged<PipelineRun> queryRuns(RunQuery query) {
        return Paged.tokens(token -> {
            RunPages.Pipelines p = query(client.path("queryPipelineRuns"), query, token, RunPages.Pipelines.class);
            return new Page<>(p == null ? List.of() : p.value(), p == null ? null : p.continuationToken());
        });
    }

    /** The activity runs of a pipeline run, page by page. */
    public Paged<ActivityRun> activityRuns(String runId, RunQuery query) {
        return Paged.tokens(token -> {
            RunPages.Activities p = query(client.path("pipelineruns", runId, "queryActivityruns"), query, token, RunPages.Activities.class);
            return new Page<>(p == null ? List.of() : p.value(), p == null ? null : p.continuationToken());
        });
    }

    <T> T query(String path, RunQuery q, String token, Class<T> type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastUpdatedAfter", q.lastUpdatedAfter());
        body.put("lastUpdatedBefore", q.lastUpdatedBefore());
        if (token != null) {
            body.put("continuationToken", token);
        }
        if (!q.filters().isEmpty()) {
            body.put("filters", q.filters());
        }
        if (!q.orderBy().isEmpty()) {
            body.put("orderBy", q.orderBy());
        }
        // a query reads only: safe to retry
        return client.arm().http().send(ApiRequest.post(path).query("api-version", AdfClient.API_VERSION).json(body)
                .idempotent().operation("adf.query").build(), type);
    }
}
