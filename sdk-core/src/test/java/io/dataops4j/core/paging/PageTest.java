package io.dataops4j.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page owns: copies of lists it is given, lists handed over to it, never a list anyone can change. */
class PageTest {

    @Test
    void theConstructorCopiesAMutableList() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        Page<String> page = new Page<>(source, "t");
        source.add("c");
        assertEquals(List.of("a", "b"), page.items());
        assertThrows(UnsupportedOperationException.class, () -> page.items().add("x"));
        assertThrows(NullPointerException.class, () -> new Page<>(Arrays.asList("a", null), null));
    }

    @Test
    void anImmutableListIsKeptAsItIs() {
        List<String> immutable = List.of("a", "b", "c");
        assertSame(immutable, new Page<>(immutable, null).items());
        Page<String> handed = Page.wrap(new ArrayList<>(immutable), "t");
        assertSame(handed.items(), new Page<>(handed.items(), "u").items(), "a page's items are not copied again");
        assertEquals(List.of(), new Page<String>(null, null).items());
    }

    @Test
    void wrapTakesTheListOverWithoutCopyingAndReadOnly() {
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            big.add(i);
        }
        Page<Integer> page = Page.wrap(big, "next");
        assertEquals(big, page.items());
        assertEquals(25_000, page.items().size());
        assertEquals(24_999, page.items().get(24_999));
        big.set(0, -1);
        assertEquals(-1, page.items().get(0), "a view of the list handed over, not a copy: the caller must leave it alone");
        assertThrows(UnsupportedOperationException.class, () -> page.items().add(1));
        assertThrows(UnsupportedOperationException.class, () -> page.items().set(0, 1));
        assertThrows(UnsupportedOperationException.class, () -> page.items().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> page.items().clear());
        Iterator<Integer> it = page.items().iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertThrows(UnsupportedOperationException.class, () -> page.items().subList(0, 2).clear());
        assertEquals(page, new Page<>(new ArrayList<>(big), "next"), "equal to a page of the same items");
        assertEquals(new Page<>(new ArrayList<>(big), "next").hashCode(), page.hashCode());
    }

    @Test
    void wrapChecksItemsAndTokens() {
        assertThrows(NullPointerException.class, () -> Page.wrap(Arrays.asList(1, null), null));
        Page<Integer> empty = Page.wrap(null, "");
        assertEquals(List.of(), empty.items());
        assertNull(empty.nextToken(), "an empty token is the end");
        assertFalse(empty.hasNext());
        assertTrue(Page.wrap(List.of(1), "t").hasNext());
        Page<Integer> linked = Page.wrap(new LinkedList<>(List.of(1, 2, 3)), null);
        assertEquals(List.of(1, 2, 3), linked.items(), "lists without random access are copied once");
    }

    @Test
    void pagedMapHandsItsNewListsOver() {
        Paged<String> lengths = Paged.of(List.of("a", "bb")).map(s -> Integer.toString(s.length()));
        Page<String> page = lengths.byPage().iterator().next();
        assertEquals(List.of("1", "2"), page.items());
        assertThrows(UnsupportedOperationException.class, () -> page.items().add("3"));
    }
}
