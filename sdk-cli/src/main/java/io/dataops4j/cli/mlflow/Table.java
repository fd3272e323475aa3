package io.dataops4j.cli.mlflow;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A text table printed while its rows arrive. Column widths come from the header and the first {@code sample} rows
 * (held back until then, so memory stays bounded whatever the listing's length); later rows keep those widths,
 * longer cells of a column with a maximum width are cut with {@code ...}, and cells of a column without one (ids)
 * are never cut.
 *
 * @param <T> the row type
 */
final class Table<T> {
    /** A column: its header, how a row shows in it, its maximum width (0: none), and whether it aligns right. */
    record Column<T>(String header, Function<? super T, String> value, int maxWidth, boolean right) {
        Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(value, "value");
        }

        static <T> Column<T> of(String header, Function<? super T, String> value) {
            return new Column<>(header, value, 0, false);
        }

        static <T> Column<T> of(String header, int maxWidth, Function<? super T, String> value) {
            return new Column<>(header, value, maxWidth, false);
        }

        static <T> Column<T> right(String header, Function<? super T, String> value) {
            return new Column<>(header, value, 0, true);
        }
    }

    static final int DEFAULT_SAMPLE = 50;
    private static final String GAP = "  ";
    private static final String CUT = "...";

    private final PrintWriter out;
    private final List<Column<T>> columns;
    private final int sample;
    private final List<String[]> held = new ArrayList<>();
    private int[] widths;
    private long rows;

    Table(PrintWriter out, List<Column<T>> columns) {
        this(out, columns, DEFAULT_SAMPLE);
    }

    Table(PrintWriter out, List<Column<T>> columns, int sample) {
        this.out = Objects.requireNonNull(out, "out");
        this.columns = List.copyOf(columns);
        this.sample = Math.max(1, sample);
    }

    /** Adds a row: held back while the widths are being sampled, printed at once afterwards. */
    void add(T row) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = clean(columns.get(i).value().apply(row));
        }
        rows++;
        if (widths == null) {
            held.add(cells);
            if (held.size() >= sample) {
                flushHeld();
            }
        } else {
            print(cells);
        }
    }

    /** How many rows were added. */
    long rows() {
        return rows;
    }

    /** Prints the rows still held back; prints nothing when there were no rows. */
    void finish() {
        if (widths == null && !held.isEmpty()) {
            flushHeld();
        }
        out.flush();
    }

    private void flushHeld() {
        widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            Column<T> c = columns.get(i);
            int w = length(c.header());
            for (String[] cells : held) {
                w = Math.max(w, length(cells[i]));
            }
            widths[i] = c.maxWidth() > 0 ? Math.min(w, Math.max(c.maxWidth(), length(c.header()))) : w;
        }
        String[] header = new String[columns.size()];
        for (int i = 0; i < header.length; i++) {
            header[i] = columns.get(i).header();
        }
        print(header);
        for (String[] cells : held) {
            print(cells);
        }
        held.clear();
        out.flush();
    }

    private void print(String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            Column<T> c = columns.get(i);
            String cell = cells[i];
            if (c.maxWidth() > 0 && length(cell) > widths[i]) {
                cell = cut(cell, widths[i]);
            }
            boolean last = i == cells.length - 1;
            int pad = Math.max(0, widths[i] - length(cell));
            if (i > 0) {
                line.append(GAP);
            }
            if (c.right()) {
                line.append(" ".repeat(pad)).append(cell);
            } else {
                line.append(cell);
                if (!last) {
                    line.append(" ".repeat(pad));
                }
            }
        }
        out.println(stripEnd(line));
    }

    private static String cut(String cell, int width) {
        if (width <= CUT.length()) {
            return cell.substring(0, cell.offsetByCodePoints(0, width));
        }
        return cell.substring(0, cell.offsetByCodePoints(0, width - CUT.length())) + CUT;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** One line: control characters (new lines, tabs) become spaces; null becomes empty. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append(' ');
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String stripEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
