package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.PermissionDeniedException;
import io.dataops4j.core.error.UnauthenticatedException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.dataiku.DssErrors;
import io.dataops4j.dataiku.DssVersion;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS connections (an admin API key is needed for everything but {@link #names} and {@link #test}).
 *
 * <pre>{@code
 * Connections connections = dss.connections();
 * connections.create(AzureBlobConnection.builder("azure-blob-dataiku", "dataopsstore")
 *     .oauthApp(tenant, appId, Secret.of(secret)).restrictToContainer("dataiku").build());
 * ConnectionTestResult r = connections.test("azure-blob-dataiku", ConnectionTestOptions.inProject("DATAOPS"));
 * connections.applySecurity("synapse-dw", ConnectionSecurity.builder().detailsReadableByNobody().build());
 * }</pre>
 */
public final class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    /** Connection types DSS reads through JDBC (dataikuapi's {@code DSSDataset._SQL_TYPES}). */
    static final Set<String> SQL_TYPES = Set.of("JDBC", "PostgreSQL", "MySQL", "Vertica", "Snowflake", "Redshift",
            "Greenplum", "Teradata", "Oracle", "SQLServer", "SAPHANA", "Netezza", "BigQuery", "Athena", "hiveserver2",
            "Synapse", "FabricWarehouse", "Databricks", "DatabricksLakebase", "ClickHouse");
    /** File-like connection types (dataikuapi's {@code DSSDataset._FS_TYPES}). */
    static final Set<String> FS_TYPES = Set.of("Filesystem", "HDFS", "S3", "Azure", "GCS", "FTP", "SCP", "SFTP");
    /** How long a blob listing (a format detection future) may take. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);

    private final DssContext ctx;
    private final Futures futures;

    /** Created by {@code DssClient}. */
    public Connections(DssContext ctx, Futures futures) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.futures = Objects.requireNonNull(futures, "futures");
    }

    /** Every connection ({@code GET /admin/connections/}, an object keyed by name). */
    public Paged<Connection> list() {
        return Paged.tokens(token -> {
            Map<String, Object> byName = Values.object(ctx.value(ApiRequest.get("admin/connections/")
                    .operation("connections.list").build()));
            List<Connection> out = new ArrayList<>();
            byName.forEach((name, value) -> {
                Map<String, Object> item = Values.object(value);
                if (!item.containsKey("name") && !item.containsKey("id")) {
                    item.put("name", name);
                }
                out.add(Connection.of(item));
            });
            return new io.dataops4j.core.paging.Page<>(out, null);
        });
    }

    /** The names of the connections of a type ({@code "all"} for every type); any user may call it. */
    public List<String> names(String type) {
        Object v = ctx.value(ApiRequest.get("connections/get-names").query("type", Objects.requireNonNull(type, "type"))
                .operation("connections.names").build());
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    /** A connection's settings (secrets encrypted). */
    public Connection get(String name) {
        return Connection.of(ctx.json(ApiRequest.get("admin/connections/" + PathSegments.seg(name))
                .operation("connections.get").build()));
    }

    /**
     * Creates a connection: {@code POST} with name, description, type, params, usableBy and allowedGroups (what
     * DSS's create call takes), then, when the spec sets more (details readability, credentials mode, other
     * members), {@code GET}, merge and {@code PUT}.
     *
     * @return the connection as DSS stores it (secrets encrypted), with the merged changes when a PUT followed
     */
    public Connection create(ConnectionSpec spec) {
        Objects.requireNonNull(spec, "spec");
        ConnectionSecurity security = spec.security();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("description", spec.description());
        body.put("type", spec.type());
        body.put("params", spec.wireParams());
        body.put("usableBy", (security.usableBy() == null ? UsableBy.ALL : security.usableBy()).name());
        body.put("allowedGroups", new ArrayList<Object>(security.usableBy() == UsableBy.ALLOWED ? security.usableGroups() : List.of()));
        ctx.http().send(ApiRequest.post("admin/connections/").body(JsonText.body(body))
                .operation("connections.create").build());
        LOG.info("created DSS connection '{}' ({})", spec.name(), spec.type());
        Connection created = get(spec.name());
        if (!security.needsUpdateAfterCreate() && spec.extras().isEmpty()) {
            return created;
        }
        Connection current = created.withSecurity(security);
        for (Map.Entry<String, Object> e : spec.extras().entrySet()) {
            current = current.with(e.getKey(), ConnectionSpec.reveal(e.getValue()));
        }
        return update(current);
    }

    /** Replaces a connection's settings with these ({@code PUT} of the whole object, as read and changed). */
    public Connection update(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        String name = Objects.requireNonNull(connection.name(), "the connection has no name");
        ctx.http().send(ApiRequest.put("admin/connections/" + PathSegments.seg(name)).body(JsonText.body(connection.asMap()))
                .operation("connections.update").build());
        return connection;
    }

    /** Reads a connection, changes it, and writes it back ({@code GET}, change, {@code PUT}). */
    public Connection update(String name, UnaryOperator<Connection> change) {
        Connection changed = Objects.requireNonNull(change.apply(get(name)), "the change returned null");
        return update(changed);
    }

    /** Applies security settings with {@code GET}, merge, {@code PUT}; the parts left null are kept. */
    public Connection applySecurity(String name, ConnectionSecurity security) {
        Objects.requireNonNull(security, "security");
        return update(name, c -> c.withSecurity(security));
    }

    /** Deletes a connection. */
    public void delete(String name) {
        ctx.http().send(ApiRequest.delete("admin/connections/" + PathSegments.seg(name)).operation("connections.delete").build());
        LOG.info("deleted DSS connection '{}'", name);
    }

    /** Tests a connection with the defaults of {@link ConnectionTestOptions#defaults()}. */
    public ConnectionTestResult test(String name) {
        return test(name, ConnectionTestOptions.defaults());
    }

    /**
     * Tests a connection: with {@code GET /connections/{name}/test} on DSS 14.2 and later; before that (or when the
     * version is unknown), with a call that proves the same: {@code SELECT 1} through the SQL query API (or listing
     * schemas) for SQL connections, listing the root through a temporary dataset for blob connections. A DSS error
     * coded {@code ERR_...} gives a failed result with the code and its hint; missing rights, a missing connection
     * or a transport failure throw.
     */
    public ConnectionTestResult test(String name, ConnectionTestOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        if (!options.forceFallback()) {
            Optional<DssVersion> version = ctx.version();
            if (version.isPresent() && version.get().hasConnectionTest()) {
                return testEndpoint(name);
            }
            LOG.info("DSS {} has no connection test endpoint (14.2+): testing '{}' another way",
                    version.map(DssVersion::text).orElse("of unknown version"), name);
        }
        Connection c = get(name);
        String type = c.type() == null ? "" : c.type();
        if (SQL_TYPES.contains(type)) {
            return options.listSchemas() ? listSchemas(name, options) : selectOne(name);
        }
        if (FS_TYPES.contains(type)) {
            return listRoot(name, type, options);
        }
        throw new ConfigurationException("connection '" + name + "' is of type " + type + ", which DSS " + ctx.version()
                .map(DssVersion::text).orElse("(version unknown)") + " cannot test without the test endpoint of DSS 14.2");
    }

    private ConnectionTestResult testEndpoint(String name) {
        try {
            RawJson raw = ctx.json(ApiRequest.get("connections/" + PathSegments.seg(name) + "/test")
                    .operation("connections.test").build());
            Map<String, Object> m = raw == null ? Map.of() : Values.object(raw.value());
            boolean ok = Boolean.TRUE.equals(Values.bool(m, "connectionOK"));
            List<String> codes = raw == null ? List.of() : DssErrors.codesIn(raw.json());
            String code = ok || codes.isEmpty() ? null : codes.get(0);
            return new ConnectionTestResult(name, ok, ConnectionTestResult.Method.TEST_ENDPOINT,
                    ok ? "DSS reached the connection" : "DSS could not reach the connection: " + raw,
                    code, DssErrors.hint(code).orElse(null), raw);
        } catch (ServiceException e) {
            return failure(name, ConnectionTestResult.Method.TEST_ENDPOINT, e);
        }
    }

    private ConnectionTestResult selectOne(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", "SELECT 1");
        body.put("preQueries", null);
        body.put("postQueries", null);
        body.put("connection", name);
        body.put("database", null);
        body.put("datasetFullName", null);
        body.put("projectKey", null);
        body.put("type", "sql");
        body.put("extraConf", new LinkedHashMap<String, Object>());
        body.put("scriptSteps", null);
        body.put("scriptInputSchema", null);
        body.put("scriptOutputSchema", null);
        body.put("scriptReportLocation", null);
        body.put("datetimenotzReadMode", "AS_IS");
        body.put("dateonlyReadMode", "AS_IS");
        body.put("readTimestampWithoutTimezoneAsString", true);
        body.put("readDateAsString", false);
        try {
            Map<String, Object> session = Values.object(ctx.value(ApiRequest.post("sql/queries/").body(JsonText.body(body))
                    .operation("sql.query").build()));
            String queryId = Values.string(session, "queryId");
            if (queryId == null) {
                return new ConnectionTestResult(name, false, ConnectionTestResult.Method.SQL_QUERY,
                        "DSS started no query (no queryId in its answer)", null, null, null);
            }
            String rows = ctx.text(ApiRequest.get("sql/queries/" + PathSegments.seg(queryId) + "/stream")
                    .query("format", "tsv-excel-noheader").operation("sql.stream").build());
            // errors while streaming surface here, as in dataikuapi's DSSSQLQuery.verify()
            ctx.http().send(ApiRequest.get("sql/queries/" + PathSegments.seg(queryId) + "/finish-streaming")
                    .operation("sql.finishStreaming").build());
            boolean one = rows.strip().equals("1");
            return new ConnectionTestResult(name, one, ConnectionTestResult.Method.SQL_QUERY,
                    one ? "SELECT 1 ran through DSS" : "SELECT 1 returned " + Redactor.text(shorten(rows.strip())),
                    null, null, null);
        } catch (ServiceException e) {
            return failure(name, ConnectionTestResult.Method.SQL_QUERY, e);
        }
    }

    private ConnectionTestResult listSchemas(String name, ConnectionTestOptions options) {
        String project = requireProject(name, options, "listing its schemas");
        try {
            Object schemas = ctx.value(ApiRequest.get("projects/" + PathSegments.seg(project)
                            + "/datasets/tables-import/actions/list-schemas").query("connectionName", name)
                    .operation("connections.listSchemas").build());
            int n = schemas instanceof List<?> l ? l.size() : 0;
            return new ConnectionTestResult(name, true, ConnectionTestResult.Method.SCHEMA_LISTING,
                    "DSS listed " + n + (n == 1 ? " schema" : " schemas"), null, null, null);
        } catch (ServiceException e) {
            return failure(name, ConnectionTestResult.Method.SCHEMA_LISTING, e);
        }
    }

    private ConnectionTestResult listRoot(String name, String type, ConnectionTestOptions options) {
        String project = requireProject(name, options, "listing its root through a temporary dataset");
        String probe = "__dataops4j_probe_" + name.replaceAll("[^A-Za-z0-9_]", "_");
        String datasets = "projects/" + PathSegments.seg(project) + "/datasets/";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("connection", name);
        params.put("path", "/");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", probe);
        body.put("projectKey", project);
        body.put("type", type);
        body.put("params", params);
        try {
            ctx.http().send(ApiRequest.post(datasets).body(JsonText.body(body)).operation("connections.probe.create").build());
        } catch (ServiceException e) {
            return failure(name, ConnectionTestResult.Method.BLOB_LISTING, e);
        }
        try {
            ctx.http().send(ApiRequest.get(datasets + PathSegments.seg(probe)).operation("connections.probe.get").build());
            Map<String, Object> detect = new LinkedHashMap<>();
            detect.put("detectPossibleFormats", true);
            detect.put("inferStorageTypes", false);
            FutureState started = ctx.http().send(ApiRequest.post(datasets + PathSegments.seg(probe)
                            + "/actions/testAndDetectSettings/fsLike").body(JsonText.body(detect))
                    .operation("connections.probe.detect").build(), FutureState.class);
            futures.poll(started, "listing of connection " + name).waitForCompletion(PROBE_TIMEOUT);
            return new ConnectionTestResult(name, true, ConnectionTestResult.Method.BLOB_LISTING,
                    "DSS listed the connection's root", null, null, null);
        } catch (ServiceException e) {
            return failure(name, ConnectionTestResult.Method.BLOB_LISTING, e);
        } catch (io.dataops4j.core.error.OperationFailedException e) {
            return new ConnectionTestResult(name, false, ConnectionTestResult.Method.BLOB_LISTING, e.getMessage(),
                    null, null, null);
        } finally {
            try {
                ctx.http().send(ApiRequest.delete(datasets + PathSegments.seg(probe)).query("dropData", "false")
                        .operation("connections.probe.delete").build());
            } catch (RuntimeException e) {
                LOG.warn("could not delete the temporary dataset {} of project {}: {}", probe, project, e.getMessage());
            }
        }
    }

    private static String requireProject(String name, ConnectionTestOptions options, String how) {
        if (options.projectKey() == null || options.projectKey().isBlank()) {
            throw new ConfigurationException("testing connection '" + name + "' on a DSS without the test endpoint "
                    + "(14.2+) means " + how + ", which needs a project: pass ConnectionTestOptions.inProject(KEY)");
        }
        return options.projectKey();
    }

    private static ConnectionTestResult failure(String name, ConnectionTestResult.Method method, ServiceException e) {
        if (e instanceof UnauthenticatedException || e instanceof PermissionDeniedException
                || e instanceof ResourceNotFoundException) {
            throw e;
        }
        String code = e.errorCode() != null && (e.errorCode().startsWith("ERR_") || e.errorCode().startsWith("AADSTS"))
                ? e.errorCode() : null;
        LOG.debug("test of connection {} failed: {}", name, e.getMessage());
        return new ConnectionTestResult(name, false, method, e.serviceMessage(), code,
                DssErrors.hint(code).orElse(null), null);
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
