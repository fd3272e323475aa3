package io.dataops4j.dataiku.datasets;

import io.dataops4j.core.json.RawJson;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset's schema ({@code {"columns": [{"name", "type", ...}]}}), kept as DSS sent it: the members of a column
 * this class does not name (comments, meanings, lengths) survive a round-trip.
 *
 * <pre>{@code
 * DatasetSchema s = DatasetSchema.of(List.of(new SchemaColumn("id", "bigint"), new SchemaColumn("amount", "double")));
 * dss.datasets().setSchema("DATAOPS", "sales_raw", s);
 * }</pre>
 */
public final class DatasetSchema {
    private final Map<String, Object> data;

    private DatasetSchema(Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) Values.frozen(data);
        this.data = frozen;
    }

    /** A schema of these columns. */
    public static DatasetSchema of(List<SchemaColumn> columns) {
        List<Object> list = new ArrayList<>();
        for (SchemaColumn c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type());
            list.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("columns", list);
        return new DatasetSchema(data);
    }

    /** A schema from the JSON DSS sent. */
    public static DatasetSchema of(RawJson json) {
        return from(Objects.requireNonNull(json, "json").value());
    }

    static DatasetSchema from(Object value) {
        return new DatasetSchema(Values.object(value));
    }

    /** The columns' names and types. */
    public List<SchemaColumn> columns() {
        List<SchemaColumn> out = new ArrayList<>();
        for (Map<String, Object> c : Values.objects(data, "columns")) {
            String name = Values.string(c, "name");
            String type = Values.string(c, "type");
            if (name != null) {
                out.add(new SchemaColumn(name, type == null ? "string" : type));
            }
        }
        return out;
    }

    /** The schema as JSON, every member kept. */
    public RawJson toJson() {
        return new RawJson(JsonText.write(data));
    }

    Map<String, Object> asMap() {
        return Values.object(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSchema s && s.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "DatasetSchema" + columns();
    }
}
