package io.dataops4j.dataiku.datasets;

import io.dataops4j.core.json.RawJson;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.Masking;
import io.dataops4j.dataiku.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset's settings exactly as DSS sent them ({@code GET /projects/{key}/datasets/{name}}), every member kept so
 * that a change sent back with {@code PUT} touches only what was changed. Immutable: the {@code with...} methods
 * return changed copies.
 *
 * <pre>{@code
 * Dataset d = dss.datasets().get("DATAOPS", "sales_raw");
 * dss.datasets().update(d.withFormat("csv", Map.of("separator", ";")).withDescription("2026 sales"));
 * }</pre>
 */
public final class Dataset {
    private final Map<String, Object> data;

    private Dataset(Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) Values.frozen(data);
        this.data = frozen;
    }

    /** A dataset from the JSON DSS sent. */
    public static Dataset of(RawJson json) {
        return from(Objects.requireNonNull(json, "json").value());
    }

    static Dataset from(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a DSS dataset is a JSON object");
        }
        return new Dataset(Values.object(value));
    }

    public String projectKey() {
        return Values.string(data, "projectKey");
    }

    public String name() {
        return Values.string(data, "name");
    }

    /** The type: {@code Azure}, {@code Synapse}, {@code SQLServer}, {@code Filesystem}, ... */
    public String type() {
        return Values.string(data, "type");
    }

    /** Whether DSS manages its data. */
    public boolean managed() {
        return Boolean.TRUE.equals(Values.bool(data, "managed"));
    }

    /** The connection it lives on ({@code params.connection}), or null. */
    public String connection() {
        return Values.string(Values.object(data, "params"), "connection");
    }

    /** The type's parameters, as sent. */
    public Map<String, Object> params() {
        return Values.object(data, "params");
    }

    /** The format type of a file dataset ({@code csv}, {@code parquet}, ...), or null. */
    public String formatType() {
        return Values.string(data, "formatType");
    }

    /** The format's parameters, as sent. */
    public Map<String, Object> formatParams() {
        return Values.object(data, "formatParams");
    }

    /** The schema. */
    public DatasetSchema schema() {
        return DatasetSchema.from(data.get("schema"));
    }

    public List<String> tags() {
        return Values.strings(data, "tags");
    }

    /** The description, or null. */
    public String description() {
        return Values.string(data, "description");
    }

    /** A top-level member as sent, or null. */
    public Object get(String key) {
        return data.get(key);
    }

    /** Every member, as a mutable deep copy. */
    public Map<String, Object> asMap() {
        return Values.object(data);
    }

    /** The settings as JSON, every member kept. */
    public RawJson toJson() {
        return new RawJson(JsonText.write(data));
    }

    /** A copy with a top-level member set. */
    public Dataset with(String key, Object value) {
        Map<String, Object> copy = asMap();
        copy.put(Objects.requireNonNull(key, "key"), Values.deepCopy(value));
        return new Dataset(copy);
    }

    public Dataset withDescription(String description) {
        return with("description", description);
    }

    /** A copy with parameters set; parameters not named are kept. */
    public Dataset withParams(Map<String, ?> changes) {
        Map<String, Object> copy = asMap();
        Map<String, Object> params = Values.object(copy, "params");
        changes.forEach((k, v) -> params.put(k, Values.deepCopy(v)));
        copy.put("params", params);
        return new Dataset(copy);
    }

    /** A copy with a format ({@code formatType} and {@code formatParams}). */
    public Dataset withFormat(String formatType, Map<String, ?> formatParams) {
        Map<String, Object> copy = asMap();
        copy.put("formatType", formatType);
        copy.put("formatParams", Values.deepCopy(formatParams));
        return new Dataset(copy);
    }

    /** A copy with a schema. */
    public Dataset withSchema(DatasetSchema schema) {
        Map<String, Object> copy = asMap();
        copy.put("schema", schema.asMap());
        return new Dataset(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && d.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    /** The settings with secrets masked. */
    @Override
    public String toString() {
        return "Dataset" + Masking.json(data);
    }
}
