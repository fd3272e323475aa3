package io.dataops4j.mlflow.registry;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.mlflow.internal.JsonBody;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Model versions of the MLflow model registry: register (and wait until READY), read, search (lazily), describe,
 * move between stages, tag, delete, and find where their files are.
 *
 * <pre>{@code
 * ModelVersions versions = mlflow.modelVersions();
 * ModelVersion v = versions.create(CreateModelVersion.builder("churn", run.info().artifactUri() + "/model")
 *         .runId(run.id()).build())
 *     .waitForCompletion(Duration.ofMinutes(5));          // OperationFailedException with the server's message
 * versions.transitionStage("churn", v.version(), ModelStage.PRODUCTION, true);
 * Path local = mlflow.artifacts().forUri(versions.downloadUri("churn", v.version())).download("", Path.of("m"));
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code MlflowClient.modelVersions()}.
 */
public final class ModelVersions {
    private static final String P = MlflowContext.API + "model-versions/";

    private final MlflowContext ctx;

    /** Used by {@code MlflowClient}. */
    public ModelVersions(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Registers a model version and returns a poller that waits until it is {@code READY}; it ends in an
     * {@code OperationFailedException} carrying the server's status message when registration fails. A source the
     * server refuses outright fails here, with the server's message, as a {@code BadRequestException}.
     */
    public Poller<ModelVersion> create(CreateModelVersion spec) {
        Objects.requireNonNull(spec, "spec");
        ModelVersion created = ctx.send(ApiRequest.post(P + "create")
                .body(JsonBody.of("name", spec.name(), "source", spec.source(), "run_id", spec.runId(),
                        "tags", spec.tags().isEmpty() ? null : spec.tags(), "run_link", spec.runLink(),
                        "description", spec.description(), "model_id", spec.modelId()))
                .operation("modelVersions.create").build(), Wire.ModelVersionResponse.class).modelVersion();
        return poller(created.name(), created.version(), classify(created));
    }

    /** Registers a model version and waits until it is READY (or fails, or the timeout passes). */
    public ModelVersion createAndWait(CreateModelVersion spec, Duration timeout) {
        return create(spec).waitForCompletion(timeout);
    }

    /** A poller for a version registered earlier (after a restart, for instance). */
    public Poller<ModelVersion> poll(String name, String version) {
        return poller(name, version, null);
    }

    private Poller<ModelVersion> poller(String name, String version, PollResponse<ModelVersion> initial) {
        return Poller.<ModelVersion>builder(name + "/" + version, "model version " + name + " v" + version,
                        () -> classify(get(name, version)))
                .interval(ctx.pollInterval(), ctx.maxPollInterval())
                .timing(ctx.clock(), ctx.sleeper())
                .initial(initial)
                .build();
    }

    private static PollResponse<ModelVersion> classify(ModelVersion v) {
        if (v.status() == ModelVersionStatus.READY) {
            return PollResponse.succeeded(v);
        }
        if (v.status() == ModelVersionStatus.FAILED_REGISTRATION) {
            String msg = v.statusMessage() == null || v.statusMessage().isBlank() ? "registration failed" : v.statusMessage();
            return PollResponse.failed(v, msg);
        }
        return new PollResponse<>(io.dataops4j.core.poll.PollStatus.IN_PROGRESS, v, null, v.statusMessage());
    }

    /** A model version; {@code ResourceNotFoundException} when there is none. */
    public ModelVersion get(String name, String version) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        return ctx.send(ApiRequest.get(P + "get").query("name", name).query("version", version)
                .operation("modelVersions.get").build(), Wire.ModelVersionResponse.class).modelVersion();
    }

    /** The versions a search matches, fetched page by page as they are consumed. */
    public Paged<ModelVersion> search(SearchModelVersions search) {
        Objects.requireNonNull(search, "search");
        return Paged.tokens(token -> {
            Wire.ModelVersionsPage p = ctx.send(ApiRequest.get(P + "search")
                    .query("filter", search.filter()).query("max_results", search.pageSize())
                    .queryAll("order_by", search.orderBy()).query("page_token", token)
                    .operation("modelVersions.search").build(), Wire.ModelVersionsPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.modelVersions(), p.nextPageToken());
        });
    }

    /** Sets a version's description; returns it as it is now. */
    public ModelVersion updateDescription(String name, String version, String description) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        return ctx.send(ApiRequest.patch(P + "update")
                .body(JsonBody.of("name", name, "version", version, "description", description == null ? "" : description))
                .idempotent().operation("modelVersions.update").build(), Wire.ModelVersionResponse.class).modelVersion();
    }

    /**
     * Moves a version to a stage.
     *
     * @param archiveExistingVersions whether the versions now in that stage move to Archived
     */
    public ModelVersion transitionStage(String name, String version, ModelStage stage, boolean archiveExistingVersions) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stage, "stage");
        if (stage == ModelStage.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a stage a version can move to");
        }
        return ctx.send(ApiRequest.post(P + "transition-stage")
                .body(JsonBody.of("name", name, "version", version, "stage", stage.wireName(),
                        "archive_existing_versions", archiveExistingVersions))
                .operation("modelVersions.transitionStage").build(), Wire.ModelVersionResponse.class).modelVersion();
    }

    /** Deletes a version. */
    public void delete(String name, String version) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        ctx.send(ApiRequest.delete(P + "delete").body(JsonBody.of("name", name, "version", version))
                .operation("modelVersions.delete").build());
    }

    /** Sets (or overwrites) a tag. */
    public void setTag(String name, String version, String key, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.post(P + "set-tag")
                .body(JsonBody.of("name", name, "version", version, "key", key, "value", value == null ? "" : value))
                .idempotent().operation("modelVersions.setTag").build());
    }

    /** Removes a tag. */
    public void deleteTag(String name, String version, String key) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.delete(P + "delete-tag").body(JsonBody.of("name", name, "version", version, "key", key))
                .operation("modelVersions.deleteTag").build());
    }

    /**
     * Where a version's files can be read: an artifact URI for {@code mlflow.artifacts().forUri(...)}
     * ({@code mlflow-artifacts:/...}, {@code file:///...}, {@code s3://...}).
     */
    public String downloadUri(String name, String version) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        return ctx.send(ApiRequest.get(P + "get-download-uri").query("name", name).query("version", version)
                .operation("modelVersions.downloadUri").build(), Wire.DownloadUri.class).artifactUri();
    }
}
