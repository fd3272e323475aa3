package io.dataops4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Versions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
    @TempDir
    Path home;

    @Test
    void printsVersionsAsText() {
        CliHarness.Result r = CliHarness.in(home).run("version");
        assertEquals(0, r.code(), r::toString);
        assertNotEquals("unknown", Versions.sdk());
        String[] lines = r.out().split("\\R");
        assertEquals("dataops4j " + Versions.sdk(), lines[0]);
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version") + " ("), r::toString);
        assertTrue(lines[2].startsWith("OS " + System.getProperty("os.name") + " "), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void printsOneJsonDocument() {
        CliHarness.Result r = CliHarness.in(home).run("--json", "version");
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> doc = r.json();
        assertEquals(Versions.sdk(), doc.get("dataops4j"));
        assertEquals(System.getProperty("java.version"), doc.get("java"));
        assertEquals(System.getProperty("java.vendor"), doc.get("javaVendor"));
        assertEquals(System.getProperty("os.name"), doc.get("os"));
        assertEquals(System.getProperty("os.arch"), doc.get("osArch"));
        assertEquals("", r.err());
    }

    @Test
    void globalOptionsAlsoWorkAfterTheSubcommand() {
        CliHarness.Result r = CliHarness.in(home).run("version", "--json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(Versions.sdk(), r.json().get("dataops4j"));
    }

    @Test
    void versionOptionIsTheVersionCommand() {
        CliHarness.Result option = CliHarness.in(home).run("--version");
        CliHarness.Result command = CliHarness.in(home).run("version");
        assertEquals(0, option.code());
        assertEquals(command.out(), option.out());
        assertEquals(Versions.sdk(), CliHarness.in(home).run("--json", "-V").json().get("dataops4j"));
    }
}
