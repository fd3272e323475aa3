package io.dataops4j.databricks.scim;

import java.util.List;

/**
 * What a SCIM listing asks for: a filter, the attributes to return (or leave out), the sort, and the page size.
 * Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * ScimQuery q = ScimQuery.filter(ScimFilter.sw("userName", "ada")).attributes("id", "userName", "emails").count(200);
 * }</pre>
 *
 * @param filter             the filter, or null for every resource
 * @param attributes         the attributes to return, or empty for all
 * @param excludedAttributes the attributes to leave out, or empty
 * @param sortBy             the attribute to sort by, or null
 * @param descending         true for {@code sortOrder=descending} (with {@code sortBy}); false for ascending
 * @param count              the page size, or null for 10,000 (as the official SDKs ask)
 */
public record ScimQuery(ScimFilter filter, List<String> attributes, List<String> excludedAttributes, String sortBy,
                        boolean descending, Integer count) {
    /** The page size asked for when none is given (the official SDKs' value). */
    public static final int DEFAULT_COUNT = 10_000;

    public ScimQuery {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        excludedAttributes = excludedAttributes == null ? List.of() : List.copyOf(excludedAttributes);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1, but was " + count);
        }
    }

    /** Every resource. */
    public static ScimQuery all() {
        return new ScimQuery(null, List.of(), List.of(), null, false, null);
    }

    /** The resources a filter selects. */
    public static ScimQuery filter(ScimFilter filter) {
        return all().withFilter(filter);
    }

    public ScimQuery withFilter(ScimFilter f) {
        return new ScimQuery(f, attributes, excludedAttributes, sortBy, descending, count);
    }

    public ScimQuery attributes(String... names) {
        return new ScimQuery(filter, List.of(names), excludedAttributes, sortBy, descending, count);
    }

    public ScimQuery excludedAttributes(String... names) {
        return new ScimQuery(filter, attributes, List.of(names), sortBy, descending, count);
    }

    public ScimQuery sortBy(String attribute, boolean descendingOrder) {
        return new ScimQuery(filter, attributes, excludedAttributes, attribute, descendingOrder, count);
    }

    public ScimQuery count(int pageSize) {
        return new ScimQuery(filter, attributes, excludedAttributes, sortBy, descending, pageSize);
    }
}
