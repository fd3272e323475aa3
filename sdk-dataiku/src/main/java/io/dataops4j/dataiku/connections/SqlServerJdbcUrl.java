package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SQL Server / Azure Synapse JDBC URL ({@code jdbc:sqlserver://host:port;database=...;user=...;password=...;...}),
 * as the Azure portal shows it for a dedicated SQL pool. Parses and builds it; the password is a {@link Secret} and
 * never appears in {@link #toString()} or {@link #withoutPassword()}.
 *
 * <pre>{@code
 * SqlServerJdbcUrl url = SqlServerJdbcUrl.parse(portalJdbcString);
 * url.host();                     // "myws.sql.azuresynapse.net"
 * url.database();                 // "dw"
 * System.out.println(url);        // ...;password=****;...
 * SqlServerJdbcUrl built = SqlServerJdbcUrl.synapse("myws", "dw", "loader@myws").withPassword(Secret.of(pw));
 * }</pre>
 */
public final class SqlServerJdbcUrl {
    /** The prefix of every SQL Server JDBC URL. */
    public static final String PREFIX = "jdbc:sqlserver://";
    /** The default port. */
    public static final int DEFAULT_PORT = 1433;
    /** The password placeholder of the Azure portal's connection strings. */
    private static final String PORTAL_PLACEHOLDER = "your_password_here";

    private final String host;
    private final String instance;
    private final int port;
    private final String database;
    private final String user;
    private final Secret password;
    private final Map<String, String> properties;

    private SqlServerJdbcUrl(Builder b) {
        this.host = b.host;
        this.instance = b.instance;
        this.port = b.port;
        this.database = b.database;
        this.user = b.user;
        this.password = b.password;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    public static Builder builder(String host) {
        return new Builder(host);
    }

    /**
     * The URL the Azure portal shows for a dedicated SQL pool of a Synapse workspace:
     * {@code <workspace>.sql.azuresynapse.net:1433}, {@code encrypt=true}, {@code trustServerCertificate=false},
     * {@code hostNameInCertificate=*.sql.azuresynapse.net}, {@code loginTimeout=30}; without a password.
     */
    public static SqlServerJdbcUrl synapse(String workspace, String database, String user) {
        return builder(Objects.requireNonNull(workspace, "workspace") + ".sql.azuresynapse.net")
                .database(database).user(user)
                .property("encrypt", "true").property("trustServerCertificate", "false")
                .property("hostNameInCertificate", "*.sql.azuresynapse.net").property("loginTimeout", "30")
                .build();
    }

    /**
     * Parses a URL. Property names are matched ignoring case ({@code databaseName} and {@code userName} are read as
     * database and user); values may be wrapped in braces; the portal's {@code {your_password_here}} placeholder
     * counts as no password.
     *
     * @throws IllegalArgumentException when the text is not a SQL Server JDBC URL (the message never shows a password)
     */
    public static SqlServerJdbcUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        String text = url.strip();
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a SQL Server JDBC URL (expected " + PREFIX + "...): " + Redactor.text(shorten(text)));
        }
        String rest = text.substring(PREFIX.length());
        int semi = rest.indexOf(';');
        String server = semi < 0 ? rest : rest.substring(0, semi);
        String props = semi < 0 ? "" : rest.substring(semi + 1);
        Builder b = new Builder();
        if (!server.isEmpty()) {
            int colon = server.lastIndexOf(':');
            String hostPart = server;
            if (colon > 0 && server.indexOf(']') < colon) {
                b.port(parsePort(server.substring(colon + 1)));
                hostPart = server.substring(0, colon);
            }
            int backslash = hostPart.indexOf('\\');
            if (backslash >= 0) {
                b.instance = hostPart.substring(backslash + 1);
                hostPart = hostPart.substring(0, backslash);
            }
            b.host = hostPart;
        }
        int i = 0;
        while (i < props.length()) {
            int eq = props.indexOf('=', i);
            int end = props.indexOf(';', i);
            if (eq < 0 || (end >= 0 && end < eq)) {
                String stray = (end < 0 ? props.substring(i) : props.substring(i, end)).strip();
                if (!stray.isEmpty()) {
                    throw new IllegalArgumentException("SQL Server JDBC URL property without '=': " + Redactor.text(stray));
                }
                i = end < 0 ? props.length() : end + 1;
                continue;
            }
            String key = props.substring(i, eq).strip();
            int v = eq + 1;
            String value;
            if (v < props.length() && props.charAt(v) == '{') {
                StringBuilder sb = new StringBuilder();
                int j = v + 1;
                boolean closed = false;
                while (j < props.length()) {
                    char c = props.charAt(j);
                    if (c == '}') {
                        if (j + 1 < props.length() && props.charAt(j + 1) == '}') {
                            sb.append('}');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        j++;
                        break;
                    }
                    sb.append(c);
                    j++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("SQL Server JDBC URL property '" + key + "' has an unclosed '{'");
                }
                value = sb.toString();
                int next = props.indexOf(';', j);
                i = next < 0 ? props.length() : next + 1;
            } else {
                int next = props.indexOf(';', v);
                value = (next < 0 ? props.substring(v) : props.substring(v, next)).strip();
                i = next < 0 ? props.length() : next + 1;
            }
            b.set(key, value);
        }
        if (b.host == null || b.host.isEmpty()) {
            throw new IllegalArgumentException("SQL Server JDBC URL has no server name: " + Redactor.text(shorten(text)));
        }
        return b.build();
    }

    private static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SQL Server JDBC URL has an invalid port: '" + text + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** The server's host name. */
    public String host() {
        return host;
    }

    /** The named instance, or null. */
    public String instance() {
        return instance;
    }

    public int port() {
        return port;
    }

    /** The database, or null. */
    public String database() {
        return database;
    }

    /** The user, or null. */
    public String user() {
        return user;
    }

    /** The password, or null. */
    public Secret password() {
        return password;
    }

    /** Every other property, in order (names as written). */
    public Map<String, String> properties() {
        return properties;
    }

    /** The same URL with a password. */
    public SqlServerJdbcUrl withPassword(Secret password) {
        Builder b = toBuilder();
        b.password = Objects.requireNonNull(password, "password");
        return b.build();
    }

    /** The URL text without the password: safe to store, print or send as a custom URL with a separate password. */
    public String withoutPassword() {
        return render(null);
    }

    /** The URL text with the password, for the wire only. */
    public String reveal() {
        return render(password == null ? null : password.reveal());
    }

    private String render(String clearPassword) {
        StringBuilder sb = new StringBuilder(PREFIX).append(host);
        if (instance != null) {
            sb.append('\\').append(instance);
        }
        sb.append(':').append(port);
        if (database != null) {
            sb.append(";database=").append(escape(database));
        }
        if (user != null) {
            sb.append(";user=").append(escape(user));
        }
        if (clearPassword != null) {
            sb.append(";password=").append(escape(clearPassword));
        }
        properties.forEach((k, v) -> sb.append(';').append(k).append('=').append(escape(v)));
        return sb.append(';').toString();
    }

    private static String escape(String value) {
        if (value.indexOf(';') >= 0 || value.indexOf('{') >= 0 || value.indexOf('}') >= 0 || !value.equals(value.strip())) {
            return "{" + value.replace("}", "}}") + "}";
        }
        return value;
    }

    /** The URL with the password masked. */
    @Override
    public String toString() {
        String shown = withoutPassword();
        if (password != null) {
            shown = shown.substring(0, shown.length() - 1) + ";password=" + Redactor.MASK + ";";
        }
        return Redactor.text(shown);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlServerJdbcUrl u && u.render("").equals(render("")) && Objects.equals(u.password, password);
    }

    @Override
    public int hashCode() {
        return render("").hashCode();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.instance = instance;
        b.port = port;
        b.database = database;
        b.user = user;
        b.password = password;
        b.properties.putAll(properties);
        return b;
    }

    /** Builds a {@link SqlServerJdbcUrl}. */
    public static final class Builder {
        private String host;
        private String instance;
        private int port = DEFAULT_PORT;
        private String database;
        private String user;
        private Secret password;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(String host) {
            this.host = ConnectionSpec.Builder.requireText(host, "host");
        }

        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be in 1..65535: " + port);
            }
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

        /** Another property ({@code encrypt}, {@code loginTimeout}, {@code authentication}, ...). */
        public Builder property(String name, String value) {
            return set(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        }

        private Builder set(String key, String value) {
            switch (key.toLowerCase(Locale.ROOT)) {
                case "database", "databasename" -> database = value;
                case "user", "username" -> user = value;
                case "password" -> password = value.isEmpty() || value.equals(PORTAL_PLACEHOLDER) ? null : Secret.of(value);
                case "servername" -> host = value;
                case "portnumber", "port" -> port = parsePort(value);
                case "instancename" -> instance = value;
                default -> properties.put(key, value);
            }
            return this;
        }

        public SqlServerJdbcUrl build() {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("a SQL Server JDBC URL needs a host");
            }
            return new SqlServerJdbcUrl(this);
        }
    }
}
