package io.dataops4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: global options; without a subcommand it prints the usage (a JSON error with {@code --json}) and
 * fails with 2.
 */
@Command(name = "dataops4j",
        description = "Automates Databricks, MLflow, Azure Data Factory, Dataiku DSS, Azure ML and Azure DevOps.",
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true,
        footer = {"", "Exit codes: 0 ok, 1 failed operation, 2 bad usage or input."})
final class DataOps4jCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, description = "Print version information and exit (like 'version').")
    boolean version;

    DataOps4jCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Machine-readable output: one JSON document on stdout; errors and progress as JSON on stderr.")
    void json(boolean json) {
        if (json) {
            ctx.json(true);
        }
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "DEBUG logs of dataops4j and stack traces of errors on stderr.")
    void verbose(boolean verbose) {
        if (verbose) {
            ctx.verbose(true);
        }
    }

    @Override
    public Integer call() {
        if (version) {
            return new VersionCommand(ctx).call();
        }
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required command");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }
}
