package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.Masking;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connection to create: name, type, parameters, and its security. Secrets stay {@link Secret}s until the request
 * is written, so {@link #toString()} never shows one. Build it with a typed builder
 * ({@link AzureBlobConnection}, {@link SqlServerConnection}) or, for any other type, with {@link #builder}.
 *
 * <pre>{@code
 * ConnectionSpec spec = ConnectionSpec.builder("pg-dw", "PostgreSQL")
 *     .param("host", "pg.internal").param("port", 5432).param("db", "dw")
 *     .param("user", "loader").secretParam("password", Secret.of(pw))
 *     .security(ConnectionSecurity.builder().usableBy("data-engineers").build())
 *     .build();
 * }</pre>
 */
public final class ConnectionSpec {
    private final String name;
    private final String type;
    private final String description;
    private final Map<String, Object> params;
    private final ConnectionSecurity security;
    private final Map<String, Object> extras;

    private ConnectionSpec(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.description = b.description;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.security = b.security;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
    }

    /** A builder for a connection of any type; the parameters are the type's ({@code params}). */
    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    /** The parameters; secret values are {@link Secret}s. */
    public Map<String, Object> params() {
        return params;
    }

    public ConnectionSecurity security() {
        return security;
    }

    /** Other top-level members to set after creation ({@code allowWrite}, {@code maxActivities}, ...). */
    public Map<String, Object> extras() {
        return extras;
    }

    /** The parameters as they go on the wire: secrets revealed. */
    Map<String, Object> wireParams() {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) reveal(params);
        return out;
    }

    static Object reveal(Object value) {
        if (value instanceof Secret s) {
            return s.reveal();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), reveal(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(reveal(v)));
            return out;
        }
        return value;
    }

    private static Object hide(Object value) {
        if (value instanceof Secret) {
            return Redactor.MASK;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), hide(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(hide(v)));
            return out;
        }
        return value;
    }

    /** The spec with every secret masked. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", name);
        shown.put("type", type);
        shown.put("description", description);
        shown.put("params", hide(params));
        shown.put("security", security.toString());
        return "ConnectionSpec" + Masking.json(shown);
    }

    /** Builds a {@link ConnectionSpec}. */
    public static final class Builder {
        private final String name;
        private final String type;
        private String description;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private ConnectionSecurity security = ConnectionSecurity.unchanged();
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder(String name, String type) {
            this.name = requireText(name, "name");
            this.type = requireText(type, "type");
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** A parameter (a string, number, boolean, list or map); null removes it. */
        public Builder param(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                params.remove(key);
            } else {
                if (!(value instanceof Secret)) {
                    JsonText.write(reveal(value));   // fails early on a value that is not plain JSON
                }
                params.put(key, value);
            }
            return this;
        }

        /** A secret parameter; it is revealed only when the request is written. */
        public Builder secretParam(String key, Secret value) {
            return param(key, Objects.requireNonNull(value, key));
        }

        /** Parameters; secrets may be {@link Secret}s. */
        public Builder params(Map<String, ?> values) {
            values.forEach(this::param);
            return this;
        }

        public Builder security(ConnectionSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Another top-level member, set after creation ({@code allowWrite}, {@code allowManagedDatasets}, ...). */
        public Builder extra(String key, Object value) {
            extras.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        public ConnectionSpec build() {
            return new ConnectionSpec(this);
        }

        static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a connection " + what + " is required");
            }
            return value;
        }
    }
}
