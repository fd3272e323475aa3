package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** How the mlflow commands print: lazily streamed lists (tables or JSON arrays), key-value blocks, and formats. */
final class Output {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int KEY_WIDTH = 20;

    private Output() {
    }

    /**
     * The page size to ask for: the default without a limit; with one, a page just large enough to show the limit
     * and learn whether more items exist.
     */
    static int pageSize(Integer maxResults, int defaultSize) {
        if (maxResults == null) {
            return defaultSize;
        }
        return (int) Math.min((long) maxResults + 1, defaultSize);
    }

    /** Checks a {@code --max-results} value. */
    static Integer checkMax(Integer maxResults) {
        if (maxResults != null && maxResults < 1) {
            throw new IllegalArgumentException("--max-results must be at least 1, but was " + maxResults);
        }
        return maxResults;
    }

    /**
     * Prints the items as they are fetched, at most {@code maxResults} of them (all when null): with {@code --json}
     * as one JSON array, otherwise as a table. In text mode a note on standard error says when the limit cut the
     * listing short, and {@code empty} is printed when there is nothing.
     *
     * @return how many items were printed
     */
    static <T> long list(CliContext ctx, Iterable<T> items, Integer maxResults, List<Table.Column<T>> columns,
                         String empty, String noun) {
        long max = maxResults == null ? Long.MAX_VALUE : maxResults;
        Iterator<T> it = items.iterator();
        if (ctx.json()) {
            long n = jsonArray(ctx.out(), it, max, "");
            ctx.out().println();
            ctx.out().flush();
            return n;
        }
        Table<T> table = new Table<>(ctx.out(), columns);
        while (table.rows() < max && it.hasNext()) {
            table.add(it.next());
        }
        table.finish();
        if (table.rows() == 0) {
            ctx.out().println(empty);
            ctx.out().flush();
        } else if (table.rows() >= max && it.hasNext()) {
            ctx.err().println("(more " + noun + " exist than the " + max + " shown; raise --max-results to see them)");
            ctx.err().flush();
        }
        return table.rows();
    }

    /**
     * Writes a JSON array of at most {@code max} items, each printed as soon as it is read, every line after the
     * first indented by {@code indent}; ends without a new line.
     */
    static long jsonArray(PrintWriter out, Iterator<?> items, long max, String indent) {
        long n = 0;
        boolean more = max > 0 && items.hasNext();   // the first page, before anything is printed: errors come out clean
        out.print('[');
        while (more) {
            Object item = items.next();
            out.print(n == 0 ? "\n" : ",\n");
            out.print(indent(Json.shared().toPrettyJson(item), indent + "  "));
            n++;
            if (n % 100 == 0) {
                out.flush();
            }
            more = n < max && items.hasNext();
        }
        out.print(n == 0 ? "]" : "\n" + indent + "]");
        out.flush();
        return n;
    }

    /** Every line of {@code text} with {@code indent} in front. */
    static String indent(String text, String indent) {
        return indent + text.replace("\n", "\n" + indent);
    }

    /** A block of {@code key  value} lines. */
    static void row(PrintWriter out, String key, Object value) {
        String v = value == null ? "" : Table.clean(String.valueOf(value));
        out.println((key + " ".repeat(Math.max(1, KEY_WIDTH - key.length())) + v).stripTrailing());
    }

    /** A time in UTC to the second, or an empty string. */
    static String time(Instant t) {
        return t == null ? "" : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A duration such as {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 2h07m}, or empty when unknown. */
    static String duration(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) {
            return "";
        }
        Duration d = Duration.between(start, end);
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        } else if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        } else if (ms < 3_600_000) {
            return String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", ms / 3_600_000, (ms / 60_000) % 60);
    }

    /** A metric value with at most 6 significant digits, exact integers without decimals. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toString();
    }

    /** A byte count with thousands separators, or empty. */
    static String bytes(Long n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }
}
