package io.dataops4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
    static final Setting HOST = Setting.of("host", "workspace host").env("DATABRICKS_HOST").profileKey("host");
    static final Setting TOKEN = Setting.of("token", "personal access token").env("DATABRICKS_TOKEN").profileKey("token").asSecret();
    static final Setting TIMEOUT = Setting.of("timeout", "HTTP timeout").env("DATABRICKS_HTTP_TIMEOUT_SECONDS")
            .profileKey("http_timeout_seconds").defaultValue("60");
    static final Setting URL = Setting.of("url", "DSS URL").env("DKU_DSS_URL", "DSS_URL");

    @TempDir
    Path dir;

    private ProfileFile profile(String text) throws Exception {
        Path f = dir.resolve(".databrickscfg");
        Files.writeString(f, text);
        return ProfileFile.load(f);
    }

    @Test
    void builderThenEnvironmentThenProfileThenDefault() throws Exception {
        ProfileFile file = profile("[DEFAULT]\nhost = https://from-profile.azuredatabricks.net\nhttp_timeout_seconds = 90\n");
        Environment env = Environment.of(Map.of("DATABRICKS_HOST", "https://from-env.azuredatabricks.net"));
        ConfigResolver config = ConfigResolver.of("Databricks", env).profile(file, "DEFAULT");

        Resolved fromBuilder = config.require(HOST, "https://from-builder.azuredatabricks.net");
        assertEquals("https://from-builder.azuredatabricks.net", fromBuilder.value());
        assertEquals("builder", fromBuilder.source());

        Resolved fromEnv = config.require(HOST, null);
        assertEquals("https://from-env.azuredatabricks.net", fromEnv.value());
        assertEquals("environment DATABRICKS_HOST", fromEnv.source());

        Resolved fromProfile = ConfigResolver.of("Databricks", Environment.of(Map.of())).profile(file, "DEFAULT").require(HOST, " ");
        assertEquals("https://from-profile.azuredatabricks.net", fromProfile.value(), "a blank builder value counts as unset");
        assertEquals("profile DEFAULT in " + file.path(), fromProfile.source());

        assertEquals("90", config.require(TIMEOUT, null).value());
        Resolved fromDefault = ConfigResolver.of("Databricks", Environment.of(Map.of())).require(TIMEOUT, null);
        assertEquals("60", fromDefault.value());
        assertEquals("default", fromDefault.source());
    }

    @Test
    void environmentVariablesInOrderAndTrimmed() {
        ConfigResolver a = ConfigResolver.of("DSS", Environment.of(Map.of("DSS_URL", " https://dss-b:11200 ", "DKU_DSS_URL", "")));
        assertEquals("https://dss-b:11200", a.require(URL, null).value(), "an empty variable counts as unset");
        ConfigResolver b = ConfigResolver.of("DSS", Environment.of(Map.of("DSS_URL", "https://dss-b", "DKU_DSS_URL", "https://dss-a")));
        assertEquals("environment DKU_DSS_URL", b.require(URL, null).source());
    }

    @Test
    void aMissingSettingNamesEveryPlaceSearched() throws Exception {
        ProfileFile file = profile("[DEFAULT]\nhost = https://h\n[prod]\nhost = https://p\n");
        ConfigResolver config = ConfigResolver.of("Databricks", Environment.of(Map.of())).profile(file, "DEFAULT");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> config.require(TOKEN, null));
        assertEquals("Databricks personal access token is not set; looked in: builder option .token(...), "
                + "environment variable DATABRICKS_TOKEN, key 'token' in profile [DEFAULT] of " + file.path(), e.getMessage());

        ConfigurationException noProfile = assertThrows(ConfigurationException.class,
                () -> ConfigResolver.of("Databricks", Environment.of(Map.of())).profile(file, "staging").require(HOST, null));
        assertTrue(noProfile.getMessage().contains("profile [staging] of " + file.path() + " (no such profile; found [DEFAULT, prod])"),
                noProfile.getMessage());

        ProfileFile missing = ProfileFile.load(dir.resolve("nope.cfg"));
        assertFalse(missing.exists());
        ConfigurationException noFile = assertThrows(ConfigurationException.class,
                () -> ConfigResolver.of("Databricks", Environment.of(Map.of())).profile(missing, "DEFAULT").require(HOST, null));
        assertTrue(noFile.getMessage().endsWith("profile [DEFAULT] of " + missing.path() + " (file not found)"), noFile.getMessage());
        assertEquals(Optional.empty(), ConfigResolver.of("Databricks", Environment.of(Map.of())).find(URL, null));
    }

    @Test
    void secretsAreNeverPrinted() {
        ConfigResolver config = ConfigResolver.of("Databricks", Environment.of(Map.of("DATABRICKS_TOKEN", "dapi-config-test-123456")));
        Resolved token = config.require(TOKEN, null);
        assertEquals("dapi-config-test-123456", token.value());
        assertEquals("****", token.display());
        assertEquals("token=**** (from environment DATABRICKS_TOKEN)", token.toString());
        Resolved host = config.require(HOST, "https://h");
        assertEquals("host=https://h (from builder)", host.toString());
    }

    @Test
    void placesSearchedForDoctor() {
        ConfigResolver config = ConfigResolver.of("DSS", Environment.of(Map.of()));
        assertEquals(List.of("builder option .url(...)", "environment variable DKU_DSS_URL", "environment variable DSS_URL"),
                config.placesSearched(URL));
    }
}
