package io.dataops4j.cli.dss;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.dataiku.DssClient;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code dataops4j dss}: the Dataiku DSS command group. The DSS URL comes from {@code --url} (given before or after
 * the subcommand), else from {@code DKU_DSS_URL}; the API key always from {@code DKU_API_KEY} (never from the command
 * line, where it would show in the process list); {@code DKU_NO_CHECK_CERTIFICATE=true} skips TLS checks.
 *
 * <pre>{@code
 * $ dataops4j dss connections list
 * $ dataops4j dss connections test synapse-dw --project DATAOPS
 * $ dataops4j dss datasets import-tables --project DATAOPS --connection synapse-dw --schema dbo
 * $ dataops4j --json dss jobs build --project DATAOPS --dataset sales_raw --wait
 * $ dataops4j dss scenarios run --project DATAOPS --scenario NIGHTLY --param day=2026-01-15 --wait
 * }</pre>
 */
@Command(name = "dss",
        description = "Dataiku DSS: connections, table imports, builds, scenarios.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DssConnectionsCommand.class, DssDatasetsCommand.class, DssJobsCommand.class, DssScenariosCommand.class},
        footer = {"", "The server: --url, else DKU_DSS_URL. The API key: DKU_API_KEY (admin rights for connections).",
                "DKU_NO_CHECK_CERTIFICATE=true skips TLS certificate checks (test servers only)."})
public final class DssCommand {
    private final CliContext ctx;
    private volatile String url;
    private volatile Duration pollInterval = Duration.ofSeconds(2);

    DssCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The DSS URL, e.g. https://dss.example.com:11200 (default: DKU_DSS_URL).")
    void url(String url) {
        this.url = url == null || url.isBlank() ? null : url.strip();
    }

    @Option(names = "--poll-interval", paramLabel = "DURATION", scope = ScopeType.INHERIT, hidden = true,
            description = "The first wait between polls while waiting (ISO-8601, default PT2S).")
    void pollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("--poll-interval must be positive");
        }
        this.pollInterval = interval;
    }

    CliContext context() {
        return ctx;
    }

    /**
     * A client from DSS's environment variables, {@code --url} winning over {@code DKU_DSS_URL}.
     *
     * @throws ConfigurationException when no URL or no API key is set
     */
    DssClient client() {
        String fromEnv = ctx.environment().get(DssClient.ENV_URL);
        if (url == null && (fromEnv == null || fromEnv.isBlank())) {
            throw new ConfigurationException("DSS URL not set; looked in: option --url, environment variable " + DssClient.ENV_URL);
        }
        DssClient.Builder b = DssClient.builder().fromEnvironment(ctx.environment()::get);
        if (url != null) {
            b.url(url);
        }
        Duration max = pollInterval.multipliedBy(10);
        if (max.compareTo(Duration.ofSeconds(30)) > 0) {
            max = Duration.ofSeconds(30).compareTo(pollInterval) < 0 ? pollInterval : Duration.ofSeconds(30);
        }
        return b.pollInterval(pollInterval, max).build();
    }
}
