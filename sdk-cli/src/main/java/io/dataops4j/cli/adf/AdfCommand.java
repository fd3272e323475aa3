package io.dataops4j.cli.adf;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dataops4j adf}: Azure Data Factory continuous deployment and pipeline runs. Without a subcommand it prints
 * its usage and fails with 2.
 */
@Command(name = "adf",
        description = "Azure Data Factory: validate, apply a stage config, plan and deploy a factory; run pipelines.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ValidateCommand.class, ApplyConfigCommand.class, PlanCommand.class, DeployCommand.class, RunPipelineCommand.class},
        footer = {"",
            "plan, deploy and run-pipeline reach the factory through Azure Resource Manager with",
            "Entra ID (DefaultAzureCredential: environment, workload or managed identity, Azure CLI),",
            "or with a bearer token read from the environment variable that --token-env names (never",
            "a token on the command line). --arm-endpoint selects a sovereign cloud.",
            "",
            "Exit codes: 0 ok; 1 failed operation (a deployment step, a failed pipeline run);",
            "2 bad usage or invalid input (a factory or a config with errors)."})
public final class AdfCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    AdfCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'adf'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }
}
