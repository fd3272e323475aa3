package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dataops4j devops}: Azure DevOps releases and pipeline runs, and Logic App triggers.
 *
 * <pre>{@code
 * $ dataops4j devops releases create --org https://dev.azure.com/contoso --project ml --definition-id 5 --var MODEL_VERSION=3 --wait
 * $ dataops4j devops pipelines run --project ml --pipeline-id 7 --param modelName=churn --wait
 * $ dataops4j devops builds queue --project ml --definition-id 7 --branch refs/heads/main --wait
 * $ dataops4j devops releases reject --project ml --approval-id 8 --comment "not this week"
 * $ dataops4j devops logicapp invoke --callback-url-env LOGIC_APP_URL --body-file payload.json
 * }</pre>
 */
@Command(name = "devops", description = "Azure DevOps releases, pipeline runs and builds; Logic App triggers.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ReleasesCommand.class, PipelinesCommand.class, BuildsCommand.class, LogicAppCommand.class},
        footer = {"", "Credentials: a PAT from the variable --pat-env names (default AZURE_DEVOPS_EXT_PAT), else SYSTEM_ACCESSTOKEN",
            "(inside Azure Pipelines), else Entra ID. Exit codes: 0 ok; 1 failed (or a release/run that ended badly); 2 bad usage."})
public final class DevOpsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    DevOpsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'devops'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }
}
