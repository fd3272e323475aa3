package io.dataops4j.dataiku.datasets;

import io.dataops4j.dataiku.internal.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset to create on an existing connection: files in a blob container, or a SQL table. After creation, DSS
 * can detect the format and schema ({@code Datasets.autodetect}).
 *
 * <pre>{@code
 * DatasetSpec blob = DatasetSpec.azureBlob("sales_raw", "azure-blob-dataiku", "/sales/2026")
 *     .inContainer("dataiku").withCsvFormat(",");
 * DatasetSpec table = DatasetSpec.sqlTable("dbo_orders", "Synapse", "synapse-dw", "dbo", "orders");
 * }</pre>
 */
public final class DatasetSpec {
    private final String name;
    private final String type;
    private final Map<String, Object> params;
    private final boolean fileBased;
    private final String formatType;
    private final Map<String, Object> formatParams;

    private DatasetSpec(String name, String type, Map<String, Object> params, boolean fileBased, String formatType,
                        Map<String, Object> formatParams) {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("a dataset name is letters, digits and underscores: " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.params = params;
        this.fileBased = fileBased;
        this.formatType = formatType;
        this.formatParams = formatParams;
    }

    /** Files under a path of an Azure Blob connection (type {@code Azure}). */
    public static DatasetSpec azureBlob(String name, String connection, String path) {
        return files(name, "Azure", connection, path);
    }

    /** Files under a path of a file-like connection of any type ({@code Azure}, {@code S3}, {@code Filesystem}, ...). */
    public static DatasetSpec files(String name, String type, String connection, String path) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("connection", Objects.requireNonNull(connection, "connection"));
        params.put("path", Objects.requireNonNull(path, "path"));
        return new DatasetSpec(name, type, params, true, null, new LinkedHashMap<>());
    }

    /**
     * A table of a SQL connection ({@code mode=table}).
     *
     * @param type the connection's type: {@code Synapse}, {@code SQLServer}, {@code PostgreSQL}, ...
     */
    public static DatasetSpec sqlTable(String name, String type, String connection, String schema, String table) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("connection", Objects.requireNonNull(connection, "connection"));
        params.put("mode", "table");
        params.put("table", Objects.requireNonNull(table, "table"));
        params.put("schema", schema);
        params.put("catalog", null);
        return new DatasetSpec(name, type, params, false, null, null);
    }

    /** The container of a blob dataset (when the connection is not restricted to one). */
    public DatasetSpec inContainer(String container) {
        return withParam("container", Objects.requireNonNull(container, "container"));
    }

    /** The catalog (database) of a SQL table, when not the connection's default. */
    public DatasetSpec inCatalog(String catalog) {
        return withParam("catalog", catalog);
    }

    /** Another parameter of the type. */
    public DatasetSpec withParam(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(Objects.requireNonNull(key, "key"), Values.deepCopy(value));
        return new DatasetSpec(name, type, p, fileBased, formatType, formatParams);
    }

    /** A format for file datasets. */
    public DatasetSpec withFormat(String formatType, Map<String, ?> formatParams) {
        if (!fileBased) {
            throw new IllegalStateException("only file datasets have a format");
        }
        return new DatasetSpec(name, type, params, true, formatType, Values.object(Values.deepCopy(formatParams)));
    }

    /** A CSV format as dataikuapi's {@code set_csv_format} writes it: Excel style, a header row, nothing skipped. */
    public DatasetSpec withCsvFormat(String separator) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("style", "excel");
        f.put("separator", Objects.requireNonNull(separator, "separator"));
        f.put("skipRowsBeforeHeader", 0);
        f.put("parseHeaderRow", true);
        f.put("skipRowsAfterHeader", 0);
        return withFormat("csv", f);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The creation body, as dataikuapi's {@code create_dataset} and {@code create_sql_table_dataset} send it. */
    Map<String, Object> body(String projectKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("projectKey", projectKey);
        body.put("type", type);
        body.put("params", Values.deepCopy(params));
        if (fileBased) {
            body.put("formatType", formatType);
            body.put("formatParams", Values.deepCopy(formatParams));
        }
        return body;
    }

    @Override
    public String toString() {
        return "DatasetSpec[" + name + ", " + type + ", " + params + (formatType == null ? "" : ", " + formatType) + "]";
    }
}
