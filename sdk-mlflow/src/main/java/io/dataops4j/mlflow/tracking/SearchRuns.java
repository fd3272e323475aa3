package io.dataops4j.mlflow.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Runs#search(SearchRuns)} looks for.
 *
 * <pre>{@code
 * Paged<Run> best = mlflow.runs().search(SearchRuns.builder().experimentIds("1", "2")
 *     .filter("metrics.rmse < 0.8 AND params.model = 'xgb'")
 *     .orderBy("metrics.rmse ASC")
 *     .build());
 * mlflow.runs().search(SearchRuns.inExperiments("1")).stream().limit(10).forEach(System.out::println);
 * }</pre>
 *
 * @param experimentIds the experiments to search
 * @param filter        MLflow's filter syntax ({@code metrics.x}, {@code params.x}, {@code tags.x}, {@code attributes.status}), or null
 * @param viewType      active, deleted or both
 * @param orderBy       order clauses, possibly empty
 * @param pageSize      runs per request (the server accepts up to 50,000)
 */
public record SearchRuns(List<String> experimentIds, String filter, ViewType viewType, List<String> orderBy, int pageSize) {
    /** MLflow's own default page size ({@code SEARCH_MAX_RESULTS_DEFAULT}). */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public SearchRuns {
        experimentIds = List.copyOf(Objects.requireNonNull(experimentIds, "experimentIds"));
        if (experimentIds.isEmpty()) {
            throw new IllegalArgumentException("a run search needs at least one experiment id");
        }
        viewType = viewType == null ? ViewType.ACTIVE_ONLY : viewType;
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (pageSize < 1 || pageSize > 50_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 50000 but was " + pageSize);
        }
    }

    /** Every active run of some experiments. */
    public static SearchRuns inExperiments(String... experimentIds) {
        return new SearchRuns(Arrays.asList(experimentIds), null, ViewType.ACTIVE_ONLY, List.of(), DEFAULT_PAGE_SIZE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SearchRuns}. */
    public static final class Builder {
        private final List<String> experimentIds = new ArrayList<>();
        private String filter;
        private ViewType viewType = ViewType.ACTIVE_ONLY;
        private final List<String> orderBy = new ArrayList<>();
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

        public Builder viewType(ViewType viewType) {
            this.viewType = Objects.requireNonNull(viewType, "viewType");
            return this;
        }

        /** Adds an order clause ({@code "metrics.rmse ASC"}, {@code "attributes.start_time DESC"}). */
        public Builder orderBy(String clause) {
            orderBy.add(Objects.requireNonNull(clause, "clause"));
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public SearchRuns build() {
            return new SearchRuns(experimentIds, filter, viewType, orderBy, pageSize);
        }
    }
}
