package io.dataops4j.devops;

import com.squareup.moshi.Json;

/**
 * A release or pipeline variable ({@code ConfigurationVariableValue} / {@code Variable} in the official client):
 * {@code {"value": "...", "isSecret": true}}. A secret value is never shown by {@code toString()}.
 *
 * @param value    the value
 * @param isSecret whether DevOps keeps it secret, or null
 */
public record Variable(String value, @Json(name = "isSecret") Boolean isSecret) {
    /** A plain variable. */
    public static Variable of(String value) {
        return new Variable(value, null);
    }

    /** A secret variable. */
    public static Variable secret(String value) {
        return new Variable(value, true);
    }

    @Override
    public String toString() {
        return Boolean.TRUE.equals(isSecret) ? "Variable[****]" : "Variable[" + value + "]";
    }
}
