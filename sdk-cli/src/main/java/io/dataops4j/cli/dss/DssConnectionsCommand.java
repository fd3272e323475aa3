package io.dataops4j.cli.dss;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.dataiku.DssClient;
import io.dataops4j.dataiku.connections.AzureBlobConnection;
import io.dataops4j.dataiku.connections.Connection;
import io.dataops4j.dataiku.connections.ConnectionSecurity;
import io.dataops4j.dataiku.connections.ConnectionSpec;
import io.dataops4j.dataiku.connections.ConnectionTestOptions;
import io.dataops4j.dataiku.connections.ConnectionTestResult;
import io.dataops4j.dataiku.connections.CredentialsMode;
import io.dataops4j.dataiku.connections.SqlServerConnection;
import io.dataops4j.dataiku.connections.SqlServerJdbcUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j dss connections}: list, get, create-azure-blob, create-synapse, test, delete. */
@Command(name = "connections", description = "DSS connections (an admin API key is needed).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DssConnectionsCommand.ListCmd.class, DssConnectionsCommand.GetCmd.class,
                DssConnectionsCommand.CreateAzureBlobCmd.class, DssConnectionsCommand.CreateSynapseCmd.class,
                DssConnectionsCommand.TestCmd.class, DssConnectionsCommand.DeleteCmd.class})
public final class DssConnectionsCommand {
    @ParentCommand
    DssCommand dss;

    static Map<String, Object> summary(Connection c) {
        return DssOutput.entry("name", c.name(), "type", c.type(), "usableBy", c.usableBy() == null ? null : c.usableBy().name(),
                "allowedGroups", c.allowedGroups(), "detailsReadableBy", c.readableBy() == null ? null : c.readableBy().name(),
                "credentialsMode", c.credentialsMode() == null ? null : c.credentialsMode().name());
    }

    /** The security options shared by the create commands. */
    static final class SecurityOptions {
        @Option(names = "--usable-by", paramLabel = "GROUP", split = ",",
                description = "Only these groups may use the connection (default: every user).")
        List<String> usableBy = new ArrayList<>();

        @Option(names = "--details-readable-by", paramLabel = "GROUP", split = ",",
                description = "Only these groups may read the connection's details and credentials (default: nobody).")
        List<String> readableBy = new ArrayList<>();

        @Option(names = "--per-user-credentials", description = "Each user's own credentials (credentialsMode PER_USER); "
                + "default GLOBAL.")
        boolean perUser;

        /** Only what was asked: DSS's defaults (details readable by nobody, GLOBAL credentials) are left alone. */
        ConnectionSecurity security() {
            ConnectionSecurity.Builder b = ConnectionSecurity.builder().usableBy(usableBy);
            if (!readableBy.isEmpty()) {
                b.detailsReadableBy(readableBy);
            }
            return b.credentialsMode(perUser ? CredentialsMode.PER_USER : null).build();
        }
    }

    static Secret secretFrom(CliContext ctx, String variable, String what) {
        String v = ctx.environment().get(variable);
        if (v == null || v.isEmpty()) {
            throw new ConfigurationException(what + " not set; looked in: environment variable " + variable
                    + " (secrets are never read from the command line)");
        }
        return Secret.of(v);
    }

