package io.dataops4j.core.config;

/**
 * A setting's value and where it came from.
 *
 * @param name   the setting's name
 * @param value  the value
 * @param source where it was found: "builder", "environment DATABRICKS_HOST", "profile DEFAULT in /home/me/.databrickscfg", "default"
 * @param secret whether the value is secret (then {@link #toString()} and {@link #display()} hide it)
 */
public record Resolved(String name, String value, String source, boolean secret) {
    /** The value for printing: secrets masked. */
    public String display() {
        return secret ? io.dataops4j.core.Redactor.MASK : value;
    }

    @Override
    public String toString() {
        return name + "=" + display() + " (from " + source + ")";
    }
}
