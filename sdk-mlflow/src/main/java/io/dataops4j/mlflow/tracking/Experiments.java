package io.dataops4j.mlflow.tracking;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.JsonBody;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.Wire;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MLflow experiments: create, read, search (lazily, page by page), rename, delete, restore, tag.
 *
 * <pre>{@code
 * Experiments experiments = mlflow.experiments();
 * String id = experiments.create("churn", List.of(Tag.of("team", "fraud")));
 * Experiment e = experiments.getByName("churn");
 * experiments.search(SearchExperiments.filter("tags.team = 'fraud'")).forEach(System.out::println);
 * experiments.rename(id, "churn-v2");
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code MlflowClient.experiments()}.
 */
public final class Experiments {
    private static final String P = MlflowContext.API + "experiments/";

    private final MlflowContext ctx;

    /** Used by {@code MlflowClient}. */
    public Experiments(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates an experiment with the server's default artifact location; returns its id. */
    public String create(String name) {
        return create(name, null, List.of());
    }

    /** Creates an experiment with tags; returns its id. */
    public String create(String name, List<Tag> tags) {
        return create(name, null, tags);
    }

    /**
     * Creates an experiment; returns its id.
     *
     * @param name             a name not used by any experiment, active or deleted (or a conflict is thrown)
     * @param artifactLocation where its runs' artifacts go, or null for the server's default
     * @param tags             tags, possibly empty
     */
    public String create(String name, String artifactLocation, List<Tag> tags) {
        Objects.requireNonNull(name, "name");
        Wire.ExperimentId r = ctx.send(ApiRequest.post(P + "create")
                .body(JsonBody.of("name", name, "artifact_location", artifactLocation,
                        "tags", tags == null || tags.isEmpty() ? null : tags))
                .operation("experiments.create").build(), Wire.ExperimentId.class);
        return r.experimentId();
    }

    /** An experiment by id; {@link ResourceNotFoundException} when there is none. */
    public Experiment get(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        return ctx.send(ApiRequest.get(P + "get").query("experiment_id", experimentId)
                .operation("experiments.get").build(), Wire.ExperimentResponse.class).experiment();
    }

    /** An experiment by name (the active one when a deleted one has the same name); not found throws. */
    public Experiment getByName(String name) {
        Objects.requireNonNull(name, "name");
        return ctx.send(ApiRequest.get(P + "get-by-name").query("experiment_name", name)
                .operation("experiments.getByName").build(), Wire.ExperimentResponse.class).experiment();
    }

    /** An experiment by name, or empty. */
    public Optional<Experiment> findByName(String name) {
        try {
            return Optional.of(getByName(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** An experiment by id when {@code idOrName} is one, else by name (what a command line accepts). */
    public Experiment getByIdOrName(String idOrName) {
        Objects.requireNonNull(idOrName, "idOrName");
        if (!idOrName.isEmpty() && idOrName.chars().allMatch(Character::isDigit)) {
            try {
                return get(idOrName);
            } catch (ResourceNotFoundException e) {
                return findByName(idOrName).orElseThrow(() -> e);
            }
        }
        return getByName(idOrName);
    }

    /** Every active experiment, fetched lazily. */
    public Paged<Experiment> search() {
        return search(SearchExperiments.all());
    }

    /** The experiments a search matches, fetched page by page as they are consumed. */
    public Paged<Experiment> search(SearchExperiments search) {
        Objects.requireNonNull(search, "search");
        return Paged.tokens(token -> {
            Wire.ExperimentsPage p = ctx.send(ApiRequest.post(P + "search")
                    .body(JsonBody.of("max_results", search.pageSize(), "page_token", token, "filter", search.filter(),
                            "order_by", search.orderBy().isEmpty() ? null : search.orderBy(),
                            "view_type", search.viewType().name()))
                    .idempotent().operation("experiments.search").build(), Wire.ExperimentsPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.experiments(), p.nextPageToken());
        });
    }

    /** Renames an experiment. */
    public void rename(String experimentId, String newName) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(newName, "newName");
        ctx.send(ApiRequest.post(P + "update").body(JsonBody.of("experiment_id", experimentId, "new_name", newName))
                .operation("experiments.update").build());
    }

    /** Marks an experiment (and its runs) deleted; it can be restored until the server's garbage collection. */
    public void delete(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        ctx.send(ApiRequest.post(P + "delete").body(JsonBody.of("experiment_id", experimentId))
                .operation("experiments.delete").build());
    }

    /** Restores a deleted experiment. */
    public void restore(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        ctx.send(ApiRequest.post(P + "restore").body(JsonBody.of("experiment_id", experimentId))
                .operation("experiments.restore").build());
    }

    /** Sets (or overwrites) a tag. */
    public void setTag(String experimentId, String key, String value) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.post(P + "set-experiment-tag")
                .body(JsonBody.of("experiment_id", experimentId, "key", key, "value", value == null ? "" : value))
                .idempotent().operation("experiments.setTag").build());
    }

    /** Removes a tag. */
    public void deleteTag(String experimentId, String key) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(key, "key");
        ctx.send(ApiRequest.post(P + "delete-experiment-tag").body(JsonBody.of("experiment_id", experimentId, "key", key))
                .operation("experiments.deleteTag").build());
    }
}
