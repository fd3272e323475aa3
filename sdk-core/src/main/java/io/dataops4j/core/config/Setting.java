package io.dataops4j.core.config;

import java.util.List;
import java.util.Objects;

/**
 * One configuration setting and where it may be found.
 *
 * <pre>{@code
 * Setting host = Setting.of("host", "workspace host").env("DATABRICKS_HOST").profileKey("host");
 * Setting token = Setting.of("token", "personal access token").env("DATABRICKS_TOKEN").profileKey("token").asSecret();
 * }</pre>
 *
 * @param name         the builder option's name ("host")
 * @param description  what it is, for error messages ("workspace host")
 * @param envVars      environment variables, first found wins
 * @param profileKey   the key in a profile file section, or null
 * @param defaultValue the default, or null
 * @param secret       whether the value is a secret (never printed)
 */
public record Setting(String name, String description, List<String> envVars, String profileKey, String defaultValue,
                      boolean secret) {
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        envVars = List.copyOf(envVars);
    }

    public static Setting of(String name, String description) {
        return new Setting(name, description, List.of(), null, null, false);
    }

    public Setting env(String... names) {
        return new Setting(name, description, List.of(names), profileKey, defaultValue, secret);
    }

    public Setting profileKey(String key) {
        return new Setting(name, description, envVars, key, defaultValue, secret);
    }

    public Setting defaultValue(String value) {
        return new Setting(name, description, envVars, profileKey, value, secret);
    }

    /** The same setting, marked secret. */
    public Setting asSecret() {
        return new Setting(name, description, envVars, profileKey, defaultValue, true);
    }
}
