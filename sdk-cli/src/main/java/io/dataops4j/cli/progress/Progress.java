package io.dataops4j.cli.progress;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.Redactor;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a {@link ProgressListener}'s reports on standard error, in one of three styles:
 * <ul>
 *   <li>{@link Style#BAR} on a terminal: one line redrawn in place ({@code \r}), at most every 100 ms;</li>
 *   <li>{@link Style#JSON_LINES} with {@code --json}: {@code {"event":"progress","done":3,"total":10,"message":"..."}}
 *       lines, at most every 250 ms;</li>
 *   <li>{@link Style#PLAIN} otherwise (a log file, CI): a plain line at most every 5 s.</li>
 * </ul>
 * The first report and the one that reaches the total are always shown, and {@link #close()} shows the last
 * report if it was held back. Thread-safe.
 *
 * <pre>{@code
 * try (Progress progress = Progress.forContext(ctx)) {
 *     plan.apply(progress);          // any workflow that takes a ProgressListener
 * }
 * }</pre>
 */
public final class Progress implements ProgressListener, AutoCloseable {
    /** How progress is shown. */
    public enum Style {
        /** A one-line bar on a terminal, redrawn in place. */
        BAR,
        /** JSON lines, one event per line. */
        JSON_LINES,
        /** Occasional plain lines. */
        PLAIN
    }

    private static final int DEFAULT_WIDTH = 80;
    private static final int BAR_CELLS = 24;

    private final Style style;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final int width;

    private long lastShownAt;
    private boolean shownAny;
    private boolean pending;
    private boolean barDrawn;
    private int lastBarLength;
    private long done;
    private long total = -1;
    private String message;
    private boolean closed;

    private Progress(Style style, PrintWriter err, LongSupplier nanoTime, int width) {
        this.style = Objects.requireNonNull(style, "style");
        this.err = Objects.requireNonNull(err, "err");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.width = Math.max(width, 20);
        this.intervalNanos = switch (style) {
            case BAR -> TimeUnit.MILLISECONDS.toNanos(100);
            case JSON_LINES -> TimeUnit.MILLISECONDS.toNanos(250);
            case PLAIN -> TimeUnit.SECONDS.toNanos(5);
        };
    }

    /**
     * The style that fits the command's context: JSON lines with {@code --json}, a bar on a terminal, plain lines
     * otherwise. The bar is as wide as {@code COLUMNS} says, 80 columns when it is not set.
     */
    public static Progress forContext(CliContext ctx) {
        Style style = ctx.json() ? Style.JSON_LINES : ctx.terminal() ? Style.BAR : Style.PLAIN;
        return of(style, ctx.err(), ctx.nanoTime(), columns(ctx.environment().get("COLUMNS")));
    }

    /** A given style on a given stream, with a given clock and line width. */
    public static Progress of(Style style, PrintWriter err, LongSupplier nanoTime, int width) {
        return new Progress(style, err, nanoTime, width);
    }

    /** The style in use. */
    public Style style() {
        return style;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (closed) {
            return;
        }
        this.done = done;
        this.total = total;
        this.message = message == null ? null : Redactor.text(message);
        long now = nanoTime.getAsLong();
        boolean finished = total >= 0 && done >= total;
        if (!shownAny || finished || now - lastShownAt >= intervalNanos) {
            show(now);
        } else {
            pending = true;
        }
    }

    /** Shows the last report if it was held back, and ends the bar's line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (pending) {
            show(nanoTime.getAsLong());
        }
        if (barDrawn) {
            err.println();
        }
        err.flush();
        closed = true;
    }

    private void show(long now) {
        switch (style) {
            case BAR -> drawBar();
            case JSON_LINES -> err.println(Json.shared().toJson(
                    new ProgressEvent("progress", done, total < 0 ? null : total, message)));
            case PLAIN -> err.println(plainLine());
        }
        err.flush();
        lastShownAt = now;
        shownAny = true;
        pending = false;
    }

    private void drawBar() {
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * BAR_CELLS);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_CELLS - filled)).append("] ");
            line.append(String.format(Locale.ROOT, "%3d%% ", Math.round(fraction * 100)));
            line.append(done).append('/').append(total);
        } else {
            line.append(done).append(total == 0 ? "/0" : " done");
        }
        if (message != null && !message.isBlank()) {
            line.append("  ").append(oneLine(message));
        }
        int max = width - 1;
        if (line.length() > max) {
            line.setLength(max - 3);
            line.append("...");
        }
        int length = line.length();
        if (length < lastBarLength) {
            line.append(" ".repeat(lastBarLength - length));
        }
        lastBarLength = length;
        err.print('\r');
        err.print(line);
        barDrawn = true;
    }

    private String plainLine() {
        StringBuilder line = new StringBuilder("progress: ").append(done);
        if (total >= 0) {
            line.append('/').append(total);
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " (%d%%)", Math.round(Math.min(1.0, (double) done / total) * 100)));
            }
        } else {
            line.append(" done");
        }
        if (message != null && !message.isBlank()) {
            line.append(' ').append(oneLine(message));
        }
        return line.toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static int columns(String value) {
        if (value != null) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: the default
            }
        }
        return DEFAULT_WIDTH;
    }
}
