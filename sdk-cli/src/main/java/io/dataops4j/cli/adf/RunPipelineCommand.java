package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.runs.ActivityRun;
import io.dataops4j.adf.runs.PipelineRun;
import io.dataops4j.adf.runs.RunQuery;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dataops4j adf run-pipeline NAME --param k=v --wait}: starts a pipeline run and, with --wait, follows it to its end. */
@Command(name = "run-pipeline",
        description = {"Start a pipeline run with parameters; with --wait, poll it to its end and list its activity runs "
                + "(a Databricks notebook's run page, ...). Exits with 1 when the run failed or was cancelled."})
public final class RunPipelineCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "The pipeline.")
    String pipeline;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter, as a string (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--param-json", paramLabel = "NAME=JSON", description = "A parameter as JSON: a number, true, an object, an array (repeatable).")
    Map<String, String> jsonParams = new LinkedHashMap<>();

    @Option(names = "--wait", description = "Wait for the run to end.")
    boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "12h", converter = Durations.class,
            description = "The longest wait with --wait. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Mixin
    AdfConnection connection;

    RunPipelineCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, Object> parameters = new LinkedHashMap<>(params);
        jsonParams.forEach((k, v) -> {
            try {
                parameters.put(k, Json.shared().parseValue(v));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--param-json " + k + ": not JSON: " + v);
            }
        });
        try (AdfClient client = connection.client(ctx)) {
            String runId = client.pipelines().startRun(pipeline, parameters);
            if (!waitForEnd) {
                if (ctx.json()) {
                    ctx.printJson(new AdfJson.Run(runId, pipeline, null, null, null, null, null, List.of()));
                } else {
                    ctx.out().println("Started run " + runId + " of pipeline " + pipeline + ".");
                    ctx.out().flush();
                }
                return ExitCodes.OK;
            }
            PipelineRun run;
            boolean ok;
            try (Progress progress = Progress.forContext(ctx)) {
                run = client.pipelines().pollRun(runId)
                        .onProgress(r -> progress.progress(r.status() != null && r.status().isTerminal() ? 1 : 0, 1,
                                "run " + runId + " of " + pipeline + ": " + AdfJson.status(r.status())))
                        .waitForCompletion(timeout);
                ok = true;
            } catch (OperationFailedException e) {
                if (!(e.finalState() instanceof PipelineRun failed)) {
                    throw e;
                }
                run = failed;
                ok = false;
            }
            List<AdfJson.Activity> activities = activities(client, run);
            if (ctx.json()) {
                ctx.printJson(AdfJson.Run.of(run, activities));
            } else {
                print(run, activities, ctx.out());
            }
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private static List<AdfJson.Activity> activities(AdfClient client, PipelineRun run) {
        Instant start = run.runStart() != null ? run.runStart().minus(Duration.ofMinutes(5)) : Instant.now().minus(Duration.ofDays(1));
        Instant end = (run.runEnd() != null ? run.runEnd() : Instant.now()).plus(Duration.ofMinutes(5));
        List<ActivityRun> runs = client.pipelines().activityRuns(run.runId(), RunQuery.lastUpdated(start, end)).stream().toList();
        return runs.stream().map(AdfJson.Activity::of).toList();
    }

    private static void print(PipelineRun run, List<AdfJson.Activity> activities, PrintWriter out) {
        out.println("Run " + run.runId() + " of pipeline " + run.pipelineName() + ": " + AdfJson.status(run.status())
                + (run.durationInMs() != null ? " in " + Duration.ofMillis(run.durationInMs()).toSeconds() + " s" : "")
                + (run.message() != null && !run.message().isBlank() ? ": " + run.message() : ""));
        for (AdfJson.Activity a : activities) {
            out.println("  " + a.name() + " (" + a.type() + "): " + a.status()
                    + (a.output() != null && a.output().value() instanceof Map<?, ?> m && m.get("runPageUrl") != null
                    ? " " + m.get("runPageUrl") : ""));
        }
        out.flush();
    }
}
