package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.mlflow.MlflowClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code dataops4j mlflow}: the MLflow command group. The tracking server comes from {@code --tracking-uri} (given
 * before or after the subcommand), else from {@code MLFLOW_TRACKING_URI}; credentials and TLS settings always come
 * from MLflow's own variables ({@code MLFLOW_TRACKING_TOKEN}, {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD}, {@code MLFLOW_TRACKING_INSECURE_TLS}), as {@link MlflowClient#fromEnvironment()}
 * reads them.
 *
 * <pre>{@code
 * $ dataops4j mlflow --tracking-uri http://127.0.0.1:5000 experiments list
 * $ MLFLOW_TRACKING_URI=http://127.0.0.1:5000 dataops4j --json mlflow runs search --experiment churn --max-results 10
 * }</pre>
 */
@Command(name = "mlflow",
        description = "MLflow tracking server: experiments, runs, registered models, artifacts.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ExperimentsCommand.class, RunsCommand.class, ModelsCommand.class, ArtifactsCommand.class,
                TransferCommands.ExportExperiment.class, TransferCommands.ImportExperiment.class,
                TransferCommands.ExportModel.class, TransferCommands.ImportModel.class, TransferCommands.ExportAll.class,
                TransferCommands.ImportAll.class, TransferCommands.Copy.class, TransferCommands.Diff.class},
        footer = {"", "The server: --tracking-uri, else MLFLOW_TRACKING_URI. Credentials: MLFLOW_TRACKING_TOKEN (bearer), or",
                "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (basic); MLFLOW_TRACKING_INSECURE_TLS=true skips",
                "TLS certificate checks."})
public final class MlflowCommand {
    private final CliContext ctx;
    private volatile String trackingUri;

    MlflowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--tracking-uri", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "The MLflow tracking server, e.g. http://127.0.0.1:5000 (default: MLFLOW_TRACKING_URI).")
    void trackingUri(String uri) {
        this.trackingUri = uri == null || uri.isBlank() ? null : uri.strip();
    }

    /** The context the command runs in. */
    CliContext context() {
        return ctx;
    }

    /**
     * A client for the tracking server: MLflow's environment variables, with {@code --tracking-uri} winning over
     * {@code MLFLOW_TRACKING_URI}.
     *
     * @throws ConfigurationException when no tracking server is named, or a variable is invalid
     */
    MlflowClient client() {
        String fromEnv = ctx.environment().get(MlflowClient.ENV_TRACKING_URI);
        if (trackingUri == null && (fromEnv == null || fromEnv.isBlank())) {
            throw new ConfigurationException("MLflow tracking server not set; looked in: option --tracking-uri, "
                    + "environment variable " + MlflowClient.ENV_TRACKING_URI);
        }
        MlflowClient.Builder builder = MlflowClient.builder().fromEnvironment(ctx.environment()::get);
        if (trackingUri != null) {
            builder.trackingUri(trackingUri);
        }
        return builder.build();
    }
}
