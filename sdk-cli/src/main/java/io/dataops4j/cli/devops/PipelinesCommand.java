package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.devops.DevOpsClient;
import io.dataops4j.devops.pipelines.PipelineRun;
import io.dataops4j.devops.pipelines.RunPipeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dataops4j devops pipelines run}. */
@Command(name = "pipelines", description = "YAML pipelines.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {PipelinesCommand.RunCommand.class})
public final class PipelinesCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    PipelinesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'pipelines'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    /** {@code pipelines run}. */
    @Command(name = "run", description = "Run a pipeline, optionally waiting for its result.")
    static final class RunCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        DevOpsConnection connection;

        @Option(names = "--pipeline-id", paramLabel = "N", required = true, description = "Pipeline id.")
        long pipelineId;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A template parameter (repeatable).")
        List<String> params;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A variable (repeatable).")
        List<String> vars;

        @Option(names = "--branch", paramLabel = "REF", description = "Ref of the pipeline's repository (refs/heads/main).")
        String branch;

        @Option(names = "--skip-stage", paramLabel = "STAGE", description = "A stage to skip (repeatable).")
        List<String> skip;

        @Option(names = "--wait", description = "Wait until the run completes; fail unless it succeeded.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60", description = "How long --wait waits. Default: ${DEFAULT-VALUE}")
        long timeoutMinutes;

        RunCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String project = connection.project(ctx);
            RunPipeline.Builder spec = RunPipeline.builder().branch(branch)
                    .templateParameters(DevOpsConnection.pairs(params, "--param"));
            DevOpsConnection.pairs(vars, "--var").forEach(spec::variable);
            if (skip != null) {
                skip.forEach(spec::stageToSkip);
            }
            try (DevOpsClient devops = connection.client(ctx)) {
                PipelineRun run = devops.pipelines().start(project, pipelineId, spec.build());
                if (await) {
                    run = devops.pipelines().poll(project, pipelineId, run.id())
                            .onProgress(r -> { if (!ctx.json()) { ctx.err().println("run " + r.id() + " " + r.state()); } })
                            .waitForCompletion(Duration.ofMinutes(timeoutMinutes));
                }
                if (ctx.json()) {
                    ctx.printJson(run);
                } else {
                    ctx.out().println("run " + run.id() + " " + run.name() + " " + run.state() + (run.result() != null ? " " + run.result() : ""));
                    ctx.out().flush();
                }
                return ExitCodes.OK;
            }
        }
    }
}
