package io.dataops4j.dataiku.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The slf4j binding of sdk-dataiku's tests (a copy of sdk-core's test helper): keeps every line logged at or above a level that a test can change at run
 * time (INFO by default), and echoes it to System.err (surefire files it per test class). Each line holds the
 * formatted message and every message of the attached throwable's cause chain, so that a scan sees all of it.
 */
public final class CapturingLogs {
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static volatile Level threshold = Level.INFO;

    private CapturingLogs() {
    }

    /** Sets the level from which lines are kept (and reported enabled to the code under test). */
    public static void level(Level level) {
        threshold = level;
    }

    public static Level level() {
        return threshold;
    }

    /** Drops the lines kept so far. */
    public static void clear() {
        LINES.clear();
    }

    /** The lines kept so far, oldest first. */
    public static List<String> lines() {
        return new ArrayList<>(LINES);
    }

    static boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    static void record(Level level, String logger, String message, Throwable t) {
        StringBuilder sb = new StringBuilder().append(level).append(' ').append(logger).append(" - ").append(message);
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(" | ").append(c);
            if (c.getCause() == c) {
                break;
            }
        }
        String line = sb.toString();
        LINES.add(line);
        System.err.println(line);
    }

    /** The logger handed out to every class. */
    static final class CapturingLogger extends AbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            if (enabled(level)) {
                record(level, name, MessageFormatter.basicArrayFormat(pattern, args), t);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return enabled(Level.ERROR);
        }
    }

    /** The slf4j service provider, registered in META-INF/services. */
    public static final class Provider implements SLF4JServiceProvider {
        private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
        private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new BasicMDCAdapter();

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
