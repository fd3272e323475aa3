package io.dataops4j.cli.azureml;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dataops4j azureml}: Azure Machine Learning through Azure Resource Manager. Without a subcommand it prints its
 * usage and fails with 2.
 *
 * <pre>{@code
 * $ dataops4j azureml attach-kubernetes --subscription S --resource-group RG --workspace W --aks-cluster C \
 *     --compute-name N --namespace NS --dry-run
 * $ dataops4j --json azureml computes list -g RG --workspace W
 * $ dataops4j azureml providers register --namespace Microsoft.KubernetesConfiguration
 * }</pre>
 */
@Command(name = "azureml",
        description = "Azure Machine Learning: attach an AKS cluster as Kubernetes compute (verified, idempotent), computes, providers.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AttachKubernetesCommand.class, ComputesCommand.class, ProvidersCommand.class},
        footer = {"",
            "Every command reaches Azure Resource Manager with Entra ID (DefaultAzureCredential:",
            "environment, workload or managed identity, Azure CLI), or with a bearer token read from the",
            "environment variable that --token-env names (never a token on the command line).",
            "--arm-endpoint selects a sovereign cloud. The subscription: --subscription, else AZURE_SUBSCRIPTION_ID.",
            "",
            "Exit codes: 0 ok; 1 failed operation (a step of the attach, an unhealthy extension, a conflict);",
            "2 bad usage or invalid input."})
public final class AzureMlCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    AzureMlCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'azureml'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }
}
