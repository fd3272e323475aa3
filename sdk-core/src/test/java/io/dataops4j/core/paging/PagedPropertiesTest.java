package io.dataops4j.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Paging never loses, repeats or reorders an item, whatever the page sizes (empty pages included). */
class PagedPropertiesTest {

    /** Pages served by index: the token of page i is "p" + i. */
    private static Paged<Integer> serve(List<List<Integer>> pages, AtomicInteger fetches) {
        return Paged.tokens(token -> {
            fetches.incrementAndGet();
            int i = token == null ? 0 : Integer.parseInt(token.substring(1));
            String next = i + 1 < pages.size() ? "p" + (i + 1) : null;
            return new Page<>(pages.get(i), next);
        });
    }

    @Property(tries = 300)
    void tokenPagingYieldsEveryItemOnceInOrder(
            @ForAll @Size(min = 1, max = 12) List<@Size(max = 5) List<@IntRange(min = 0, max = 1000) Integer>> pages) {
        AtomicInteger fetches = new AtomicInteger();
        List<Integer> expected = new ArrayList<>();
        pages.forEach(expected::addAll);
        assertEquals(expected, serve(pages, fetches).toList());
        assertEquals(pages.size(), fetches.get(), "each page fetched exactly once");
    }

    @Property(tries = 300)
    void resumingFromAnyPageYieldsTheRest(
            @ForAll @Size(min = 1, max = 12) List<@Size(max = 5) List<Integer>> pages, @ForAll @IntRange(min = 0, max = 11) int from) {
        int k = Math.min(from, pages.size() - 1);
        List<Integer> expected = new ArrayList<>();
        pages.subList(k, pages.size()).forEach(expected::addAll);
        Paged<Integer> p = serve(pages, new AtomicInteger());
        assertEquals(expected, (k == 0 ? p : p.resumeFrom("p" + k)).toList());
    }

    @Property(tries = 300)
    void offsetPagingYieldsOneToTotalOnce(@ForAll @IntRange(min = 0, max = 60) int total,
                                          @ForAll @IntRange(min = 1, max = 9) int pageSize,
                                          @ForAll boolean reportTotal) {
        AtomicInteger fetches = new AtomicInteger();
        Paged<Integer> p = Paged.offsets(start -> {
            fetches.incrementAndGet();
            List<Integer> items = new ArrayList<>();
            for (int i = start; i < start + pageSize && i <= total; i++) {
                items.add(i);
            }
            return new Paged.OffsetPage<>(items, reportTotal ? total : null);
        }, 1);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            expected.add(i);
        }
        assertEquals(expected, p.toList());
        int full = (total + pageSize - 1) / pageSize;
        // with totalResults known no empty page is asked for; without it, one empty page marks the end
        assertEquals(reportTotal ? Math.max(full, 1) : full + 1, fetches.get());
    }
}
