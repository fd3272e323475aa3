package io.dataops4j.mlflow.tracking;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.internal.ArtifactPaths;
import io.dataops4j.mlflow.internal.JsonBody;
import io.dataops4j.mlflow.internal.LoggedModelArtifacts;
import io.dataops4j.mlflow.internal.LoggedModelWire;
import io.dataops4j.mlflow.internal.MlflowContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MLflow 3 logged models: create, read, search (lazily over any number), finalize, tag, log parameters, delete, and
 * reach their artifacts. A logged model has its own artifact root ({@code mlflow-artifacts:/<experiment>/models/<model
 * id>/artifacts} on a server that proxies artifacts), is usually produced by a run ({@code sourceRunId}) and is what
 * MLflow 3 registers model versions from ({@code models:/<model id>}).
 *
 * <pre>{@code
 * LoggedModels models = mlflow.loggedModels();
 * LoggedModel m = models.create(CreateLoggedModel.builder(experimentId)
 *     .name("classifier").sourceRunId(run.id()).param("alpha", "0.5").tag("team", "fraud").build());
 * ArtifactRepository files = models.artifacts(m);                // the model's own artifact root
 * files.uploadFile(Path.of("out/model"), "");                     // MLmodel, model.pkl, ... at the root
 * models.finalize(m.id(), LoggedModelStatus.LOGGED_MODEL_READY);
 * mlflow.modelVersions().createAndWait(CreateModelVersion.builder("classifier", m.uri()).modelId(m.id()).build(),
 *     Duration.ofMinutes(1));
 * models.search(SearchLoggedModels.builder().experimentIds(experimentId).filter("params.alpha = '0.5'").build())
 *     .forEach(x -> System.out.println(x.id() + " " + x.info().name()));
 * }</pre>
 *
 * <p>The routes are those of MLflow's {@code service.proto} ({@code /api/2.0/mlflow/logged-models...}); statuses travel
 * by name ({@code "LOGGED_MODEL_READY"}), as MLflow's Python client sends them. Thread-safe; obtained from
 * {@code MlflowClient.loggedModels()}.
 */
public final class LoggedModels {
    private static final String P = MlflowContext.API + "logged-models";
    /**
     * At most this many parameters go in one request, in {@code create} and {@link #logParams} alike (MLflow's Python
     * client's {@code _MLFLOW_CREATE_LOGGED_MODEL_PARAMS_BATCH_SIZE} and {@code _MLFLOW_LOG_LOGGED_MODEL_PARAMS_BATCH_SIZE}).
     */
    public static final int PARAMS_PER_REQUEST = 100;

    private final MlflowContext ctx;

    /** Used by {@code MlflowClient}. */
    public LoggedModels(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates a logged model in an experiment, with a name the server makes up. */
    public LoggedModel create(String experimentId) {
        return create(CreateLoggedModel.in(experimentId));
    }

    /**
     * Creates a logged model, status {@link LoggedModelStatus#LOGGED_MODEL_PENDING}. The first
     * {@value #PARAMS_PER_REQUEST} parameters go with the creation, the rest follow in batches and the model is read
     * again, as MLflow's Python client does.
     */
    public LoggedModel create(CreateLoggedModel spec) {
        Objects.requireNonNull(spec, "spec");
        List<Param> params = spec.params();
        List<Param> first = params.size() > PARAMS_PER_REQUEST ? params.subList(0, PARAMS_PER_REQUEST) : params;
        LoggedModel created = ctx.send(ApiRequest.post(P)
                .body(JsonBody.of("experiment_id", spec.experimentId(), "name", spec.name(), "model_type", spec.modelType(),
                        "source_run_id", spec.sourceRunId(), "params", first.isEmpty() ? null : first,
                        "tags", spec.tags().isEmpty() ? null : spec.tags()))
                .operation("loggedModels.create").build(), LoggedModelWire.ModelResponse.class).model();
        if (params.size() > PARAMS_PER_REQUEST) {
            logParams(created.id(), params.subList(PARAMS_PER_REQUEST, params.size()));
            return get(created.id());
        }
        return created;
    }

    /** A logged model; {@code ResourceNotFoundException} when there is none or it is deleted. */
    public LoggedModel get(String modelId) {
        return get(modelId, false);
    }

    /** A logged model, deleted ones too when {@code allowDeleted}. */
    public LoggedModel get(String modelId, boolean allowDeleted) {
        ApiRequest.Builder b = ApiRequest.get(path(modelId)).operation("loggedModels.get");
        if (allowDeleted) {
            b.query("allow_deleted", "true");
        }
        return ctx.send(b.build(), LoggedModelWire.ModelResponse.class).model();
    }

    /** The logged models a search matches, fetched page by page as they are consumed. */
    public Paged<LoggedModel> search(SearchLoggedModels search) {
        Objects.requireNonNull(search, "search");
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (SearchLoggedModels.Dataset d : search.datasets()) {
            datasets.add(JsonBody.map("dataset_name", d.datasetName(), "dataset_digest", d.datasetDigest()));
        }
        List<Map<String, Object>> orderBy = new ArrayList<>();
        for (SearchLoggedModels.OrderBy o : search.orderBy()) {
            orderBy.add(JsonBody.map("field_name", o.fieldName(), "ascending", o.ascending(),
                    "dataset_name", o.datasetName(), "dataset_digest", o.datasetDigest()));
        }
        return Paged.tokens(token -> {
            LoggedModelWire.ModelsPage p = ctx.send(ApiRequest.post(P + "/search")
                    .body(JsonBody.of("experiment_ids", search.experimentIds(), "filter", search.filter(),
                            "datasets", datasets.isEmpty() ? null : datasets, "max_results", search.pageSize(),
                            "order_by", orderBy.isEmpty() ? null : orderBy, "page_token", token))
                    .idempotent().operation("loggedModels.search").build(), LoggedModelWire.ModelsPage.class);
            return p == null ? new Page<>(List.of(), null) : p.page();
        });
    }

    /**
     * Sets a logged model's final status ({@link LoggedModelStatus#LOGGED_MODEL_READY} once its artifacts are
     * uploaded, or {@link LoggedModelStatus#LOGGED_MODEL_UPLOAD_FAILED}); returns the model as it is now.
     */
    public LoggedModel finalize(String modelId, LoggedModelStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == LoggedModelStatus.UNKNOWN) {
            throw new IllegalArgumentException("a logged model cannot be finalized with status UNKNOWN");
        }
        return ctx.send(ApiRequest.patch(path(modelId)).body(JsonBody.of("model_id", modelId, "status", status.name()))
                .idempotent().operation("loggedModels.finalize").build(), LoggedModelWire.ModelResponse.class).model();
    }

