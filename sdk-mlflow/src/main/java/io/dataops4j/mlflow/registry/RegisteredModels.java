package io.dataops4j.mlflow.registry;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.JsonBody;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.Wire;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registered models of the MLflow model registry: create, read, search (lazily), rename, describe, tag, alias,
 * delete, latest versions.
 *
 * <pre>{@code
 * RegisteredModels models = mlflow.registeredModels();
 * models.create("churn", "Predicts churn", List.of(Tag.of("team", "fraud")));
 * models.setAlias("churn", "champion", "3");
 * ModelVersion champion = models.getVersionByAlias("churn", "champion");
 * models.search(SearchRegisteredModels.filter("name LIKE 'churn%'")).forEach(System.out::println);
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code MlflowClient.registeredModels()}.
 */
public final class RegisteredModels {
    private static final String P = MlflowContext.API + "registered-models/";

    private final MlflowContext ctx;

    /** Used by {@code MlflowClient}. */
    public RegisteredModels(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates a registered model. */
    public RegisteredModel create(String name) {
        return create(name, null, List.of());
    }

    /** Creates a registered model with a description and tags; a conflict when the name is taken. */
    public RegisteredModel create(String name, String description, List<Tag> tags) {
        Objects.requireNonNull(name, "name");
        return ctx.send(ApiRequest.post(P + "create")
                .body(JsonBody.of("name", name, "tags", tags == null || tags.isEmpty() ? null : tags, "description", description))
                .operation("registeredModels.create").build(), Wire.RegisteredModelResponse.class).registeredModel();
    }

    /** A registered model by name; {@link ResourceNotFoundException} when there is none. */
    public RegisteredModel get(String name) {
        Objects.requireNonNull(name, "name");
        return ctx.send(ApiRequest.get(P + "get").query("name", name).operation("registeredModels.get").build(),
                Wire.RegisteredModelResponse.class).registeredModel();
    }

    /** A registered model by name, or empty. */
    public Optional<RegisteredModel> find(String name) {
        try {
            return Optional.of(get(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Every registered model, fetched lazily. */
    public Paged<RegisteredModel> search() {
        return search(SearchRegisteredModels.all());
    }

    /** The registered models a search matches, fetched page by page as they are consumed. */
    public Paged<RegisteredModel> search(SearchRegisteredModels search) {
        Objects.requireNonNull(search, "search");
        return Paged.tokens(token -> {
            Wire.RegisteredModelsPage p = ctx.send(ApiRequest.get(P + "search")
                    .query("filter", search.filter()).query("max_results", search.pageSize())
                    .queryAll("order_by", search.orderBy()).query("page_token", token)
                    .operation("registeredModels.search").build(), Wire.RegisteredModelsPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.registeredModels(), p.nextPageToken());
        });
    }

    /** Renames a registered model (its versions follow); returns it as it is now. */
    public RegisteredModel rename(String name, String newName) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newName, "newName");
        return ctx.send(ApiRequest.post(P + "rename").body(JsonBody.of("name", name, "new_name", newName))
                .operation("registeredModels.rename").build(), Wire.RegisteredModelResponse.class).registeredModel();
    }

    /** Sets a registered model's description; returns it as it is now. */
    public RegisteredModel updateDescription(String name, String description) {
        Objects.requireNonNull(name, "name");
        return ctx.send(ApiRequest.patch(P + "update")
                .body(JsonBody.of("name", name, "description", description == null ? "" : description))
                .idempotent().operation("registeredModels.update").build(), Wire.RegisteredModelResponse.class).registeredModel();
    }

    /** Deletes a registered model and all its versions. */
    public void delete(String name) {
        Objects.requireNonNull(name, "name");
        ctx.send(ApiRequest.delete(P + "delete").body(JsonBody.of("name", name))
                .operation("registeredModels.delete").build());
    }

    /** Sets (or overwrites) a tag. */
    public void setTag(String name, String key, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.post(P + "set-tag").body(JsonBody.of("name", name, "key", key, "value", value == null ? "" : value))
                .idempotent().operation("registeredModels.setTag").build());
    }

    /** Removes a tag. */
    public void deleteTag(String name, String key) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.delete(P + "delete-tag").body(JsonBody.of("name", name, "key", key))
                .operation("registeredModels.deleteTag").build());
    }

    /**
     * Points an alias at a version (moving it if it pointed elsewhere). Aliases match {@code ^[\w\-]*$}, are at most
     * 255 characters, and may not be {@code latest} or {@code v<digits>}.
     */
    public void setAlias(String name, String alias, String version) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(version, "version");
        ctx.send(ApiRequest.post(P + "alias").body(JsonBody.of("name", name, "alias", alias, "version", version))
                .idempotent().operation("registeredModels.setAlias").build());
    }

    /** Removes an alias. */
    public void deleteAlias(String name, String alias) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        ctx.send(ApiRequest.delete(P + "alias").body(JsonBody.of("name", name, "alias", alias))
                .operation("registeredModels.deleteAlias").build());
    }

    /**
     * The version an alias points to. An unknown alias is a {@code BadRequestException}: MLflow answers it with
     * {@code INVALID_PARAMETER_VALUE} ("Registered model alias ... not found").
     */
    public ModelVersion getVersionByAlias(String name, String alias) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        return ctx.send(ApiRequest.get(P + "alias").query("name", name).query("alias", alias)
                .operation("registeredModels.getByAlias").build(), Wire.ModelVersionResponse.class).modelVersion();
    }

    /** The latest version in each of the given stages (every stage when none is given). */
    public List<ModelVersion> latestVersions(String name, ModelStage... stages) {
        Objects.requireNonNull(name, "name");
        Wire.ModelVersionsPage p = ctx.send(ApiRequest.get(P + "get-latest-versions").query("name", name)
                .queryAll("stages", Arrays.stream(stages).map(ModelStage::wireName).toList())
                .operation("registeredModels.latestVersions").build(), Wire.ModelVersionsPage.class);
        return p == null || p.modelVersions() == null ? List.of() : List.copyOf(p.modelVersions());
    }
}
