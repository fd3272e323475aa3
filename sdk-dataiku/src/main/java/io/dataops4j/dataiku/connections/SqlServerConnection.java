package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an Azure Synapse (DSS type {@code Synapse}) or SQL Server ({@code SQLServer}) connection: host, port,
 * database, user and password, or a custom JDBC URL ({@code useURL}/{@code url}); advanced JDBC properties (secret
 * ones encrypted by DSS); or an Entra ID service principal login. A Synapse connection gets what DSS's UI sets on
 * creation ({@code azureDWH=true}, {@code autocommitMode=true}).
 *
 * <pre>{@code
 * SqlServerJdbcUrl url = SqlServerJdbcUrl.parse(portalJdbcString).withPassword(Secret.of(pw));
 * ConnectionSpec synapse = SqlServerConnection.synapse("synapse-dw")
 *     .fromJdbcUrl(url)             // host, port, db, user, password, and the other properties as JDBC properties
 *     .build();
 * ConnectionSpec sp = SqlServerConnection.synapse("synapse-sp")
 *     .host("myws.sql.azuresynapse.net").database("dw")
 *     .servicePrincipal(tenantId, clientId, Secret.of(clientSecret))
 *     .build();
 * }</pre>
 */
public final class SqlServerConnection {
    /** The Synapse connection type. */
    public static final String SYNAPSE = "Synapse";
    /** The SQL Server connection type. */
    public static final String SQL_SERVER = "SQLServer";

    private SqlServerConnection() {
    }

    /** A builder for an Azure Synapse connection. */
    public static Builder synapse(String name) {
        return new Builder(name, SYNAPSE);
    }

    /** A builder for a SQL Server (or Azure SQL Database) connection. */
    public static Builder sqlServer(String name) {
        return new Builder(name, SQL_SERVER);
    }

    /** Builds the {@link ConnectionSpec} of a Synapse or SQL Server connection. */
    public static final class Builder {
        private final String name;
        private final String type;
        private String host;
        private Integer port;
        private String database;
        private String user;
        private Secret password;
        private SqlServerJdbcUrl customUrl;
        private String tenantId;
        private String clientId;
        private Secret clientSecret;
        private final List<JdbcProperty> properties = new ArrayList<>();
        private String description;
        private ConnectionSecurity security = ConnectionSecurity.unchanged();
        private final Map<String, Object> extraParams = new LinkedHashMap<>();

        private Builder(String name, String type) {
            this.name = ConnectionSpec.Builder.requireText(name, "name");
            this.type = type;
        }

        /** Takes host, port, database, user and password from a URL; its other properties become JDBC properties. */
        public Builder fromJdbcUrl(SqlServerJdbcUrl url) {
            Objects.requireNonNull(url, "url");
            this.host = url.instance() == null ? url.host() : url.host() + "\\" + url.instance();
            this.port = url.port();
            this.database = url.database();
            this.user = url.user();
            if (url.password() != null) {
                this.password = url.password();
            }
            url.properties().forEach((k, v) -> properties.add(JdbcProperty.of(k, v)));
            return this;
        }

        /**
         * Connects with a custom JDBC URL ({@code useURL=true}); the URL is stored without its password, which goes
         * to the password parameter (encrypted by DSS), as does the user.
         */
        public Builder customJdbcUrl(SqlServerJdbcUrl url) {
            this.customUrl = Objects.requireNonNull(url, "url");
            this.user = url.user();
            if (url.password() != null) {
                this.password = url.password();
            }
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /**
         * Logs in as an Entra ID service principal ({@code azureOAuthLoginEnabled}, token URL
         * {@code https://login.microsoftonline.com/<tenant>/oauth2/token}, client id and secret). The principal must
         * exist as a database user ({@code CREATE USER [app] FROM EXTERNAL PROVIDER}).
         */
        public Builder servicePrincipal(String tenantId, String clientId, Secret clientSecret) {
            this.tenantId = ConnectionSpec.Builder.requireText(tenantId, "tenant id");
            this.clientId = ConnectionSpec.Builder.requireText(clientId, "client id");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** An advanced JDBC property. */
        public Builder jdbcProperty(String name, String value) {
            properties.add(JdbcProperty.of(name, value));
            return this;
        }

        /** A secret JDBC property (DSS encrypts it). */
        public Builder secretJdbcProperty(String name, Secret value) {
            properties.add(JdbcProperty.secret(name, value));
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder security(ConnectionSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Any other parameter ({@code fetchSize}, {@code useAutoFastPath}, {@code autoFastPathConnection}, ...). */
        public Builder param(String key, Object value) {
            extraParams.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        public ConnectionSpec build() {
            ConnectionSpec.Builder b = ConnectionSpec.builder(name, type).description(description).security(security);
            if (customUrl == null) {
                if (host == null || host.isBlank()) {
                    throw new IllegalStateException(type + " connection '" + name + "' needs a host or a custom JDBC URL");
                }
                b.param("host", host).param("port", port == null ? SqlServerJdbcUrl.DEFAULT_PORT : port).param("db", database);
            } else {
                b.param("useURL", true).param("url", customUrl.withoutPassword());
            }
            if (clientSecret == null) {
                b.param("user", user);
                if (password != null) {
                    b.secretParam("password", password);
                }
            }
            if (type.equals(SYNAPSE)) {
                b.param("azureDWH", true).param("autocommitMode", true);
            }
            if (clientSecret != null) {
                b.param("azureOAuthLoginEnabled", true)
                        .param("azureOAuthLoginSTS", "https://login.microsoftonline.com/" + tenantId + "/oauth2/token")
                        .param("azureOAuthLoginClientId", clientId)
                        .secretParam("azureOAuthLoginClientSecret", clientSecret);
            }
            if (!properties.isEmpty()) {
                List<Object> props = new ArrayList<>();
                properties.forEach(p -> props.add(p.toParam()));
                b.param("properties", props);
            }
            b.params(extraParams);
            return b.build();
        }
    }
}
