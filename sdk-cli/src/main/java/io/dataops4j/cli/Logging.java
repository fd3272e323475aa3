package io.dataops4j.cli;

/**
 * Sets up the command's own slf4j binding (slf4j-simple): WARN by default, DEBUG for the {@code io.dataops4j}
 * loggers with {@code --verbose}, always on standard error. System properties given on the {@code java} command
 * line win.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /** Before the first logger is created. */
    static void defaults() {
        setIfAbsent(PREFIX + "defaultLogLevel", "warn");
        setIfAbsent(PREFIX + "logFile", "System.err");
        setIfAbsent(PREFIX + "showThreadName", "false");
        setIfAbsent(PREFIX + "showShortLogName", "true");
    }

    /** After the options are read: loggers created from now on follow it. */
    static void apply(boolean verbose) {
        if (verbose) {
            setIfAbsent(PREFIX + "log.io.dataops4j", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