    /** Sets (or overwrites) tags. */
    public void setTags(String modelId, List<Tag> tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.isEmpty()) {
            return;
        }
        List<Map<String, Object>> body = new ArrayList<>();
        tags.forEach(t -> body.add(JsonBody.map("key", t.key(), "value", t.value() == null ? "" : t.value())));
        ctx.send(ApiRequest.patch(path(modelId) + "/tags").body(JsonBody.of("tags", body))
                .idempotent().operation("loggedModels.setTags").build());
    }

    /** Sets (or overwrites) one tag. */
    public void setTag(String modelId, String key, String value) {
        setTags(modelId, List.of(Tag.of(key, value)));
    }

    /** Removes a tag. The key travels in the URL path, so it cannot hold a '/'. */
    public void deleteTag(String modelId, String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a logged model tag key to delete must be non-empty and hold no '/': " + key);
        }
        ctx.send(ApiRequest.delete(path(modelId) + "/tags/" + ArtifactPaths.encode(key))
                .operation("loggedModels.deleteTag").build());
    }

    /** Logs parameters, {@value #PARAMS_PER_REQUEST} per request. */
    public void logParams(String modelId, List<Param> params) {
        Objects.requireNonNull(params, "params");
        String url = path(modelId) + "/params";
        for (int i = 0; i < params.size(); i += PARAMS_PER_REQUEST) {
            List<Param> batch = params.subList(i, Math.min(params.size(), i + PARAMS_PER_REQUEST));
            ctx.send(ApiRequest.post(url).body(JsonBody.of("model_id", modelId, "params", batch))
                    .operation("loggedModels.logParams").build());
        }
    }

    /** Marks a logged model deleted ({@link #get(String, boolean)} still reads it). */
    public void delete(String modelId) {
        ctx.send(ApiRequest.delete(path(modelId)).operation("loggedModels.delete").build());
    }

    /**
     * The artifact repository of a logged model's artifact root: upload, list, open and download its files directly
     * (the artifact proxy for {@code mlflow-artifacts:} roots, a local directory for {@code file:} roots, or a plugged-in
     * {@code ArtifactRepositoryFactory}).
     */
    public ArtifactRepository artifacts(LoggedModel model) {
        Objects.requireNonNull(model, "model");
        return ctx.repositories().forUri(model.info().artifactUri());
    }

    /** The artifact repository of a logged model's artifact root (one {@link #get} first). */
    public ArtifactRepository artifacts(String modelId) {
        return artifacts(get(modelId));
    }

    /**
     * A logged model's artifacts as the tracking server sees them, read-only: listing through
     * {@code GET /api/2.0/mlflow/logged-models/<id>/artifacts/directories} and reading through
     * {@code GET /ajax-api/2.0/mlflow/logged-models/<id>/artifacts/files} (the route MLflow's UI uses; not in the REST
     * API reference, so hosted servers may not serve it). Use it where this client cannot reach the model's store
     * itself (a bucket only the server can read); uploads go through {@link #artifacts(LoggedModel)}.
     */
    public ArtifactRepository serverArtifacts(String modelId) {
        return new LoggedModelArtifacts(ctx.http(), ArtifactPaths.encode(requireId(modelId)), modelId);
    }

    /**
     * The entries directly inside a directory of a logged model's artifacts, listed by the tracking server (paths
     * relative to the model's artifact root, as {@code "dir/file"}).
     */
    public Paged<ArtifactFile> listArtifacts(String modelId, String path) {
        return serverArtifacts(modelId).list(path);
    }

    /** Opens a logged model's artifact file, read through the tracking server; the caller closes the stream. */
    public InputStream openArtifact(String modelId, String path) {
        return serverArtifacts(modelId).open(path);
    }

    private static String path(String modelId) {
        return P + "/" + ArtifactPaths.encode(requireId(modelId));
    }

    private static String requireId(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        if (modelId.isEmpty() || modelId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a logged model id: '" + modelId + "'");
        }
        return modelId;
    }
}
