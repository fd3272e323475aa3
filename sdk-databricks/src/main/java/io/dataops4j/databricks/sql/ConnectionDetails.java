package io.dataops4j.databricks.sql;

import io.dataops4j.core.json.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How BI tools reach a SQL warehouse: a JDBC URL, the ODBC host, HTTP path and port, and a Power BI Desktop data
 * source file ({@code .pbids}) that opens the Azure Databricks connector on the warehouse. Never holds a credential:
 * the tool asks for one.
 *
 * <pre>{@code
 * ConnectionDetails c = dbx.sql().warehouses().connectionDetails("abc123");
 * String jdbc = c.jdbcUrl();
 * Files.writeString(Path.of("bi.pbids"), c.pbids(PowerBiMode.DIRECT_QUERY, "main", "sales"));
 * }</pre>
 *
 * @param warehouseId the warehouse
 * @param hostname    the server host name
 * @param httpPath    the HTTP path ({@code /sql/1.0/warehouses/<id>})
 * @param port        the port
 * @param protocol    the protocol ({@code https})
 * @param jdbcUrl     the JDBC URL
 */
public record ConnectionDetails(String warehouseId, String hostname, String httpPath, int port, String protocol,
                                String jdbcUrl) {
    public ConnectionDetails {
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(httpPath, "httpPath");
    }

    /** How Power BI uses the warehouse. */
    public enum PowerBiMode {
        /** Queries go to the warehouse on every visual. */
        DIRECT_QUERY("DirectQuery"),
        /** Data is imported into the model and refreshed. */
        IMPORT("Import");

        private final String wire;

        PowerBiMode(String wire) {
            this.wire = wire;
        }

        /** The value in the file. */
        public String wire() {
            return wire;
        }
    }

    /**
     * The details of a warehouse: the service's {@code odbc_params} and {@code jdbc_url} when present, otherwise built
     * from the workspace host and the standard path {@code /sql/1.0/warehouses/<id>}.
     */
    public static ConnectionDetails of(Warehouse w, String workspaceHost) {
        String host = URI.create(workspaceHost).getHost();
        Warehouse.OdbcParams o = w.odbcParams();
        String hostname = o != null && o.hostname() != null ? o.hostname() : host;
        String path = o != null && o.path() != null ? o.path() : "/sql/1.0/warehouses/" + w.id();
        int port = o != null && o.port() != null ? o.port() : 443;
        String protocol = o != null && o.protocol() != null ? o.protocol() : "https";
        String jdbc = w.jdbcUrl() != null && !w.jdbcUrl().isBlank() ? w.jdbcUrl()
                : "jdbc:databricks://" + hostname + ":" + port + "/default;transportMode=http;ssl=1;AuthMech=3;httpPath="
                + path + ";";
        return new ConnectionDetails(w.id(), hostname, path, port, protocol, jdbc);
    }

    /**
     * A Power BI Desktop data source file ({@code .pbids}, JSON) for this warehouse. Its shape is the one Databricks'
     * own "Connect to Power BI" download uses: one connection with protocol {@code databricks-sql}, address
     * {@code host} and {@code path}, options {@code Catalog} and {@code Database} (empty when not given), and the mode.
     *
     * @param catalog the initial catalog, or null
     * @param schema  the initial schema (Power BI's "Database"), or null
     */
    public String pbids(PowerBiMode mode, String catalog, String schema) {
        Objects.requireNonNull(mode, "mode");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("host", hostname);
        address.put("path", httpPath);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("protocol", "databricks-sql");
        details.put("address", address);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("Catalog", catalog == null ? "" : catalog);
        options.put("Database", schema == null ? "" : schema);
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("details", details);
        connection.put("options", options);
        connection.put("mode", mode.wire());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("version", "0.1");
        file.put("connections", List.of(connection));
        return Json.shared().toPrettyJson(file) + "\n";
    }

    /** The ODBC DSN-less connection attributes (host, port, HTTP path, SSL, token authentication), without a password. */
    public String odbcConnectionString() {
        return "Host=" + hostname + ";Port=" + port + ";HTTPPath=" + httpPath + ";SSL=1;ThriftTransport=2;AuthMech=3;UID=token;";
    }
}
