package io.dataops4j.mlflow.tracking;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.JsonBody;
import io.dataops4j.mlflow.internal.LogBatchEncoder;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.Wire;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.mlflow.internal.NonFiniteJson;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * MLflow runs: create, read, search (lazily over any number of runs), update, delete, restore, tag, log metrics,
 * params and tags in batches of any size, log inputs and outputs, and read metric histories page by page.
 *
 * <pre>{@code
 * Runs runs = mlflow.runs();
 * Run run = runs.create(CreateRun.builder(experimentId).runName("baseline").build());
 * runs.logBatch(run.id(), metrics, List.of(Param.of("lr", "0.01")), List.of());   // any number: split as needed
 * runs.terminate(run.id(), RunStatus.FINISHED);
 * for (Metric m : runs.metricHistory(run.id(), "loss")) { ... }                   // streamed page by page
 * runs.search(SearchRuns.inExperiments(experimentId)).stream().limit(10).forEach(System.out::println);
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code MlflowClient.runs()}.
 */
public final class Runs {
    private static final String P = MlflowContext.API + "runs/";
    /** The metric history page size used unless told otherwise (that of MLflow's own Java client). */
    public static final int DEFAULT_HISTORY_PAGE_SIZE = 25_000;

    private final MlflowContext ctx;
    private final LogBatchEncoder.Limits limits;

    /** Used by {@code MlflowClient}. */
    public Runs(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.limits = LogBatchEncoder.Limits.MLFLOW;
    }

    /** Creates a run in an experiment, started now. */
    public Run create(String experimentId) {
        return create(CreateRun.in(experimentId));
    }

    /** Creates a named run in an experiment, started now. */
    public Run create(String experimentId, String runName) {
        return create(CreateRun.builder(experimentId).runName(runName).build());
    }

    /** Creates a run. */
    public Run create(CreateRun spec) {
        Objects.requireNonNull(spec, "spec");
        long start = (spec.startTime() == null ? Instant.now() : spec.startTime()).toEpochMilli();
        return ctx.send(ApiRequest.post(P + "create")
                .body(JsonBody.of("experiment_id", spec.experimentId(), "user_id", spec.userId(), "run_name", spec.runName(),
                        "start_time", start, "tags", spec.tags().isEmpty() ? null : spec.tags()))
                .operation("runs.create").build(), Wire.RunResponse.class).run();
    }

    /** A run with the latest value of each metric; {@code ResourceNotFoundException} when there is none. */
    public Run get(String runId) {
        Objects.requireNonNull(runId, "runId");
        return ctx.send(ApiRequest.get(P + "get").query("run_id", runId).operation("runs.get").build(),
                Wire.RunResponse.class).run();
    }

    /** The runs a search matches, fetched page by page as they are consumed. */
    public Paged<Run> search(SearchRuns search) {
        Objects.requireNonNull(search, "search");
        return Paged.tokens(token -> {
            Wire.RunsPage p = ctx.send(ApiRequest.post(P + "search")
                    .body(JsonBody.of("experiment_ids", search.experimentIds(), "filter", search.filter(),
                            "run_view_type", search.viewType().name(), "max_results", search.pageSize(),
                            "order_by", search.orderBy().isEmpty() ? null : search.orderBy(), "page_token", token))
                    .idempotent().operation("runs.search").build(), Wire.RunsPage.class);
            return p == null ? new Page<>(List.of(), null) : p.page();
        });
    }

