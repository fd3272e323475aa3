package io.dataops4j.core;

import java.util.Objects;

/**
 * A secret value (token, password, key, client secret, webhook secret). Its {@link #toString()} never shows the
 * value; call {@link #reveal()} only where the value goes on the wire.
 *
 * <p>Every secret created is also made known to the {@link Redactor}, so that the value is masked wherever it
 * would otherwise reach a log line or an exception message.
 *
 * <pre>{@code
 * Secret token = Secret.of(System.getenv("DATABRICKS_TOKEN"));
 * System.out.println(token);   // prints "Secret[****]"
 * }</pre>
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
        Redactor.register(value);
    }

    /** Wraps a non-empty value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** Wraps a value that may be null or empty: returns null then. */
    public static Secret ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    /** The clear value. Use it only to put the secret on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
