package io.dataops4j.core.json;

import java.util.Objects;

/**
 * A JSON value kept exactly as the service sent it, for objects that must round-trip untouched (DSS connection
 * params, ADF resources, fields this SDK does not model). Numbers keep their full precision and keys their order.
 *
 * <pre>{@code
 * RawJson params = connection.params();
 * Map<String, Object> view = params.asMap();          // read it
 * RawJson edited = RawJson.of("{\"container\":\"dataiku\"}");
 * }</pre>
 *
 * @param json the JSON text, never null
 */
public record RawJson(String json) {
    public RawJson {
        Objects.requireNonNull(json, "json");
    }

    /** Wraps JSON text, checking that it is one well-formed JSON value. */
    public static RawJson of(String json) {
        Json.shared().checkSyntax(json);
        return new RawJson(json);
    }

    /** Encodes any value (a map, a list, a record) as JSON. */
    public static RawJson from(Object value) {
        return new RawJson(Json.shared().toJson(value));
    }

    /**
     * The value as plain Java objects (Map in key order, List, String, Long or BigDecimal, Boolean, null); numbers
     * keep their exact value, so {@code RawJson.from(raw.value())} gives the same JSON back.
     */
    public Object value() {
        return Json.shared().parseValue(json);
    }

    /** The value as a map; fails when the JSON is not an object. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> asMap() {
        Object v = value();
        if (v instanceof java.util.Map<?, ?> m) {
            return (java.util.Map<String, Object>) m;
        }
        throw new IllegalStateException("not a JSON object: " + (json.length() > 40 ? json.substring(0, 40) + "..." : json));
    }

    /** Decodes the value into a type. */
    public <T> T as(Class<T> type) {
        return Json.shared().fromJson(json, type);
    }

    @Override
    public String toString() {
        return io.dataops4j.core.Redactor.text(json);
    }
}
