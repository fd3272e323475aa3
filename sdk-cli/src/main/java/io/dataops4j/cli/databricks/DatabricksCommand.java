package io.dataops4j.cli.databricks;

import io.dataops4j.cli.CliContext;
import io.dataops4j.databricks.DatabricksClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code dataops4j databricks}: jobs, SQL warehouses and statements of a Databricks workspace. The workspace and its
 * credential come from the Databricks CLI's own settings ({@code DATABRICKS_*} and {@code ARM_*} variables, then
 * {@code ~/.databrickscfg}); {@code --profile} and {@code --host} choose another, before or after the subcommand.
 *
 * <pre>{@code
 * $ dataops4j databricks --profile prod jobs run-now --job-id 42 --param env=prod --wait
 * $ dataops4j --json databricks sql exec --warehouse abc123 "SELECT 1 AS one"
 * }</pre>
 */
@Command(name = "databricks",
        description = "Databricks workspace: jobs and runs, SQL warehouses, SQL statements, SCIM identities and Entra ID group sync, Model Registry webhooks.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {JobsCommand.class, WarehousesCommand.class, SqlCommand.class, ScimCommand.class, WebhooksCommand.class},
        footer = {"", "The workspace and credential: --host / --profile, else DATABRICKS_HOST, DATABRICKS_TOKEN (or",
                "DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID), else",
                "the profile of ~/.databrickscfg (DATABRICKS_CONFIG_FILE, DATABRICKS_CONFIG_PROFILE), as the Databricks CLI reads them."})
public final class DatabricksCommand {
    private final CliContext ctx;
    private volatile String profile;
    private volatile String host;

    DatabricksCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "A profile of ~/.databrickscfg (default: DATABRICKS_CONFIG_PROFILE, then DEFAULT).")
    void profile(String p) {
        this.profile = p == null || p.isBlank() ? null : p.strip();
    }

    @Option(names = "--host", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The workspace URL (default: DATABRICKS_HOST, then the profile's host).")
    void host(String h) {
        this.host = h == null || h.isBlank() ? null : h.strip();
    }

    CliContext context() {
        return ctx;
    }

    /** A client for the workspace the options and the environment name. */
    DatabricksClient client() {
        DatabricksClient.Builder b = DatabricksClient.builder().environment(ctx.environment()).home(ctx.home());
        if (profile != null) {
            b.profile(profile);
        }
        if (host != null) {
            b.host(host);
        }
        return b.build();
    }
}
