package io.dataops4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFileTest {
    @TempDir
    Path dir;

    @Test
    void parsesSectionsCommentsAndContinuations() throws Exception {
        Path f = dir.resolve(".databrickscfg");
        Files.writeString(f, String.join("\n",
                "top = before any section",
                "# a comment",
                "; another",
                "[DEFAULT]",
                "host = https://adb-1.azuredatabricks.net",
                "",
                "[prod]",
                "host=https://adb-2.azuredatabricks.net",
                "auth_type: azure-cli",
                "scopes = a",
                "  b",
                "[ spaced ]",
                "k = v = w"));
        ProfileFile p = ProfileFile.load(f);
        assertTrue(p.exists());
        assertEquals(f, p.path());
        assertEquals(Set.of("DEFAULT", "prod", "spaced"), p.sectionNames());
        assertEquals(Map.of("top", "before any section", "host", "https://adb-1.azuredatabricks.net"), p.section("DEFAULT").orElseThrow());
        assertEquals("https://adb-2.azuredatabricks.net", p.section("prod").orElseThrow().get("host"));
        assertEquals("azure-cli", p.section("prod").orElseThrow().get("auth_type"));
        assertEquals("a\nb", p.section("prod").orElseThrow().get("scopes"));
        assertEquals("v = w", p.section("spaced").orElseThrow().get("k"));
        assertEquals(Optional.empty(), p.section("missing"));
    }

    @Test
    void errorsNameTheFileAndLine() {
        Path f = dir.resolve("bad.cfg");
        ConfigurationException header = assertThrows(ConfigurationException.class,
                () -> ProfileFile.parse(f, List.of("[DEFAULT]", "host = h", "[prod")));
        assertTrue(header.getMessage().startsWith(f + ":3: malformed section header"), header.getMessage());
        ConfigurationException line = assertThrows(ConfigurationException.class,
                () -> ProfileFile.parse(f, List.of("[DEFAULT]", "", "just some words")));
        assertEquals(f + ":3: expected 'key = value' in section [DEFAULT]", line.getMessage());
        ConfigurationException empty = assertThrows(ConfigurationException.class, () -> ProfileFile.parse(f, List.of("[]")));
        assertTrue(empty.getMessage().startsWith(f + ":1:"), empty.getMessage());
    }

    @Test
    void aMissingFileIsEmpty() {
        ProfileFile p = ProfileFile.load(dir.resolve("none"));
        assertEquals(Set.of(), p.sectionNames());
        assertEquals(Optional.empty(), p.section("DEFAULT"));
    }
}
