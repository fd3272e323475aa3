package io.dataops4j.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.Secret;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StringWriter err = new StringWriter();

    private Progress progress(Progress.Style style, int width) {
        return Progress.of(style, new PrintWriter(err), now::get, width);
    }

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void barIsRedrawnInPlaceAndThrottled() {
        Progress p = progress(Progress.Style.BAR, 80);
        p.progress(0, 10, "listing runs");
        assertEquals("\r[------------------------]   0% 0/10  listing runs", err.toString());

        advanceMillis(10);
        p.progress(1, 10, "run 1");                    // within 100 ms: held back
        assertEquals("\r[------------------------]   0% 0/10  listing runs", err.toString());

        advanceMillis(150);
        p.progress(3, 10, "run 3");
        String[] frames = err.toString().split("\r", -1);
        assertEquals(3, frames.length);
        assertEquals("[#######-----------------]  30% 3/10  run 3" + " ".repeat(7), frames[2]);  // erases the longer line

        advanceMillis(1);
        p.progress(10, 10, "done");                    // reaching the total is always shown
        assertTrue(err.toString().endsWith("\r[########################] 100% 10/10  done"), err::toString);
        assertFalse(err.toString().contains("\n"), "one line only while running");

        p.close();
        assertTrue(err.toString().endsWith("\n"));
        assertEquals(1, err.toString().split("\n", -1).length - 1);
    }

    @Test
    void barFitsTheTerminalWidth() {
        Progress p = progress(Progress.Style.BAR, 40);
        p.progress(1, 4, "copying experiment /Shared/a-very-long-experiment-name/with/more");
        String line = err.toString().substring(1);
        assertEquals(39, line.length(), line);
        assertTrue(line.endsWith("..."), line);
        assertTrue(line.startsWith("[######------------------]  25% 1/4"), line);
    }

    @Test
    void barWithUnknownTotal() {
        Progress p = progress(Progress.Style.BAR, 80);
        p.progress(7, -1, "page 2");
        assertEquals("\r7 done  page 2", err.toString());
    }

    @Test
    void closeShowsTheLastHeldBackReport() {
        Progress p = progress(Progress.Style.BAR, 80);
        p.progress(0, 3, "a");
        advanceMillis(5);
        p.progress(2, 3, "c");
        p.close();
        assertTrue(err.toString().endsWith("\r[################--------]  67% 2/3  c\n"), err::toString);
        p.progress(3, 3, "after close");
        assertFalse(err.toString().contains("after close"));
    }

    @Test
    void jsonLinesOnStderr() {
        Progress p = progress(Progress.Style.JSON_LINES, 80);
        p.progress(0, 10, "start");
        advanceMillis(300);
        p.progress(3, 10, "run 3");
        advanceMillis(10);
        p.progress(4, 10, "run 4");                    // held back (250 ms)
        advanceMillis(10);
        p.progress(5, -1, null);                       // held back, then shown by close()
        p.close();

        List<String> lines = err.toString().lines().toList();
        assertEquals(3, lines.size(), err::toString);
        assertEquals("{\"event\":\"progress\",\"done\":3,\"total\":10,\"message\":\"run 3\"}", lines.get(1));
        Map<?, ?> first = (Map<?, ?>) Json.shared().parseValue(lines.get(0));
        assertEquals("progress", first.get("event"));
        assertEquals(0L, first.get("done"));
        assertEquals(10L, first.get("total"));
        assertEquals("start", first.get("message"));
        Map<?, ?> last = (Map<?, ?>) Json.shared().parseValue(lines.get(2));
        assertEquals(5L, last.get("done"));
        assertNull(last.get("total"));
        assertFalse(last.containsKey("message"));
    }

    @Test
    void plainLinesNowAndThen() {
        Progress p = progress(Progress.Style.PLAIN, 80);
        p.progress(0, 200, "start");
        for (int i = 1; i < 100; i++) {
            advanceMillis(40);                         // 4 s in all: nothing shown
            p.progress(i, 200, "item " + i);
        }
        advanceMillis(1_100);                          // 5.06 s after the first line
        p.progress(100, 200, "item 100");
        p.progress(150, 200, "item 150");
        p.close();
        assertEquals(List.of(
                "progress: 0/200 (0%) start",
                "progress: 100/200 (50%) item 100",
                "progress: 150/200 (75%) item 150"), err.toString().lines().toList());
    }

    @Test
    void messagesAreRedacted() {
        String secret = "sv=2024&sig=abcdef0123456789";
        Secret.of("abcdef0123456789");
        Progress p = progress(Progress.Style.JSON_LINES, 80);
        p.progress(1, 2, "uploading to https://acct.blob.core.windows.net/c/x?" + secret);
        assertFalse(err.toString().contains("abcdef0123456789"), err::toString);
    }

    @Test
    void styleFollowsTheContext() {
        assertEquals(Progress.Style.BAR, Progress.forContext(context(true, false)).style());
        assertEquals(Progress.Style.JSON_LINES, Progress.forContext(context(true, true)).style());
        assertEquals(Progress.Style.JSON_LINES, Progress.forContext(context(false, true)).style());
        assertEquals(Progress.Style.PLAIN, Progress.forContext(context(false, false)).style());
    }

    @Test
    void barWidthFromColumns() {
        CliContext ctx = CliContext.builder().terminal(true).err(new PrintWriter(err)).nanoTime(now::get)
                .environment(Environment.of(Map.of("COLUMNS", "30"))).build();
        Progress p = Progress.forContext(ctx);
        p.progress(1, 2, "a message long enough to be cut at thirty columns");
        assertEquals(29, err.toString().length() - 1);
    }

    private CliContext context(boolean terminal, boolean json) {
        return CliContext.builder().terminal(terminal).json(json).err(new PrintWriter(err)).nanoTime(now::get).build();
    }
}
