package io.dataops4j.cli.dss;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.dataiku.jobs.JobStatus;
import io.dataops4j.dataiku.jobs.JobType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j dss jobs}: build. */
@Command(name = "jobs", description = "DSS jobs.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {DssJobsCommand.BuildCmd.class})
public final class DssJobsCommand {
    @ParentCommand
    DssCommand dss;

    static Object document(JobStatus s) {
        return DssOutput.entry("projectKey", s.projectKey(), "jobId", s.jobId(), "state", s.state().name(),
                "failure", s.failure() == null ? null : DssOutput.entry("errorType", s.failure().errorType(),
                        "errorCode", s.failure().errorCode(), "message", s.failure().message(), "hint", s.failure().hint()));
    }

    /** {@code dss jobs build --project KEY --dataset NAME [--wait]}. */
    @Command(name = "build", description = "Build a dataset.")
    static final class BuildCmd implements Callable<Integer> {
        @ParentCommand
        DssJobsCommand parent;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project.")
        String project;

        @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset to build.")
        String dataset;

        @Option(names = "--type", defaultValue = "RECURSIVE_BUILD",
                description = "RECURSIVE_BUILD (default), NON_RECURSIVE_FORCED_BUILD, RECURSIVE_FORCED_BUILD or RECURSIVE_MISSING_ONLY_BUILD.")
        JobType type;

        @Option(names = "--wait", description = "Wait until the job is DONE, FAILED or ABORTED (exit 1 unless DONE).")
        boolean wait;

        @Option(names = "--timeout", defaultValue = "PT2H", description = "How long to wait (ISO-8601, default PT2H).")
        Duration timeout;

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            Poller<JobStatus> job = parent.dss.client().jobs().build(project, dataset, type);
            if (!wait) {
                DssOutput.print(ctx, DssOutput.entry("projectKey", project, "jobId", job.id(), "state", "STARTED"),
                        List.of("started job " + job.id()));
                return ExitCodes.OK;
            }
            JobStatus done;
            AtomicLong polls = new AtomicLong();
            try (Progress progress = Progress.forContext(ctx)) {
                job.onProgress(s -> progress.progress(polls.incrementAndGet(), -1, "job " + s.jobId() + " " + s.state()));
                done = job.waitForCompletion(timeout);
            }
            DssOutput.print(ctx, document(done), List.of("job " + done.jobId() + " " + done.state()));
            return ExitCodes.OK;
        }
    }
}
