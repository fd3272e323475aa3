package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** slf4j-simple (this module's test binding) writes to System.err, which {@link LogCapture} holds for a test. */
class LogCaptureTest {

    @Test
    void capturesWhatIsLoggedAndPutsSystemErrBack() {
        PrintStream before = System.err;
        Logger log = LoggerFactory.getLogger("io.dataops4j.testkit.capture");
        LogCapture capture = LogCapture.start();
        try (capture) {
            log.warn("first {}", 1);
            log.debug("below the level");
            assertTrue(capture.text().contains("first 1"), capture.text());
        }
        assertSame(before, System.err);
        log.warn("after close");
        assertEquals(1, capture.lines().size(), capture.text());
        assertTrue(capture.lines().get(0).contains("WARN io.dataops4j.testkit.capture - first 1"), capture.text());
        assertFalse(capture.text().contains("below the level"));
    }

    @Test
    void traceLowersExistingAndLaterLoggersUntilClosed() {
        Logger existing = LoggerFactory.getLogger("io.dataops4j.testkit.tracing");
        assertFalse(existing.isTraceEnabled(), "INFO by default in this module's tests");
        LogCapture capture = LogCapture.start().trace("io.dataops4j.testkit.tracing");
        try (capture) {
            existing.trace("existing at trace");
            LoggerFactory.getLogger("io.dataops4j.testkit.tracing.later").trace("later at trace");
        }
        assertTrue(capture.text().contains("existing at trace"), capture.text());
        assertTrue(capture.text().contains("later at trace"), capture.text());
        assertFalse(existing.isTraceEnabled(), "the level is put back");
        assertNull(System.getProperty("org.slf4j.simpleLogger.log.io.dataops4j.testkit.tracing"));
    }
}
