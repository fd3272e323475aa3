package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.devops.DevOpsClient;
import io.dataops4j.devops.releases.Approval;
import io.dataops4j.devops.releases.CreateRelease;
import io.dataops4j.devops.releases.Release;
import io.dataops4j.devops.releases.ReleaseEnvironment;
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

/** {@code dataops4j devops releases create|get|approve|reject}. */
@Command(name = "releases", description = "Classic releases.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ReleasesCommand.CreateCommand.class, ReleasesCommand.GetCommand.class, ReleasesCommand.ApproveCommand.class,
            ReleasesCommand.RejectCommand.class})
public final class ReleasesCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    ReleasesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'releases'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    static void print(CliContext ctx, Release r) {
        if (ctx.json()) {
            ctx.printJson(r);
            return;
        }
        ctx.out().println("release " + r.id() + " " + r.name() + " " + r.status());
        if (r.environments() != null) {
            for (ReleaseEnvironment e : r.environments()) {
                ctx.out().println("  " + e.id() + " " + e.name() + " " + e.status());
            }
        }
        ctx.out().flush();
    }

    /** {@code releases create}. */
    @Command(name = "create", description = "Create a release of a definition, optionally waiting until it ends.")
    static final class CreateCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        DevOpsConnection connection;

        @Option(names = "--definition-id", paramLabel = "N", required = true, description = "Release definition id.")
        long definitionId;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A release variable (repeatable).")
        List<String> vars;

        @Option(names = "--description", paramLabel = "TEXT", description = "Release description.")
        String description;

        @Option(names = "--wait", description = "Wait until no environment is running, and fail if one was rejected or canceled.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60", description = "How long --wait waits. Default: ${DEFAULT-VALUE}")
        long timeoutMinutes;

        CreateCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String project = connection.project(ctx);
            try (DevOpsClient devops = connection.client(ctx)) {
                Release r = devops.releases().create(project, CreateRelease.builder(definitionId).description(description)
                        .variables(DevOpsConnection.pairs(vars, "--var")).build());
                if (await) {
                    r = devops.releases().poll(project, r.id())
                            .onProgress(s -> { if (!ctx.json()) { ctx.err().println("release " + s.id() + " " + s.status()); } })
                            .waitForCompletion(Duration.ofMinutes(timeoutMinutes));
                }
                print(ctx, r);
                return ExitCodes.OK;
            }
        }
    }

    /** {@code releases get}. */
    @Command(name = "get", description = "Show a release and its environments.")
    static final class GetCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        DevOpsConnection connection;

        @Option(names = "--release-id", paramLabel = "N", required = true, description = "Release id.")
        long releaseId;

        GetCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (DevOpsClient devops = connection.client(ctx)) {
                print(ctx, devops.releases().get(connection.project(ctx), releaseId));
                return ExitCodes.OK;
            }
        }
    }

    /** What approve and reject share. */
    abstract static class ApprovalCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        DevOpsConnection connection;

        @Option(names = "--approval-id", paramLabel = "N", required = true, description = "Approval id.")
        long approvalId;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Comments recorded with the decision.")
        String comment;

        ApprovalCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        abstract Approval decide(DevOpsClient devops, String project);

        @Override
        public Integer call() {
            try (DevOpsClient devops = connection.client(ctx)) {
                Approval a = decide(devops, connection.project(ctx));
                if (ctx.json()) {
                    ctx.printJson(a);
                } else {
                    ctx.out().println("approval " + a.id() + " " + (a.status() == null ? "-" : a.status().name().toLowerCase(Locale.ROOT)));
                    ctx.out().flush();
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code releases approve}. */
    @Command(name = "approve", description = "Approve a pending release approval.")
    static final class ApproveCommand extends ApprovalCommand {
        ApproveCommand(CliContext ctx) {
            super(ctx);
        }

        @Override
        Approval decide(DevOpsClient devops, String project) {
            return devops.releases().approve(project, approvalId, comment);
        }
    }

    /** {@code releases reject}. */
    @Command(name = "reject", description = "Reject a pending release approval; the environment it gates ends rejected.")
    static final class RejectCommand extends ApprovalCommand {
        RejectCommand(CliContext ctx) {
            super(ctx);
        }

        @Override
        Approval decide(DevOpsClient devops, String project) {
            return devops.releases().reject(project, approvalId, comment);
        }
    }
}
