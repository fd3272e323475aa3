package io.dataops4j.mlflow.tracking;

import java.util.Objects;

/**
 * A run parameter: written once (the same value again is accepted, another value is refused).
 *
 * @param key   the name (at most 250 characters)
 * @param value the value (at most 6000 characters)
 */
public record Param(String key, String value) {
    public Param {
        Objects.requireNonNull(key, "param key");
    }

    /** A parameter. */
    public static Param of(String key, String value) {
        return new Param(key, value);
    }
}
