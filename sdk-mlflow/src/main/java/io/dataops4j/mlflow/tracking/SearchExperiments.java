package io.dataops4j.mlflow.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Experiments#search(SearchExperiments)} looks for.
 *
 * <pre>{@code
 * SearchExperiments q = SearchExperiments.builder()
 *     .filter("name LIKE 'churn%' AND tags.team = 'fraud'")
 *     .orderBy("last_update_time DESC")
 *     .viewType(ViewType.ALL)
 *     .build();
 * }</pre>
 *
 * @param filter   MLflow's filter syntax ({@code name}, {@code tags.<key>}, {@code creation_time}, ...), or null
 * @param orderBy  order clauses ({@code "name ASC"}), possibly empty
 * @param viewType active, deleted or both
 * @param pageSize experiments per request (the server accepts up to 50,000)
 */
public record SearchExperiments(String filter, List<String> orderBy, ViewType viewType, int pageSize) {
    /** The page size used unless told otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public SearchExperiments {
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        viewType = viewType == null ? ViewType.ACTIVE_ONLY : viewType;
        if (pageSize < 1 || pageSize > 50_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 50000 but was " + pageSize);
        }
    }

    /** Every active experiment. */
    public static SearchExperiments all() {
        return new SearchExperiments(null, List.of(), ViewType.ACTIVE_ONLY, DEFAULT_PAGE_SIZE);
    }

    /** Active experiments matching a filter. */
    public static SearchExperiments filter(String filter) {
        return new SearchExperiments(filter, List.of(), ViewType.ACTIVE_ONLY, DEFAULT_PAGE_SIZE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SearchExperiments}. */
    public static final class Builder {
        private String filter;
        private final List<String> orderBy = new ArrayList<>();
        private ViewType viewType = ViewType.ACTIVE_ONLY;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /** Adds an order clause ({@code "name ASC"}). */
        public Builder orderBy(String clause) {
            orderBy.add(Objects.requireNonNull(clause, "clause"));
            return this;
        }

        public Builder viewType(ViewType viewType) {
            this.viewType = Objects.requireNonNull(viewType, "viewType");
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public SearchExperiments build() {
            return new SearchExperiments(filter, orderBy, viewType, pageSize);
        }
    }
}
