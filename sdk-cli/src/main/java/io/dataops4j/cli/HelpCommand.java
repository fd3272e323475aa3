package io.dataops4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dataops4j help [COMMAND...]}: the usage of the root command or of a (nested) subcommand. Picocli's own
 * help command cannot be used: its {@code -h} would clash with the inherited {@code --help}.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of dataops4j or of a command.")
final class HelpCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command (and subcommand) to explain.")
    List<String> commands = List.of();

    HelpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CommandLine target = spec.parent().commandLine();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(spec.commandLine(), "unknown command '" + name + "'");
            }
            target = sub;
        }
        target.usage(ctx.out());
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
