package io.dataops4j.dataiku.connections;

import io.dataops4j.core.json.RawJson;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.Masking;
import io.dataops4j.dataiku.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DSS connection's settings exactly as DSS sent them ({@code GET /admin/connections/{name}}): every member,
 * known or not, is kept with its value, key order and number precision, so that a change sent back with
 * {@code PUT} touches only what was changed. Secrets come back encrypted; sending them back unchanged is fine.
 * Immutable: the {@code with...} methods return changed copies. {@link #toString()} masks every secret.
 *
 * <pre>{@code
 * Connection c = dss.connections().get("azure-blob-dataiku");
 * String account = (String) c.params().get("storageAccount");
 * dss.connections().update(c.withParam("chroot", "/landing").withDescription("landing zone only"));
 * }</pre>
 */
public final class Connection {
    private final Map<String, Object> data;

    private Connection(Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) Values.frozen(data);
        this.data = frozen;
    }

    /** A connection from the JSON object DSS sent. */
    public static Connection of(RawJson json) {
        Object v = Objects.requireNonNull(json, "json").value();
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a DSS connection is a JSON object");
        }
        return new Connection(Values.object(v));
    }

    /** A connection from plain JSON values (maps, lists, strings, numbers, booleans). */
    public static Connection of(Map<String, Object> data) {
        return new Connection(Values.object(Objects.requireNonNull(data, "data")));
    }

    /** The name ({@code name}, or {@code id} in some listings). */
    public String name() {
        String name = Values.string(data, "name");
        return name != null ? name : Values.string(data, "id");
    }

    /** The type: {@code Azure}, {@code Synapse}, {@code SQLServer}, ... */
    public String type() {
        return Values.string(data, "type");
    }

    /** The description, or null. */
    public String description() {
        return Values.string(data, "description");
    }

    /** The type's parameters, as sent (unmodifiable). */
    public Map<String, Object> params() {
        Object p = data.get("params");
        return p instanceof Map<?, ?> ? Values.object(p) : Map.of();
    }

    /** Who may use it, or null when not sent (or a value this version does not know). */
    public UsableBy usableBy() {
        return parse(UsableBy.class, Values.string(data, "usableBy"));
    }

    /** The groups that may use it when {@link #usableBy()} is ALLOWED. */
    public List<String> allowedGroups() {
        return Values.strings(data, "allowedGroups");
    }

    /** Who may read its details, or null when not sent. */
    public ReadableBy readableBy() {
        return parse(ReadableBy.class, Values.string(Values.object(data, "detailsReadability"), "readableBy"));
    }

    /** The groups that may read its details when {@link #readableBy()} is ALLOWED. */
    public List<String> readableGroups() {
        return Values.strings(Values.object(data, "detailsReadability"), "allowedGroups");
    }

    /** Whose credentials it uses, or null when not sent. */
    public CredentialsMode credentialsMode() {
        return parse(CredentialsMode.class, Values.string(data, "credentialsMode"));
    }

    /** A top-level member as sent (a plain JSON value), or null. */
    public Object get(String key) {
        return data.get(key);
    }

    /** Every member, as a mutable deep copy. */
    public Map<String, Object> asMap() {
        return Values.object(data);
    }

    /** The connection as JSON, every member kept (nulls included). */
    public RawJson toJson() {
        return new RawJson(JsonText.write(data));
    }

    /** A copy with a top-level member set (null sets JSON null). */
    public Connection with(String key, Object value) {
        Map<String, Object> copy = asMap();
        copy.put(Objects.requireNonNull(key, "key"), Values.deepCopy(value));
        return new Connection(copy);
    }

    /** A copy with a description. */
    public Connection withDescription(String description) {
        return with("description", description);
    }

    /** A copy with one parameter set; the other parameters are kept. */
    public Connection withParam(String key, Object value) {
        Map<String, Object> copy = asMap();
        Map<String, Object> params = Values.object(copy, "params");
        params.put(Objects.requireNonNull(key, "key"), Values.deepCopy(value));
        copy.put("params", params);
        return new Connection(copy);
    }

    /** A copy with parameters set; parameters not named are kept. */
    public Connection withParams(Map<String, ?> changes) {
        Map<String, Object> copy = asMap();
        Map<String, Object> params = Values.object(copy, "params");
        changes.forEach((k, v) -> params.put(k, Values.deepCopy(v)));
        copy.put("params", params);
        return new Connection(copy);
    }

    /** A copy with the security settings applied: the parts that are null are left as they are. */
    public Connection withSecurity(ConnectionSecurity security) {
        Map<String, Object> copy = asMap();
        if (security.usableBy() != null) {
            copy.put("usableBy", security.usableBy().name());
            if (security.usableBy() == UsableBy.ALLOWED) {
                copy.put("allowedGroups", new java.util.ArrayList<Object>(security.usableGroups()));
            }
        }
        if (security.readableBy() != null) {
            Map<String, Object> readability = Values.object(copy, "detailsReadability");
            readability.put("readableBy", security.readableBy().name());
            if (security.readableBy() == ReadableBy.ALLOWED) {
                readability.put("allowedGroups", new java.util.ArrayList<Object>(security.readableGroups()));
            }
            copy.put("detailsReadability", readability);
        }
        if (security.credentialsMode() != null) {
            copy.put("credentialsMode", security.credentialsMode().name());
        }
        return new Connection(copy);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connection c && c.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    /** The connection with every secret masked. */
    @Override
    public String toString() {
        return "Connection" + Masking.json(data);
    }
}
