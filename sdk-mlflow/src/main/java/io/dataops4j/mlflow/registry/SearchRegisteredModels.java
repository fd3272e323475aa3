package io.dataops4j.mlflow.registry;

import java.util.List;

/**
 * What {@link RegisteredModels#search(SearchRegisteredModels)} looks for.
 *
 * <pre>{@code
 * mlflow.registeredModels().search(SearchRegisteredModels.filter("name LIKE 'churn%'").orderBy("name ASC"))
 * }</pre>
 *
 * @param filter   MLflow's filter syntax ({@code name}, {@code tags.<key>}), or null
 * @param orderBy  order clauses, possibly empty
 * @param pageSize models per request (the server accepts up to 1000)
 */
public record SearchRegisteredModels(String filter, List<String> orderBy, int pageSize) {
    /** The page size used unless told otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public SearchRegisteredModels {
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000 but was " + pageSize);
        }
    }

    /** Every registered model. */
    public static SearchRegisteredModels all() {
        return new SearchRegisteredModels(null, List.of(), DEFAULT_PAGE_SIZE);
    }

    /** The models a filter matches. */
    public static SearchRegisteredModels filter(String filter) {
        return new SearchRegisteredModels(filter, List.of(), DEFAULT_PAGE_SIZE);
    }

    /** The same search with these order clauses ({@code "name ASC"}). */
    public SearchRegisteredModels orderBy(String... clauses) {
        return new SearchRegisteredModels(filter, List.of(clauses), pageSize);
    }

    /** The same search with another page size. */
    public SearchRegisteredModels pageSize(int size) {
        return new SearchRegisteredModels(filter, orderBy, size);
    }
}
