package io.dataops4j.cli.relay;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.devops.relay.Relay;
import io.dataops4j.devops.relay.RelayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dataops4j relay --config relay.json}: runs the Model Registry webhook relay until stopped.
 *
 * <pre>{@code
 * $ RELAY_MLFLOW_SECRET=... AZURE_DEVOPS_EXT_PAT=... dataops4j relay --config relay.json --port 8089
 * }</pre>
 */
@Command(name = "relay", description = {"Receive Model Registry webhooks (OSS MLflow 3.3+, Databricks), verify them, and create",
    "Azure DevOps releases or pipeline runs by the rules of a JSON config. Secrets come from the environment",
    "variables the config names; the DevOps credential as for 'devops' (AZURE_DEVOPS_EXT_PAT, SYSTEM_ACCESSTOKEN, Entra ID)."})
public final class RelayCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The relay's JSON config.")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Override the config's port.")
    Integer port;

    RelayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        RelayConfig cfg = RelayConfig.read(config);
        if (port != null) {
            cfg = cfg.withPort(port);
        }
        try (Relay relay = Relay.start(cfg, ctx.environment())) {
            Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "dataops4j-relay-stop"));
            if (ctx.json()) {
                ctx.printJson(java.util.Map.of("listening", relay.url(), "health", relay.url().replaceFirst("/[^/]*$", "/health")));
            } else {
                ctx.out().println("relay listening on " + relay.url() + " (health: /health); Ctrl-C to stop");
                ctx.out().flush();
            }
            relay.awaitTermination();
        }
        return ExitCodes.OK;
    }
}
