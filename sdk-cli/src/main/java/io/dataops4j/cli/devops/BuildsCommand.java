package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.devops.DevOpsClient;
import io.dataops4j.devops.pipelines.Build;
import io.dataops4j.devops.pipelines.QueueBuild;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dataops4j devops builds queue|get}. */
@Command(name = "builds", description = "Builds.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {BuildsCommand.QueueCommand.class, BuildsCommand.GetCommand.class})
public final class BuildsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    BuildsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'builds'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    static void print(CliContext ctx, Build b) {
        if (ctx.json()) {
            ctx.printJson(b);
            return;
        }
        ctx.out().println("build " + b.id() + " " + b.buildNumber() + " " + name(b.status()) + (b.result() != null ? " " + name(b.result()) : ""));
        ctx.out().flush();
    }

    private static String name(Enum<?> e) {
        return e == null ? "-" : e.name().toLowerCase(Locale.ROOT);
    }

    /** {@code builds queue}. */
    @Command(name = "queue", description = "Queue a build of a definition, optionally waiting for its result.")
    static final class QueueCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        DevOpsConnection connection;

        @Option(names = "--definition-id", paramLabel = "N", required = true, description = "Build definition id.")
        long definitionId;

        @Option(names = "--branch", paramLabel = "REF", description = "Source branch (refs/heads/main).")
        String branch;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A variable (repeatable).")
        List<String> vars;

        @Option(names = "--wait", description = "Wait until the build completes; fail unless it succeeded.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60", description = "How long --wait waits. Default: ${DEFAULT-VALUE}")
        long timeoutMinutes;

        QueueCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String project = connection.project(ctx);
            QueueBuild spec = QueueBuild.of(definitionId, branch, DevOpsConnection.pairs(vars, "--var"));
            try (DevOpsClient devops = connection.client(ctx)) {
                Build b = devops.builds().queueBuild(project, spec);
                if (await) {
                    b = devops.builds().poll(project, b.id())
                            .onProgress(x -> { if (!ctx.json()) { ctx.err().println("build " + x.id() + " " + name(x.status())); } })
                            .waitForCompletion(Duration.ofMinutes(timeoutMinutes));
                }
                print(ctx, b);
                return ExitCodes.OK;
            }
        }
    }

    /** {@code builds get}. */
    @Command(name = "get", description = "Show a build's status and result.")
    static final class GetCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        DevOpsConnection connection;

        @Option(names = "--build-id", paramLabel = "N", required = true, description = "Build id.")
        long buildId;

        GetCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (DevOpsClient devops = connection.client(ctx)) {
                print(ctx, devops.builds().get(connection.project(ctx), buildId));
                return ExitCodes.OK;
            }
        }
    }
}
