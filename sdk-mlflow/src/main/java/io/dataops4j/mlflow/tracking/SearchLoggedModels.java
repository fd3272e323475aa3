package io.dataops4j.mlflow.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LoggedModels#search(SearchLoggedModels)} looks for ({@code POST /api/2.0/mlflow/logged-models/search}).
 *
 * <pre>{@code
 * Paged<LoggedModel> best = mlflow.loggedModels().search(SearchLoggedModels.builder().experimentIds("1")
 *     .filter("metrics.accuracy > 0.9 AND tags.team = 'fraud'")
 *     .dataset("eval", null)                                // metrics measured on this dataset only
 *     .orderBy(SearchLoggedModels.OrderBy.desc("metrics.accuracy"))
 *     .build());
 * }</pre>
 *
 * @param experimentIds the experiments to search (at least one)
 * @param filter        MLflow's filter syntax over {@code name}, {@code model_id}, {@code model_type}, {@code status},
 *                      {@code source_run_id}, {@code creation_timestamp}, {@code last_updated_timestamp}, {@code metrics.x}, {@code params.x},
 *                      {@code tags.x}; or null
 * @param datasets      the datasets metric filters apply to, possibly empty
 * @param orderBy       order clauses, possibly empty (the server then orders newest first)
 * @param pageSize      models per request
 */
public record SearchLoggedModels(List<String> experimentIds, String filter, List<Dataset> datasets, List<OrderBy> orderBy,
                                 int pageSize) {
    /** The page size unless told otherwise (the server's own default, {@code SEARCH_LOGGED_MODEL_MAX_RESULTS_DEFAULT}). */
    public static final int DEFAULT_PAGE_SIZE = 100;

    public SearchLoggedModels {
        experimentIds = List.copyOf(Objects.requireNonNull(experimentIds, "experimentIds"));
        if (experimentIds.isEmpty()) {
            throw new IllegalArgumentException("a logged model search needs at least one experiment id");
        }
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive but was " + pageSize);
        }
    }

    /** Every logged model of some experiments. */
    public static SearchLoggedModels inExperiments(String... experimentIds) {
        return new SearchLoggedModels(Arrays.asList(experimentIds), null, List.of(), List.of(), DEFAULT_PAGE_SIZE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A dataset the metric filters apply to ({@code SearchLoggedModels.Dataset}).
     *
     * @param datasetName   the dataset's name
     * @param datasetDigest its digest, or null for any
     */
    public record Dataset(String datasetName, String datasetDigest) {
        public Dataset {
            Objects.requireNonNull(datasetName, "datasetName");
        }
    }

    /**
     * One order clause ({@code SearchLoggedModels.OrderBy}).
     *
     * @param fieldName     {@code name}, {@code creation_timestamp}, {@code metrics.accuracy}, ...
     * @param ascending     the direction
     * @param datasetName   for a metric: only values measured on this dataset count, or null
     * @param datasetDigest for a metric: that dataset's digest, or null
     */
    public record OrderBy(String fieldName, boolean ascending, String datasetName, String datasetDigest) {
        public OrderBy {
            Objects.requireNonNull(fieldName, "fieldName");
        }

        /** Ascending by a field. */
        public static OrderBy asc(String fieldName) {
            return new OrderBy(fieldName, true, null, null);
        }

        /** Descending by a field. */
        public static OrderBy desc(String fieldName) {
            return new OrderBy(fieldName, false, null, null);
        }
    }

    /** Builds a {@link SearchLoggedModels}. */
    public static final class Builder {
        private final List<String> experimentIds = new ArrayList<>();
        private String filter;
        private final List<Dataset> datasets = new ArrayList<>();
        private final List<OrderBy> orderBy = new ArrayList<>();
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        public Builder experimentIds(String... ids) {
            experimentIds.addAll(Arrays.asList(ids));
            return this;
        }

        public Builder experimentIds(List<String> ids) {
            experimentIds.addAll(ids);
            return this;
        }

        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /** Adds a dataset metric filters apply to; {@code digest} may be null. */
        public Builder dataset(String name, String digest) {
            datasets.add(new Dataset(name, digest));
            return this;
        }

        public Builder orderBy(OrderBy clause) {
            orderBy.add(Objects.requireNonNull(clause, "clause"));
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public SearchLoggedModels build() {
            return new SearchLoggedModels(experimentIds, filter, datasets, orderBy, pageSize);
        }
    }
}