    /** Changes a run's status, end time or name; returns its info as it is now. */
    public RunInfo update(String runId, RunUpdate update) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(update, "update");
        return ctx.send(ApiRequest.post(P + "update")
                .body(JsonBody.of("run_id", runId, "status", update.status() == null ? null : update.status().name(),
                        "end_time", update.endTime() == null ? null : update.endTime().toEpochMilli(),
                        "run_name", update.runName()))
                .idempotent().operation("runs.update").build(), Wire.RunInfoResponse.class).runInfo();
    }

    /** Ends a run now with a status ({@code FINISHED}, {@code FAILED}, {@code KILLED}). */
    public RunInfo terminate(String runId, RunStatus status) {
        return update(runId, RunUpdate.builder().status(status).endTime(Instant.now()).build());
    }

    /** Marks a run deleted (restorable). */
    public void delete(String runId) {
        Objects.requireNonNull(runId, "runId");
        ctx.send(ApiRequest.post(P + "delete").body(JsonBody.of("run_id", runId)).operation("runs.delete").build());
    }

    /** Restores a deleted run. */
    public void restore(String runId) {
        Objects.requireNonNull(runId, "runId");
        ctx.send(ApiRequest.post(P + "restore").body(JsonBody.of("run_id", runId)).operation("runs.restore").build());
    }

    /** Sets (or overwrites) a tag. */
    public void setTag(String runId, String key, String value) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.post(P + "set-tag").body(JsonBody.of("run_id", runId, "key", key, "value", value == null ? "" : value))
                .idempotent().operation("runs.setTag").build());
    }

    /** Removes a tag. */
    public void deleteTag(String runId, String key) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.post(P + "delete-tag").body(JsonBody.of("run_id", runId, "key", key))
                .operation("runs.deleteTag").build());
    }

    /** Logs one metric point, measured now. */
    public void logMetric(String runId, String key, double value, long step) {
        logBatch(runId, List.of(Metric.of(key, value, step)), List.of(), List.of());
    }

    /** Logs one parameter. */
    public void logParam(String runId, String key, String value) {
        logBatch(runId, List.of(), List.of(Param.of(key, value)), List.of());
    }

    /** Logs any number of metric points, in order. */
    public LogBatchResult logMetrics(String runId, Iterable<Metric> metrics) {
        return logBatch(runId, metrics, List.of(), List.of());
    }

    /**
     * Logs any number of metrics, params and tags. They are sent in as many {@code log-batch} requests as the
     * server's limits need (1000 metrics, 100 params, 100 tags, 1000 items and 1 MB per request), one after the
     * other, metric points in the order given; items are read from the iterables lazily, so a long stream never
     * sits in memory. Each request is retried like a read when the server is busy or the connection fails (sending
     * the same batch twice changes nothing on an MLflow server); a request that still fails stops the batch: the
     * requests before it have been applied.
     *
     * @return how many requests and items were sent
     */
    public LogBatchResult logBatch(String runId, Iterable<Metric> metrics, Iterable<Param> params, Iterable<Tag> tags) {
        Objects.requireNonNull(runId, "runId");
        LogBatchEncoder encoder = new LogBatchEncoder(runId, metrics, params, tags, limits);
        int requests = 0;
        long nm = 0;
        long np = 0;
        long nt = 0;
        while (encoder.hasNext()) {
            LogBatchEncoder.Request r = encoder.next();
            // safe to send again: MLflow stores a metric point once (its key, timestamp, step and value are the row's
            // key), accepts a param logged again with the same value, and overwrites tags
            ctx.send(ApiRequest.post(P + "log-batch").body(r.body()).idempotent().operation("runs.logBatch").build());
            requests++;
            nm += r.metrics();
            np += r.params();
            nt += r.tags();
        }
        return new LogBatchResult(requests, nm, np, nt);
    }

    /** Logs datasets and logged models the run used. */
    public void logInputs(String runId, List<DatasetInput> datasets, List<ModelInput> models) {
        Objects.requireNonNull(runId, "runId");
        ctx.send(ApiRequest.post(P + "log-inputs")
                .body(JsonBody.of("run_id", runId, "datasets", datasets == null || datasets.isEmpty() ? null : datasets,
                        "models", models == null || models.isEmpty() ? null : models))
                .operation("runs.logInputs").build());
    }

    /** Logs the logged models (MLflow 3) the run produced. */
    public void logOutputs(String runId, List<ModelOutput> models) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(models, "models");
        ctx.send(ApiRequest.post(P + "outputs").body(JsonBody.of("run_id", runId, "models", models))
                .operation("runs.logOutputs").build());
    }

    /** Every point of a metric, oldest first, fetched {@value #DEFAULT_HISTORY_PAGE_SIZE} at a time. */
    public Paged<Metric> metricHistory(String runId, String key) {
        return metricHistory(runId, key, DEFAULT_HISTORY_PAGE_SIZE);
    }

    /**
     * Every point of a metric, ordered by timestamp, step and value as the server orders them, fetched
     * {@code pageSize} at a time: a long history is never loaded in one answer.
     */
    public Paged<Metric> metricHistory(String runId, String key, int pageSize) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive but was " + pageSize);
        }
        return Paged.tokens(token -> {
            Wire.MetricsPage p = ctx.send(ApiRequest.get(MlflowContext.API + "metrics/get-history")
                    .query("run_id", runId).query("metric_key", key).query("max_results", pageSize)
                    .query("page_token", token).operation("runs.metricHistory").build(), Wire.MetricsPage.class);
            return p == null ? new Page<>(List.of(), null) : p.page();
        });
    }

    /** At most this many runs in one {@link #metricHistoryBulk} request (the server's limit). */
    public static final int MAX_BULK_RUNS = 100;
    /** At most this many points in one {@link #metricHistoryBulk} answer (the server's limit). */
    public static final int MAX_BULK_POINTS = 25_000;

    /**
     * Every point of one metric of up to {@value #MAX_BULK_RUNS} runs in one request: the call the MLflow UI's charts
     * make ({@code GET ajax-api/2.0/mlflow/metrics/get-history-bulk}). It is not in MLflow's REST API reference and
     * hosted services may not serve it (a {@code 404} then), but every open-source MLflow server since 2.0 does.
     *
     * <p>The server orders the points by run id, then timestamp, step and value, and stops after {@code maxResults}
     * points in all: when the answer holds exactly {@code maxResults} points, the last run in it may be cut short
     * (ask again for that run and the ones after it). Each point carries its {@link Metric#runId()}; the MLflow 3
     * dataset and model fields are not returned (use {@link #metricHistory} when they matter).
     *
     * <pre>{@code
     * Map<String, List<Metric>> byRun = runs.metricHistoryBulk(List.of(a, b, c), "loss", 25_000).stream()
     *     .collect(Collectors.groupingBy(Metric::runId));
     * }</pre>
     *
     * @param runIds     1 to {@value #MAX_BULK_RUNS} run ids
     * @param key        the metric
     * @param maxResults 1 to {@value #MAX_BULK_POINTS}
     */
    public List<Metric> metricHistoryBulk(Collection<String> runIds, String key, int maxResults) {
        Objects.requireNonNull(runIds, "runIds");
        Objects.requireNonNull(key, "key");
        if (runIds.isEmpty() || runIds.size() > MAX_BULK_RUNS) {
            throw new IllegalArgumentException("runIds must hold 1 to " + MAX_BULK_RUNS + " run ids but held " + runIds.size());
        }
        if (maxResults < 1 || maxResults > MAX_BULK_POINTS) {
            throw new IllegalArgumentException("maxResults must be between 1 and " + MAX_BULK_POINTS + " but was " + maxResults);
        }
        ApiRequest request = ApiRequest.get("ajax-api/2.0/mlflow/metrics/get-history-bulk")
                .queryAll("run_id", runIds).query("metric_key", key).query("max_results", maxResults)
                .operation("runs.metricHistoryBulk").build();
        String body;
        try (ApiResponse r = ctx.http().execute(request)) {
            body = r.bodyString();
        }
        // This endpoint answers with Flask's JSON encoder, which writes bare NaN and Infinity (not JSON)
        Wire.MetricsPage page = ctx.http().json().fromJson(NonFiniteJson.quote(body), Wire.MetricsPage.class);
        return page == null || page.metrics() == null ? List.of() : page.metrics();
    }
}
