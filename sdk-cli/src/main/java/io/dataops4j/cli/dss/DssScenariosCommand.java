package io.dataops4j.cli.dss;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.dataiku.scenarios.ScenarioRun;
import io.dataops4j.dataiku.scenarios.StepRun;
import io.dataops4j.dataiku.scenarios.TriggerFire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j dss scenarios}: run. */
@Command(name = "scenarios", description = "DSS scenarios.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {DssScenariosCommand.RunCmd.class})
public final class DssScenariosCommand {
    @ParentCommand
    DssCommand dss;

    static Object document(ScenarioRun run) {
        List<Object> steps = new ArrayList<>();
        for (StepRun s : run.stepRuns()) {
            steps.add(DssOutput.entry("runId", s.runId(), "outcome", s.outcome() == null ? null : s.outcome().name(),
                    "jobIds", s.jobIds(), "error", s.error() == null ? null : DssOutput.entry("code", s.error().code(),
                            "message", s.error().message(), "hint", s.error().hint())));
        }
        return DssOutput.entry("projectKey", run.projectKey(), "scenarioId", run.scenarioId(), "runId", run.runId(),
                "triggerRunId", run.triggerRunId(), "outcome", run.outcome() == null ? null : run.outcome().name(),
                "start", run.start() == null ? null : run.start().toString(), "end", run.end() == null ? null : run.end().toString(),
                "steps", steps);
    }

    /** {@code dss scenarios run --project KEY --scenario ID [--param k=v]... [--wait]}. */
    @Command(name = "run", description = "Run a scenario.")
    static final class RunCmd implements Callable<Integer> {
        @ParentCommand
        DssScenariosCommand parent;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project.")
        String project;

        @Option(names = "--scenario", required = true, paramLabel = "ID", description = "The scenario's id.")
        String scenario;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A run parameter (repeatable).")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--wait", description = "Wait for the outcome (exit 1 on FAILED or ABORTED; WARNING succeeds).")
        boolean wait;

        @Option(names = "--timeout", defaultValue = "PT6H", description = "How long to wait (ISO-8601, default PT6H).")
        Duration timeout;

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            var scenarios = parent.dss.client().scenarios();
            TriggerFire fire = scenarios.fire(project, scenario, params);
            if (!wait) {
                DssOutput.print(ctx, DssOutput.entry("projectKey", project, "scenarioId", scenario, "triggerId", fire.triggerId(),
                        "triggerRunId", fire.triggerRunId(), "cancelled", fire.cancelled()),
                        List.of("fired scenario " + scenario + " (trigger run " + fire.triggerRunId() + ")"));
                return ExitCodes.OK;
            }
            Poller<ScenarioRun> poller = scenarios.poll(fire);
            ScenarioRun run;
            AtomicLong polls = new AtomicLong();
            try (Progress progress = Progress.forContext(ctx)) {
                poller.onProgress(r -> progress.progress(polls.incrementAndGet(), -1, r.runId() == null
                        ? "waiting for scenario " + scenario + " to start" : "scenario run " + r.runId()
                        + (r.outcome() == null ? " running" : " " + r.outcome())));
                run = poller.waitForCompletion(timeout);
            }
            List<String> lines = new ArrayList<>();
            lines.add("scenario " + scenario + " run " + run.runId() + ": " + run.outcome());
            for (StepRun s : run.stepRuns()) {
                lines.add("  step " + s.runId() + ": " + s.outcome() + (s.jobIds().isEmpty() ? "" : " jobs " + String.join(", ", s.jobIds())));
            }
            DssOutput.print(ctx, document(run), lines);
            return ExitCodes.OK;
        }
    }
}