    /** {@code dss connections list}. */
    @Command(name = "list", description = "List the connections.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        DssConnectionsCommand parent;

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            List<Connection> all = parent.dss.client().connections().list().toList();
            List<Object> doc = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (Connection c : all) {
                doc.add(summary(c));
                rows.add(List.of(c.name(), String.valueOf(c.type()), c.usableBy() == null ? "" : c.usableBy().name()
                        + (c.allowedGroups().isEmpty() ? "" : " " + String.join(",", c.allowedGroups())),
                        c.readableBy() == null ? "" : c.readableBy().name()));
            }
            DssOutput.print(ctx, Map.of("connections", doc), DssOutput.table(List.of("NAME", "TYPE", "USABLE BY", "DETAILS"), rows));
            return ExitCodes.OK;
        }
    }

    /** {@code dss connections get NAME}: the settings, secrets masked. */
    @Command(name = "get", description = "Show a connection's settings (secrets masked).")
    static final class GetCmd implements Callable<Integer> {
        @ParentCommand
        DssConnectionsCommand parent;

        @Parameters(paramLabel = "NAME", description = "The connection.")
        String name;

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            Connection c = parent.dss.client().connections().get(name);
            Object settings = io.dataops4j.core.json.Json.shared().parseValue(c.toString().substring("Connection".length()));
            if (ctx.json()) {
                ctx.printJson(settings);
            } else {
                ctx.out().println(io.dataops4j.core.json.Json.shared().toPrettyJson(settings));
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code dss connections create-azure-blob}. */
    @Command(name = "create-azure-blob", description = "Create an Azure Blob Storage connection.",
            footer = {"", "Secrets come from the environment: the app secret from AZURE_CLIENT_SECRET (or --app-secret-env),",
                    "the access key from AZURE_STORAGE_KEY (or --access-key-env)."})
    static final class CreateAzureBlobCmd implements Callable<Integer> {
        @ParentCommand
        DssConnectionsCommand parent;

        @Option(names = "--name", required = true, description = "The connection's name.")
        String name;

        @Option(names = "--storage-account", required = true, description = "The storage account.")
        String account;

        @Option(names = "--auth", defaultValue = "OAUTH2_APP", description = "OAUTH2_APP (service principal, default) or SHARED_KEY.")
        AzureBlobConnection.Auth auth;

        @Option(names = "--tenant-id", description = "The service principal's tenant.")
        String tenantId;

        @Option(names = "--app-id", description = "The service principal's application (client) id.")
        String appId;

        @Option(names = "--app-secret-env", defaultValue = "AZURE_CLIENT_SECRET", paramLabel = "VAR",
                description = "The variable holding the app secret (default AZURE_CLIENT_SECRET).")
        String appSecretEnv;

        @Option(names = "--access-key-env", defaultValue = "AZURE_STORAGE_KEY", paramLabel = "VAR",
                description = "The variable holding the storage access key (default AZURE_STORAGE_KEY).")
        String accessKeyEnv;

        @Option(names = "--container", description = "Restrict the connection to this container (chcontainer).")
        String container;

        @Option(names = "--path", defaultValue = "", description = "Restrict it to this path within the container (chroot).")
        String path;

        @Option(names = "--default-container", defaultValue = "dataiku",
                description = "The container of managed datasets (default dataiku).")
        String defaultContainer;

        @Option(names = "--default-path", defaultValue = "/dataiku", description = "The path of managed datasets (default /dataiku).")
        String defaultPath;

        @Option(names = "--hdfs-interface", description = "WASB, ABFS or NONE.")
        AzureBlobConnection.HdfsInterface hdfs;

        @Option(names = "--description", description = "A description.")
        String description;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        SecurityOptions security = new SecurityOptions();

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            AzureBlobConnection.Builder b = AzureBlobConnection.builder(name, account).description(description)
                    .defaultManaged(defaultContainer, defaultPath).security(security.security());
            if (auth == AzureBlobConnection.Auth.SHARED_KEY) {
                b.sharedKey(secretFrom(ctx, accessKeyEnv, "storage access key"));
            } else {
                if (tenantId == null || appId == null) {
                    throw new IllegalArgumentException("--auth OAUTH2_APP needs --tenant-id and --app-id");
                }
                b.oauthApp(tenantId, appId, secretFrom(ctx, appSecretEnv, "app secret"));
            }
            if (container != null) {
                b.restrictToContainer(container).restrictToPath(path);
            }
            if (hdfs != null) {
                b.hdfsInterface(hdfs);
            }
            return create(parent, b.build());
        }
    }

    static int create(DssConnectionsCommand parent, ConnectionSpec spec) {
        CliContext ctx = parent.dss.context();
        Connection c = parent.dss.client().connections().create(spec);
        DssOutput.print(ctx, Map.of("created", summary(c)), List.of("created connection " + c.name() + " (" + c.type() + ")"));
        return ExitCodes.OK;
    }

    /** {@code dss connections create-synapse}. */
    @Command(name = "create-synapse", description = "Create an Azure Synapse (or SQL Server) connection.",
            footer = {"", "The JDBC URL (the Azure portal's, password included) comes from DSS_JDBC_URL (or --jdbc-url-env);",
                    "or give --host/--database/--user with the password in DSS_SQL_PASSWORD (or --password-env);",
                    "or --tenant-id/--client-id for an Entra ID service principal, its secret in AZURE_CLIENT_SECRET."})
    static final class CreateSynapseCmd implements Callable<Integer> {
        @ParentCommand
        DssConnectionsCommand parent;

        @Option(names = "--name", required = true, description = "The connection's name.")
        String name;

        @Option(names = "--type", defaultValue = "Synapse", description = "Synapse (default) or SQLServer.")
        String type;

        @Option(names = "--jdbc-url-env", paramLabel = "VAR", description = "A variable holding the JDBC URL (e.g. DSS_JDBC_URL).")
        String jdbcUrlEnv;

        @Option(names = "--custom-url", description = "Keep the JDBC URL as a custom URL (useURL) instead of splitting it.")
        boolean customUrl;

        @Option(names = "--host", description = "The server.")
        String host;

        @Option(names = "--port", description = "The port (default 1433).")
        Integer port;

        @Option(names = "--database", description = "The database.")
        String database;

        @Option(names = "--user", description = "The SQL user.")
        String user;

        @Option(names = "--password-env", defaultValue = "DSS_SQL_PASSWORD", paramLabel = "VAR",
                description = "The variable holding the password (default DSS_SQL_PASSWORD).")
        String passwordEnv;

        @Option(names = "--tenant-id", description = "Log in as an Entra ID service principal of this tenant.")
        String tenantId;

        @Option(names = "--client-id", description = "The service principal's client id.")
        String clientId;

        @Option(names = "--client-secret-env", defaultValue = "AZURE_CLIENT_SECRET", paramLabel = "VAR",
                description = "The variable holding the service principal's secret (default AZURE_CLIENT_SECRET).")
        String clientSecretEnv;

        @Option(names = "--jdbc-property", paramLabel = "NAME=VALUE", description = "An advanced JDBC property (repeatable).")
        Map<String, String> properties = new java.util.LinkedHashMap<>();

        @Option(names = "--description", description = "A description.")
        String description;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        SecurityOptions security = new SecurityOptions();

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            SqlServerConnection.Builder b = switch (type) {
                case "Synapse" -> SqlServerConnection.synapse(name);
                case "SQLServer" -> SqlServerConnection.sqlServer(name);
                default -> throw new IllegalArgumentException("--type must be Synapse or SQLServer, not " + type);
            };
            b.description(description).security(security.security());
            if (jdbcUrlEnv != null) {
                SqlServerJdbcUrl url = SqlServerJdbcUrl.parse(secretFrom(ctx, jdbcUrlEnv, "JDBC URL").reveal());
                if (customUrl) {
                    b.customJdbcUrl(url);
                } else {
                    b.fromJdbcUrl(url);
                }
            } else {
                if (host == null) {
                    throw new IllegalArgumentException("give --jdbc-url-env VAR, or --host (with --database and --user)");
                }
                b.host(host).database(database).user(user);
                if (port != null) {
                    b.port(port);
                }
            }
            if (tenantId != null || clientId != null) {
                if (tenantId == null || clientId == null) {
                    throw new IllegalArgumentException("a service principal needs both --tenant-id and --client-id");
                }
                b.servicePrincipal(tenantId, clientId, secretFrom(ctx, clientSecretEnv, "service principal secret"));
            } else if (jdbcUrlEnv == null || SqlServerJdbcUrl.parse(ctx.environment().get(jdbcUrlEnv)).password() == null) {
                String pw = ctx.environment().get(passwordEnv);
                if (pw != null && !pw.isEmpty()) {
                    b.password(Secret.of(pw));
                }
            }
            properties.forEach(b::jdbcProperty);
            return create(parent, b.build());
        }
    }

    /** {@code dss connections test NAME}. */
    @Command(name = "test", description = "Test a connection (the test endpoint on DSS 14.2+, else a query or a listing).")
    static final class TestCmd implements Callable<Integer> {
        @ParentCommand
        DssConnectionsCommand parent;

        @Parameters(paramLabel = "NAME", description = "The connection.")
        String name;

        @Option(names = "--project", paramLabel = "KEY",
                description = "A project for the tests that need one before DSS 14.2 (blob listing, schema listing).")
        String project;

        @Option(names = "--list-schemas", description = "Before DSS 14.2, test SQL connections by listing schemas, not SELECT 1.")
        boolean listSchemas;

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            DssClient dss = parent.dss.client();
            ConnectionTestOptions options = new ConnectionTestOptions(project, listSchemas, false);
            ConnectionTestResult r = dss.connections().test(name, options);
            List<String> lines = new ArrayList<>();
            lines.add((r.ok() ? "ok" : "FAILED") + ": connection " + name + " (" + r.method() + ")"
                    + (r.message() == null ? "" : ": " + r.message()));
            if (r.errorCode() != null) {
                lines.add("code: " + r.errorCode());
            }
            if (r.hint() != null) {
                lines.add("hint: " + r.hint());
            }
            DssOutput.print(ctx, DssOutput.entry("connection", name, "ok", r.ok(), "method", r.method().name(),
                    "message", r.message(), "errorCode", r.errorCode(), "hint", r.hint(),
                    "serverVersion", dss.serverVersion().map(v -> v.text()).orElse(null)), lines);
            return r.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** {@code dss connections delete NAME}. */
    @Command(name = "delete", description = "Delete a connection.")
    static final class DeleteCmd implements Callable<Integer> {
        @ParentCommand
        DssConnectionsCommand parent;

        @Parameters(paramLabel = "NAME", description = "The connection.")
        String name;

        @Override
        public Integer call() {
            parent.dss.client().connections().delete(name);
            DssOutput.print(parent.dss.context(), Map.of("deleted", name), List.of("deleted connection " + name));
            return ExitCodes.OK;
        }
    }
}
