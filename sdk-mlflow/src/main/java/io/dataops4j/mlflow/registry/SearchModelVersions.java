package io.dataops4j.mlflow.registry;

import java.util.List;

/**
 * What {@link ModelVersions#search(SearchModelVersions)} looks for.
 *
 * <pre>{@code
 * mlflow.modelVersions().search(SearchModelVersions.filter("name = 'churn'").orderBy("version_number DESC"))
 * }</pre>
 *
 * @param filter   MLflow's filter syntax ({@code name}, {@code run_id}, {@code source_path}, {@code tags.<key>}), or null
 * @param orderBy  order clauses, possibly empty
 * @param pageSize versions per request (the server accepts up to 200,000)
 */
public record SearchModelVersions(String filter, List<String> orderBy, int pageSize) {
    /** The page size used unless told otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public SearchModelVersions {
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (pageSize < 1 || pageSize > 200_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 200000 but was " + pageSize);
        }
    }

    /** Every model version. */
    public static SearchModelVersions all() {
        return new SearchModelVersions(null, List.of(), DEFAULT_PAGE_SIZE);
    }

    /** The versions a filter matches. */
    public static SearchModelVersions filter(String filter) {
        return new SearchModelVersions(filter, List.of(), DEFAULT_PAGE_SIZE);
    }

    /** Every version of one registered model. */
    public static SearchModelVersions ofModel(String name) {
        return filter(name.indexOf('\'') < 0 ? "name = '" + name + "'" : "name = \"" + name + "\"");
    }

    /** The same search with these order clauses ({@code "version_number DESC"}). */
    public SearchModelVersions orderBy(String... clauses) {
        return new SearchModelVersions(filter, List.of(clauses), pageSize);
    }

    /** The same search with another page size. */
    public SearchModelVersions pageSize(int size) {
        return new SearchModelVersions(filter, orderBy, size);
    }
}
