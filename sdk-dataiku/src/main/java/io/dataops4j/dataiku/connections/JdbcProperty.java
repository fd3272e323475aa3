package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An advanced JDBC property of a SQL connection ({@code params.properties[]}: {@code {name, value, secret}}). DSS
 * encrypts a property flagged secret; its value here is a {@link Secret} and is never printed.
 *
 * @param name   the property's name
 * @param value  the value (a {@link Secret} for secret properties)
 * @param secret whether DSS must keep it secret
 */
public record JdbcProperty(String name, Object value, boolean secret) {
    public JdbcProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (secret && !(value instanceof Secret)) {
            throw new IllegalArgumentException("a secret JDBC property's value must be a Secret");
        }
    }

    /** A plain property. */
    public static JdbcProperty of(String name, String value) {
        return new JdbcProperty(name, value, false);
    }

    /** A secret property. */
    public static JdbcProperty secret(String name, Secret value) {
        return new JdbcProperty(name, value, true);
    }

    /** The property as DSS stores it; the secret stays a {@link Secret} until the request is written. */
    Map<String, Object> toParam() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", value);
        m.put("secret", secret);
        return m;
    }

    @Override
    public String toString() {
        return "JdbcProperty[" + name + "=" + (secret ? Redactor.MASK : Redactor.text(String.valueOf(value))) + "]";
    }
}
