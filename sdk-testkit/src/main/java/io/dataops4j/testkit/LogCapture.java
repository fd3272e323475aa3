package io.dataops4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures what a test logs through slf4j-simple (which writes to {@code System.err}) so that the test can scan it,
 * for a secret for instance. While open, {@code System.err} goes to a buffer; {@link #close()} puts the original
 * stream back. {@link #trace(String...)} lowers loggers to TRACE for the capture, those an earlier test already made
 * included, and puts their levels back on close.
 *
 * <pre>{@code
 * String log;
 * try (LogCapture capture = LogCapture.start().trace("io.dataops4j")) {
 *     // ... call the client under test ...
 *     log = capture.text();
 * }
 * assertFalse(log.contains(TOKEN), "the token leaked in the log");
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    private static final String SIMPLE_LOGGER = "org.slf4j.simple.SimpleLogger";
    private static final String PROPERTY = "org.slf4j.simpleLogger.log.";
    private static final int TRACE = 0;   // SimpleLogger.LOG_LEVEL_TRACE

    private final PrintStream original;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<Object, Integer> levels = new LinkedHashMap<>();
    private boolean closed;

    private LogCapture() {
        this.original = System.err;
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing {@code System.err}. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /**
     * Logs at TRACE under these logger names (and their descendants made later) until {@link #close()}, when the
     * binding is slf4j-simple; fails otherwise, since the test would not see what it means to scan.
     */
    public LogCapture trace(String... loggers) {
        try {
            for (String name : loggers) {
                traceOne(name);
            }
        } catch (RuntimeException e) {
            close();   // a failed setup leaves System.err as it found it
            throw e;
        }
        return this;
    }

    private void traceOne(String name) {
        String key = PROPERTY + name;
        properties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, "trace");
        Object logger = LoggerFactory.getLogger(name);
        Field level = currentLogLevel(logger);
        try {
            levels.putIfAbsent(logger, level.getInt(logger));
            level.setInt(logger, TRACE);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set the level of " + name, e);
        }
        if (!LoggerFactory.getLogger(name).isTraceEnabled()) {
            throw new IllegalStateException(name + " does not log at TRACE");
        }
    }

    /** What was written to {@code System.err} so far. */
    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The lines written so far. */
    public List<String> lines() {
        return new ArrayList<>(text().lines().toList());
    }

    /** Puts {@code System.err} and the loggers' levels back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.setErr(original);
        for (Map.Entry<Object, Integer> e : levels.entrySet()) {
            try {
                currentLogLevel(e.getKey()).setInt(e.getKey(), e.getValue());
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException("cannot restore a logger's level", ex);
            }
        }
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (p.getValue() == null) {
                System.clearProperty(p.getKey());
            } else {
                System.setProperty(p.getKey(), p.getValue());
            }
        }
    }

    private static Field currentLogLevel(Object logger) {
        if (!logger.getClass().getName().equals(SIMPLE_LOGGER)) {
            throw new IllegalStateException("the slf4j binding is not slf4j-simple: " + logger.getClass().getName());
        }
        try {
            Field level = logger.getClass().getDeclaredField("currentLogLevel");
            level.setAccessible(true);
            return level;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("slf4j-simple has no currentLogLevel field", e);
        }
    }

    @Override
    public String toString() {
        return "LogCapture[" + (closed ? "closed" : "open") + "]";
    }
}
