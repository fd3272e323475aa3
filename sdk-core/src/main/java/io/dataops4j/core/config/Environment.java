package io.dataops4j.core.config;

import java.util.Map;

/**
 * Environment variables, injectable so that configuration can be tested.
 *
 * <pre>{@code
 * Environment env = Environment.of(Map.of("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net"));
 * }</pre>
 */
@FunctionalInterface
public interface Environment {
    /** The value of a variable, or null when unset. */
    String get(String name);

    /** The process environment. */
    static Environment system() {
        return System::getenv;
    }

    /** A fixed map of variables. */
    static Environment of(Map<String, String> vars) {
        Map<String, String> copy = Map.copyOf(vars);
        return copy::get;
    }
}
