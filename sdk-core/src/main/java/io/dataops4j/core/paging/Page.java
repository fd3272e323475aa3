package io.dataops4j.core.paging;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One page of a listing and the token that leads to the next. Its items are unmodifiable and never null.
 *
 * <pre>{@code
 * Page<Run> page = new Page<>(runs, response.nextPageToken());          // copies runs (unless already immutable)
 * Page<Metric> big = Page.wrap(decoded.metrics(), decoded.nextPageToken());   // takes the list over: no copy
 * }</pre>
 *
 * @param items     the items, possibly empty (an empty page may still carry a token); the constructor copies a list
 *                  unless it is already immutable ({@link List#of}, {@link List#copyOf}, a page's items)
 * @param nextToken what fetches the next page (a page token, a nextLink URL, a continuation header), or null at the end
 */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = items == null ? List.of() : items instanceof Handed<?> ? items : List.copyOf(items);
        if (nextToken != null && nextToken.isEmpty()) {
            nextToken = null;
        }
    }

    /**
     * A page that takes {@code items} over instead of copying them, for a list built for this page alone (a decoded
     * answer; a metric history page holds 25,000 points): the page holds an unmodifiable view of it, so the caller
     * must not change the list afterwards.
     *
     * @throws NullPointerException when an item is null
     */
    public static <T> Page<T> wrap(List<T> items, String nextToken) {
        return new Page<>(items == null ? null : new Handed<>(items), nextToken);
    }

    /** Whether a further page exists. */
    public boolean hasNext() {
        return nextToken != null;
    }

    /** A list handed over to a page: read-only (AbstractList's mutators throw), and not copied again. */
    private static final class Handed<T> extends AbstractList<T> implements RandomAccess {
        private final List<T> list;

        Handed(List<T> list) {
            for (T item : list) {
                Objects.requireNonNull(item, "a page item is null");
            }
            this.list = list instanceof RandomAccess ? list : List.copyOf(list);
        }

        @Override
        public T get(int index) {
            return list.get(index);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
