package io.dataops4j.cli.databricks;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.jobs.Job;
import io.dataops4j.databricks.jobs.JobSpec;
import io.dataops4j.databricks.jobs.ListJobs;
import io.dataops4j.databricks.jobs.Run;
import io.dataops4j.databricks.jobs.RunLifeCycleState;
import io.dataops4j.databricks.jobs.RunNow;
import io.dataops4j.databricks.jobs.RunOutput;
import io.dataops4j.databricks.jobs.RunTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j databricks jobs}: create, run-now, get-run, list. */
@Command(name = "jobs", description = "Jobs and their runs.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {JobsCommand.Create.class, JobsCommand.RunNowCommand.class, JobsCommand.GetRun.class, JobsCommand.ListCommand.class})
public final class JobsCommand {
    @ParentCommand
    DatabricksCommand parent;

    /** A duration such as {@code 90s}, {@code 30m}, {@code 2h} or ISO-8601 {@code PT30M}. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--timeout must be like 90s, 30m, 2h or PT30M, but was '" + text + "'");
        }
    }

    static Map<String, Object> runSummary(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("job_id", r.jobId());
        m.put("life_cycle_state", r.lifeCycleState().name());
        m.put("result_state", r.resultState() == null ? null : r.resultState().name());
        m.put("state_message", r.state() == null ? null : r.state().stateMessage());
        m.put("run_page_url", r.runPageUrl());
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (RunTask t : r.tasks()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("task_key", t.taskKey());
            tm.put("run_id", t.runId());
            tm.put("life_cycle_state", t.lifeCycleState().name());
            tm.put("result_state", t.resultState() == null ? null : t.resultState().name());
            tm.put("state_message", t.state() == null ? null : t.state().stateMessage());
            tasks.add(tm);
        }
        m.put("tasks", tasks);
        return m;
    }

    static void printRun(CliContext ctx, Run r) {
        ctx.out().println("run " + r.runId() + (r.jobId() != null ? " of job " + r.jobId() : "") + ": " + r.lifeCycleState()
                + (r.resultState() != null ? " " + r.resultState() : ""));
        if (r.runPageUrl() != null) {
            ctx.out().println(r.runPageUrl());
        }
        if (!r.tasks().isEmpty()) {
            TextTable t = new TextTable(List.of("TASK", "RUN_ID", "STATE", "RESULT", "MESSAGE"));
            for (RunTask task : r.tasks()) {
                t.add(List.of(task.taskKey(), String.valueOf(task.runId()), task.lifeCycleState().name(),
                        task.resultState() == null ? "" : task.resultState().name(),
                        task.state() == null || task.state().stateMessage() == null ? "" : task.state().stateMessage()));
            }
            t.print(ctx.out());
        }
        ctx.out().flush();
    }

    /** Where the job settings come from. */
    static final class SpecSource {
        @Option(names = "--file", paramLabel = "FILE", description = "A JSON file of job settings (as jobs/create takes them).")
        Path file;

        @Option(names = "--spec-json", paramLabel = "JSON", description = "Job settings as JSON text.")
        String json;
    }

    /** {@code jobs create}. */
    @Command(name = "create", description = "Validate job settings (tasks, dependencies, clusters, Quartz schedule) and create the job.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @ArgGroup(exclusive = true, multiplicity = "1")
        SpecSource source;

        @Option(names = "--validate-only", description = "Check the settings and show the schedule's next fire times; create nothing.")
        boolean validateOnly;

        @Override
        public Integer call() throws IOException {
            CliContext ctx = jobs.parent.context();
            String text = source.file != null ? Files.readString(source.file, StandardCharsets.UTF_8) : source.json;
            JobSpec spec;
            try {
                spec = JobSpec.parse(text);
            } catch (JobSpec.InvalidJobSpecException e) {
                String where = source.file != null ? source.file + ": " : "";
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            List<String> fires = new ArrayList<>();
            if (spec.schedule() != null) {
                spec.schedule().nextFireTimes(java.time.ZonedDateTime.now(), 3).forEach(t -> fires.add(t.toString()));
            }
            if (validateOnly) {
                if (ctx.json()) {
                    ctx.printJson(Map.of("valid", true, "tasks", spec.tasks().size(), "next_fire_times", fires));
                } else {
                    ctx.out().println("valid: " + spec.tasks().size() + " task(s)" + (fires.isEmpty() ? "" : "; next runs " + fires));
                }
                return ExitCodes.OK;
            }
            long id = jobs.parent.client().jobs().create(spec);
            if (ctx.json()) {
                ctx.printJson(Map.of("job_id", id, "next_fire_times", fires));
            } else {
                ctx.out().println(id);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code jobs run-now}. */
    @Command(name = "run-now", description = "Run a job now (one idempotency token, reused on every retry); --wait follows it to the end.")
    static final class RunNowCommand implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @Option(names = "--job-id", required = true, paramLabel = "ID", description = "The job.")
        long jobId;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A job parameter (repeatable).")
        List<String> params;

        @Option(names = "--idempotency-token", paramLabel = "TOKEN", description = "A token of yours (default: a new one).")
        String token;

        @Option(names = "--wait", description = "Wait for the run to end; exit 1 when it did not succeed.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            CliContext ctx = jobs.parent.context();
            DatabricksClient dbx = jobs.parent.client();
            Duration limit = duration(timeout);
            RunNow.Builder b = RunNow.builder().jobParameters(Params.parse(params));
            if (token != null) {
                b.idempotencyToken(token);
            }
            Poller<Run> poller = dbx.jobs().runNow(jobId, b.build());
            if (!await) {
                if (ctx.json()) {
                    ctx.printJson(Map.of("run_id", Long.parseLong(poller.id())));
                } else {
                    ctx.out().println(poller.id());
                }
                return ExitCodes.OK;
            }
            Run run;
            try (Progress progress = Progress.forContext(ctx)) {
                poller.onProgress(r -> {
                    long done = r.tasks().stream().filter(t -> t.lifeCycleState().isTerminal()).count();
                    progress.progress(done, r.tasks().isEmpty() ? -1 : r.tasks().size(), "run " + r.runId() + " "
                            + r.lifeCycleState() + (r.lifeCycleState() == RunLifeCycleState.QUEUED ? " (queued)" : ""));
                });
                try {
                    run = poller.waitForCompletion(limit);
                } catch (OperationFailedException e) {
                    if (e.finalState() instanceof Run failed) {
                        if (ctx.json()) {
                            ctx.printJson(runSummary(failed));
                        } else {
                            printRun(ctx, failed);
                        }
                    }
                    throw e;
                }
            }
            Map<String, RunOutput> outputs = dbx.jobs().taskOutputs(run);
            if (ctx.json()) {
                Map<String, Object> doc = runSummary(run);
                Map<String, String> results = new LinkedHashMap<>();
                outputs.forEach((k, o) -> {
                    if (o != null && o.notebookResult() != null) {
                        results.put(k, o.notebookResult());
                    }
                });
                doc.put("notebook_results", results);
                ctx.printJson(doc);
            } else {
                printRun(ctx, run);
                outputs.forEach((k, o) -> {
                    if (o != null && o.notebookResult() != null) {
                        ctx.out().println(k + " exit value: " + o.notebookResult());
                    }
                });
            }
            return ExitCodes.OK;
        }
    }

    /** {@code jobs get-run}. */
    @Command(name = "get-run", description = "A run and its tasks (every page of tasks).")
    static final class GetRun implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
        long runId;

        @Override
        public Integer call() {
            CliContext ctx = jobs.parent.context();
            Run run = jobs.parent.client().jobs().getRun(runId);
            if (ctx.json()) {
                ctx.printJson(runSummary(run));
            } else {
                printRun(ctx, run);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code jobs list}. */
    @Command(name = "list", description = "The workspace's jobs, fetched page by page.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @Option(names = "--name", paramLabel = "NAME", description = "Only jobs with this exact name.")
        String name;

        @Option(names = "--max-results", paramLabel = "N", description = "Print at most N jobs.")
        Integer max;

        @Override
        public Integer call() {
            CliContext ctx = jobs.parent.context();
            if (max != null && max < 1) {
                throw new IllegalArgumentException("--max-results must be at least 1, but was " + max);
            }
            ListJobs q = ListJobs.all().named(name).limit(max == null ? 100 : Math.min(100, max));
            List<Job> list = jobs.parent.client().jobs().list(q).stream().limit(max == null ? Long.MAX_VALUE : max).toList();
            if (ctx.json()) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Job j : list) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("job_id", j.jobId());
                    m.put("name", j.name());
                    m.put("creator_user_name", j.creatorUserName());
                    m.put("created_time", j.createdTime() == null ? null : j.createdTime().toString());
                    out.add(m);
                }
                ctx.printJson(out);
            } else if (list.isEmpty()) {
                ctx.out().println("no jobs");
            } else {
                TextTable t = new TextTable(List.of("JOB_ID", "NAME", "CREATOR", "CREATED"));
                list.forEach(j -> t.add(List.of(Long.toString(j.jobId()), String.valueOf(j.name()),
                        String.valueOf(j.creatorUserName()), j.createdTime() == null ? "" : j.createdTime().toString())));
                t.print(ctx.out());
            }
            return ExitCodes.OK;
        }
    }
}
