package io.dataops4j.adf.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The filter of run queries (the service's RunFilterParameters): a time window on {@code lastUpdated} (required),
 * filters and an order.
 *
 * <pre>{@code
 * RunQuery q = RunQuery.lastUpdated(Instant.now().minus(Duration.ofDays(1)), Instant.now())
 *     .where("PipelineName", "Equals", "PL_Nightly")
 *     .orderBy("RunStart", false);
 * }</pre>
 *
 * @param lastUpdatedAfter  start of the window
 * @param lastUpdatedBefore end of the window
 * @param filters           filters
 * @param orderBy           ordering
 */
public record RunQuery(Instant lastUpdatedAfter, Instant lastUpdatedBefore, List<Filter> filters, List<Order> orderBy) {
    public RunQuery {
        Objects.requireNonNull(lastUpdatedAfter, "lastUpdatedAfter");
        Objects.requireNonNull(lastUpdatedBefore, "lastUpdatedBefore");
        filters = filters == null ? List.of() : List.copyOf(filters);
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
    }

    /** Runs updated in a window. */
    public static RunQuery lastUpdated(Instant after, Instant before) {
        return new RunQuery(after, before, List.of(), List.of());
    }

    /** Adds a filter: operand (PipelineName, Status, TriggerName, ActivityName, ...), operator (Equals, NotEquals, In, NotIn). */
    public RunQuery where(String operand, String operator, String... values) {
        List<Filter> f = new ArrayList<>(filters);
        f.add(new Filter(operand, operator, List.of(values)));
        return new RunQuery(lastUpdatedAfter, lastUpdatedBefore, f, orderBy);
    }

    /** Adds an order: field (RunStart, RunEnd, PipelineName, Status, ...), ascending or not. */
    public RunQuery orderBy(String field, boolean ascending) {
        List<Order> o = new ArrayList<>(orderBy);
        o.add(new Order(field, ascending ? "ASC" : "DESC"));
        return new RunQuery(lastUpdatedAfter, lastUpdatedBefore, filters, o);
    }

    /**
     * One filter.
     *
     * @param operand  the field
     * @param operator Equals, NotEquals, In, NotIn
     * @param values   the values
     */
    public record Filter(String operand, String operator, List<String> values) {
    }

    /**
     * One ordering.
     *
     * @param orderBy the field
     * @param order   ASC or DESC
     */
    public record Order(String orderBy, String order) {
    }
}
