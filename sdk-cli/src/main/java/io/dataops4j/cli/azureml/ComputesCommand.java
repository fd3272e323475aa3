package io.dataops4j.cli.azureml;

import io.dataops4j.azureml.Compute;
import io.dataops4j.azureml.Computes;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dataops4j azureml computes list|get|detach}: the computes of a workspace. */
@Command(name = "computes", description = "The computes of a workspace: list, get, detach.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ComputesCommand.ListCommand.class, ComputesCommand.GetCommand.class, ComputesCommand.DetachCommand.class})
public final class ComputesCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    ComputesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'computes'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    /** The workspace's options. */
    static final class WorkspaceOptions {
        @Mixin
        AzureMlConnection connection;

        @Option(names = {"--resource-group", "-g"}, paramLabel = "NAME", required = true, description = "Resource group of the workspace.")
        String resourceGroup;

        @Option(names = "--workspace", paramLabel = "NAME", required = true, description = "The Azure ML workspace.")
        String workspace;

        Computes computes(CliContext ctx) {
            return connection.client(ctx).computes(resourceGroup, workspace);
        }
    }

    /** One line of the list. */
    public record Row(String name, String computeType, String provisioningState, String namespace, String resourceId) {
        static Row of(Compute c) {
            return new Row(c.name(), c.computeType(), c.provisioningState(), c.namespace(), c.resourceId());
        }
    }

    /** {@code computes list}. */
    @Command(name = "list", description = "List the computes of a workspace.")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        WorkspaceOptions options;

        ListCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (ctx.json()) {
                List<Row> rows = options.computes(ctx).list().stream().map(Row::of).toList();
                ctx.printJson(java.util.Map.of("computes", rows));
            } else {
                for (Compute c : options.computes(ctx).list()) {
                    ctx.out().printf("%-24s %-12s %-10s %s%n", c.name(), c.computeType(), c.provisioningState(),
                            c.namespace() == null ? "" : "namespace " + c.namespace());
                }
            }
            return ExitCodes.OK;
        }
    }

    /** {@code computes get NAME}. */
    @Command(name = "get", description = "Show one compute.")
    static final class GetCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        WorkspaceOptions options;

        @Parameters(paramLabel = "NAME", description = "The compute's name.")
        String name;

        GetCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Compute c = options.computes(ctx).get(name);
            if (ctx.json()) {
                ctx.printJson(c.raw());
            } else {
                ctx.out().println("name:              " + c.name());
                ctx.out().println("type:              " + c.computeType());
                ctx.out().println("provisioningState: " + c.provisioningState());
                ctx.out().println("resourceId:        " + c.resourceId());
                if (c.namespace() != null) {
                    ctx.out().println("namespace:         " + c.namespace());
                }
                if (c.defaultInstanceType() != null) {
                    ctx.out().println("defaultInstanceType: " + c.defaultInstanceType());
                }
                c.provisioningErrors().forEach(e -> ctx.out().println("error:             " + e));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code computes detach NAME}. */
    @Command(name = "detach", description = "Detach a compute from the workspace (the cluster itself is kept).")
    static final class DetachCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        WorkspaceOptions options;

        @Parameters(paramLabel = "NAME", description = "The compute's name.")
        String name;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = PollDurations.class,
                description = "How long to wait. Default: ${DEFAULT-VALUE}")
        Duration timeout;

        DetachCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            options.computes(ctx).detach(name).waitForCompletion(timeout);
            if (ctx.json()) {
                ctx.printJson(java.util.Map.of("detached", name));
            } else {
                ctx.out().println("detached " + name);
            }
            return ExitCodes.OK;
        }
    }
}
