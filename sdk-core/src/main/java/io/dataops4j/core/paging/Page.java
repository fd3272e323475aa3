package io.dataops4j.core.paging;

import java.util.List;

/**
 * One page of a listing and the token that leads to the next.
 *
 * @param items     the items, possibly empty (an empty page may still carry a token)
 * @param nextToken what fetches the next page (a page token, a nextLink URL, a continuation header), or null at the end
 */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
        if (nextToken != null && nextToken.isEmpty()) {
            nextToken = null;
        }
    }

    /** Whether a further page exists. */
    public boolean hasNext() {
        return nextToken != null;
    }
}
