package io.dataops4j.dataiku.datasets;

import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.dataiku.futures.FutureState;
import io.dataops4j.dataiku.futures.Futures;
import io.dataops4j.dataiku.internal.DssContext;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.PathSegments;
import io.dataops4j.dataiku.internal.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS datasets of a project.
 *
 * <pre>{@code
 * Datasets datasets = dss.datasets();
 * datasets.create("DATAOPS", DatasetSpec.azureBlob("sales_raw", "azure-blob-dataiku", "/sales/2026").withCsvFormat(","));
 * datasets.update(datasets.autodetect("DATAOPS", "sales_raw"));            // detected format and schema, saved
 * TablesImport imported = datasets.importTables("DATAOPS", "synapse-dw", "dbo", ProgressListener.NONE);
 * }</pre>
 */
public final class Datasets {
    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);
    /** Dataset types whose format DSS detects on files (dataikuapi's {@code _FS_TYPES}). */
    static final Set<String> FS_TYPES = Set.of("Filesystem", "UploadedFiles", "FilesInFolder", "HDFS", "S3", "Azure", "GCS",
            "FTP", "SCP", "SFTP");
    /** Dataset types read through JDBC (dataikuapi's {@code _SQL_TYPES}). */
    static final Set<String> SQL_TYPES = Set.of("JDBC", "PostgreSQL", "MySQL", "Vertica", "Snowflake", "Redshift",
            "Greenplum", "Teradata", "Oracle", "SQLServer", "SAPHANA", "Netezza", "BigQuery", "Athena", "hiveserver2",
            "Synapse", "FabricWarehouse", "Databricks", "DatabricksLakebase", "ClickHouse");
    private static final Duration FUTURE_TIMEOUT = Duration.ofMinutes(30);

    private final DssContext ctx;
    private final Futures futures;

    /** Created by {@code DssClient}. */
    public Datasets(DssContext ctx, Futures futures) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.futures = Objects.requireNonNull(futures, "futures");
    }

    private static String base(String projectKey) {
        return "projects/" + PathSegments.seg(projectKey) + "/datasets/";
    }

    /** The project's datasets (not those shared from other projects); DSS lists them in one answer. */
    public Paged<Dataset> list(String projectKey) {
        return Paged.tokens(token -> {
            Object v = ctx.value(ApiRequest.get(base(projectKey)).query("foreign", "false").operation("datasets.list").build());
            List<Dataset> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.forEach(o -> out.add(Dataset.from(o)));
            }
            return new Page<>(out, null);
        });
    }

    /** A dataset's settings. */
    public Dataset get(String projectKey, String name) {
        return Dataset.from(ctx.value(ApiRequest.get(base(projectKey) + PathSegments.seg(name)).operation("datasets.get").build()));
    }

    /** Saves a dataset's settings ({@code PUT} of the whole object, as read and changed). */
    public Dataset update(Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        ctx.http().send(ApiRequest.put(base(dataset.projectKey()) + PathSegments.seg(dataset.name()))
                .body(JsonText.body(dataset.asMap())).operation("datasets.update").build());
        return dataset;
    }

    /** Creates a dataset on an existing connection. */
    public void create(String projectKey, DatasetSpec spec) {
        Objects.requireNonNull(spec, "spec");
        ctx.http().send(ApiRequest.post(base(projectKey)).body(JsonText.body(spec.body(projectKey)))
                .operation("datasets.create").build());
        LOG.info("created DSS dataset {}.{} ({})", projectKey, spec.name(), spec.type());
    }

    /** Deletes a dataset; with {@code dropData} its data too. */
    public void delete(String projectKey, String name, boolean dropData) {
        ctx.http().send(ApiRequest.delete(base(projectKey) + PathSegments.seg(name)).query("dropData", dropData)
                .operation("datasets.delete").build());
        LOG.info("deleted DSS dataset {}.{}", projectKey, name);
    }

    /** A dataset's schema. */
    public DatasetSchema schema(String projectKey, String name) {
        return DatasetSchema.from(ctx.value(ApiRequest.get(base(projectKey) + PathSegments.seg(name) + "/schema")
                .operation("datasets.schema").build()));
    }

    /** Sets a dataset's schema. */
    public void setSchema(String projectKey, String name, DatasetSchema schema) {
        ctx.http().send(ApiRequest.put(base(projectKey) + PathSegments.seg(name) + "/schema")
                .body(JsonText.body(schema.asMap())).operation("datasets.setSchema").build());
    }

    /**
     * Detects an external dataset's settings: the format and schema of a file dataset (a DSS future), the schema of
     * a SQL table. Returns the settings with what was detected; they are not saved: pass them to {@link #update}.
     *
     * @throws OperationFailedException when DSS could not detect a format
     */
    public Dataset autodetect(String projectKey, String name) {
        Dataset settings = get(projectKey, name);
        String type = settings.type() == null ? "" : settings.type();
        String path = base(projectKey) + PathSegments.seg(name) + "/actions/testAndDetectSettings/";
        if (FS_TYPES.contains(type) || type.startsWith("fsprovider_")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("detectPossibleFormats", true);
            body.put("inferStorageTypes", false);
            FutureState started = ctx.http().send(ApiRequest.post(path + "fsLike").body(JsonText.body(body))
                    .operation("datasets.detect").build(), FutureState.class);
            FutureState done = futures.poll(started, "format detection of " + projectKey + "." + name)
                    .waitForCompletion(FUTURE_TIMEOUT);
            Map<String, Object> format = Values.object(done.result() == null ? null : done.result().value(), "format");
            if (!Boolean.TRUE.equals(Values.bool(format, "ok"))) {
                throw new OperationFailedException("DSS detected no format for dataset " + projectKey + "." + name
                        + "; its answer: " + (done.result() == null ? "(none)" : done.result().json()), done);
            }
            return settings.withFormat(Values.string(format, "type"), Values.object(format, "params"))
                    .withSchema(DatasetSchema.from(Values.object(Values.object(format, "schemaDetection"), "newSchema")));
        }
        if (SQL_TYPES.contains(type)) {
            Map<String, Object> result = Values.object(ctx.value(ApiRequest.post(path + "externalSQL")
                    .operation("datasets.detect").build()));
            if (!Values.hasObject(result, "schemaDetection")) {
                throw new OperationFailedException("DSS detected no schema for dataset " + projectKey + "." + name
                        + "; its answer: " + JsonText.write(result), result);
            }
            return settings.withSchema(DatasetSchema.from(Values.object(Values.object(result, "schemaDetection"), "newSchema")));
        }
        throw new IllegalArgumentException("DSS detects settings of file and SQL datasets only; " + projectKey + "." + name
                + " is of type " + type);
    }

    /** The tables of a SQL connection's schema that can be imported (a DSS future when the listing is long). */
    public List<SqlTable> listTables(String projectKey, String connection, String schema) {
        RawJson answer = ctx.json(ApiRequest.get(base(projectKey) + "tables-import/actions/list-tables")
                .query("connectionName", Objects.requireNonNull(connection, "connection"))
                .query("schemaName", schema).operation("datasets.listTables").build());
        RawJson result = resultOf(answer, "listing of the tables of " + connection);
        List<SqlTable> out = new ArrayList<>();
        for (Map<String, Object> t : Values.objects(Values.object(result == null ? null : result.value()), "tables")) {
            String table = Values.string(t, "table");
            if (table != null) {
                out.add(new SqlTable(Values.string(t, "schema"), table));
            }
        }
        return out;
    }

    /** Prepares the import of tables as datasets; the candidates name the datasets to create. */
    public RawJson prepareImport(String projectKey, String connection, List<SqlTable> tables) {
        List<Object> keys = new ArrayList<>();
        for (SqlTable t : tables) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("connectionName", connection);
            key.put("schema", t.schema());
            key.put("name", t.table());
            key.put("catalog", null);
            keys.add(key);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keys", keys);
        RawJson answer = ctx.json(ApiRequest.post(base(projectKey) + "tables-import/actions/prepare-from-keys")
                .body(JsonText.body(body)).operation("datasets.prepareImport").build());
        return resultOf(answer, "preparation of the import of " + tables.size() + " tables");
    }

    /** Imports prepared candidates (sent back untouched) and waits until DSS has created the datasets. */
    public FutureState executeImport(String projectKey, RawJson candidates) {
        Objects.requireNonNull(candidates, "candidates");
        FutureState started = ctx.http().send(ApiRequest.post(base(projectKey) + "tables-import/actions/execute-from-candidates")
                .body(JsonText.body(candidates)).operation("datasets.executeImport").build(), FutureState.class);
        return futures.poll(started, "import of tables into " + projectKey).waitForCompletion(FUTURE_TIMEOUT);
    }

    /**
     * Imports every table of a SQL connection's schema as datasets of a project: lists the tables, prepares the
     * import, executes it (three DSS calls, each a future). Progress goes 0 to 3 steps.
     */
    public TablesImport importTables(String projectKey, String connection, String schema, ProgressListener progress) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        p.progress(0, 3, "listing the tables of " + connection + (schema == null ? "" : "." + schema));
        List<SqlTable> tables = listTables(projectKey, connection, schema);
        if (tables.isEmpty()) {
            p.progress(3, 3, "no table to import");
            return new TablesImport(tables, null, null);
        }
        p.progress(1, 3, "preparing the import of " + tables.size() + (tables.size() == 1 ? " table" : " tables"));
        RawJson candidates = prepareImport(projectKey, connection, tables);
        p.progress(2, 3, "importing " + tables.size() + (tables.size() == 1 ? " table" : " tables") + " into " + projectKey);
        FutureState done = executeImport(projectKey, candidates);
        p.progress(3, 3, "imported " + tables.size() + (tables.size() == 1 ? " table" : " tables"));
        LOG.info("imported {} tables of {} into project {}", tables.size(), connection, projectKey);
        return new TablesImport(tables, candidates, done);
    }

    /** The result of an answer that is a future ({@code jobId}) or holds its result at once ({@code result}). */
    private RawJson resultOf(RawJson answer, String what) {
        if (answer == null) {
            return null;
        }
        FutureState state = answer.as(FutureState.class);
        if (state.jobId() == null) {
            return state.result();
        }
        return futures.poll(state, what).waitForCompletion(FUTURE_TIMEOUT).result();
    }
}
