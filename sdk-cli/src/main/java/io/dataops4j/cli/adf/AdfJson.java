package io.dataops4j.cli.adf;

import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.deploy.DeploymentResult;
import io.dataops4j.adf.deploy.ObjectChange;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.adf.deploy.ValidationReport;
import io.dataops4j.adf.runs.ActivityRun;
import io.dataops4j.adf.runs.PipelineRun;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.json.RawJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON documents {@code dataops4j --json adf ...} prints. */
public final class AdfJson {
    private AdfJson() {
    }

    /**
     * One finding.
     *
     * @param severity error, warning or info
     * @param code     ADFT.../ADFX...
     * @param message  what, secrets masked
     * @param file     where, or null
     * @param line     the line, or null
     * @param path     the config or JSON path, or null
     */
    public record Finding(String severity, String code, String message, String file, Integer line, String path) {
        static Finding of(Diagnostic d) {
            return new Finding(d.severity().name().toLowerCase(Locale.ROOT), d.code(), io.dataops4j.core.Redactor.text(d.message()),
                    d.file() == null ? null : d.file().toString(), d.line() > 0 ? d.line() : null, d.path());
        }

        static List<Finding> of(List<Diagnostic> ds) {
            return ds.stream().map(Finding::of).toList();
        }
    }

    /**
     * {@code adf validate}.
     *
     * @param factory      the factory's name
     * @param objects      objects loaded
     * @param errorCount   errors (factory errors plus failing config files, as Test-AdfCode counts)
     * @param warningCount warnings
     * @param findings     findings on the factory
     * @param configs      each config file applied in a dry run
     */
    public record Validation(String factory, int objects, int errorCount, int warningCount, List<Finding> findings, List<ConfigCheck> configs) {
        static Validation of(ValidationReport r) {
            List<ConfigCheck> configs = r.configs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new ConfigCheck(e.getKey().toString(), e.getValue().stream().noneMatch(Diagnostic::isError), Finding.of(e.getValue())))
                    .toList();
            return new Validation(r.factoryName(), r.objectCount(), r.errorCount(), r.warningCount(), Finding.of(r.diagnostics()), configs);
        }
    }

    /**
     * One config file of {@code adf validate}.
     *
     * @param file     the file
     * @param ok       whether it applies without error
     * @param findings its findings
     */
    public record ConfigCheck(String file, boolean ok, List<Finding> findings) {
    }

    /**
     * {@code adf apply-config}.
     *
     * @param factory  the factory
     * @param stage    the stage
     * @param output   where it was written
     * @param objects  objects written
     * @param modified objects the config changed
     * @param findings warnings
     */
    public record Applied(String factory, String stage, String output, int objects, List<String> modified, List<Finding> findings) {
    }

    /**
     * {@code adf plan}, and the plan part of {@code adf deploy}.
     *
     * @param target          the target factory's resource id
     * @param summary         counts
     * @param changes         every object, sorted by address
     * @param deployLevels    the objects PUT, level by level (each level in parallel)
     * @param deleteOrder     the objects deleted, in order
     * @param triggersToStop  triggers stopped before
     * @param triggersToStart triggers started after
     * @param findings        warnings
     */
    public record PlanDocument(String target, Summary summary, List<Change> changes, List<List<String>> deployLevels,
                               List<String> deleteOrder, List<String> triggersToStop, List<String> triggersToStart, List<Finding> findings) {
        static PlanDocument of(Plan p, String target) {
            Summary s = new Summary(p.changes(ObjectChange.Kind.CREATE).size(), p.changes(ObjectChange.Kind.UPDATE).size(),
                    p.changes(ObjectChange.Kind.DELETE).size(), p.changes(ObjectChange.Kind.UNCHANGED).size(),
                    p.changes(ObjectChange.Kind.SKIPPED).size(), p.triggersToStop().size(), p.triggersToStart().size(), p.hasChanges());
            List<Change> changes = p.changes().stream().map(c -> new Change(c.fullName(), c.type().configName(), c.name(),
                    c.kind().name().toLowerCase(Locale.ROOT), c.level() < 0 ? null : c.level(), c.diff(), c.reason())).toList();
            return new PlanDocument(target, s, changes, p.deployLevels(), p.deleteOrder(), p.triggersToStop(), p.triggersToStart(),
                    Finding.of(p.diagnostics()));
        }
    }

    /**
     * The counts of a plan.
     *
     * @param add             objects created
     * @param change          objects updated
     * @param destroy         objects deleted
     * @param unchanged       objects as in the target (or in the incremental state)
     * @param notDeployed     objects left out (rules, options)
     * @param triggersToStop  triggers stopped
     * @param triggersToStart triggers started
     * @param hasChanges      whether applying would change anything
     */
    public record Summary(int add, int change, int destroy, int unchanged, int notDeployed, int triggersToStop, int triggersToStart,
                          boolean hasChanges) {
    }

    /**
     * One object's planned change.
     *
     * @param address {@code type.name}
     * @param type    the type
     * @param name    the name
     * @param action  create, update, delete, unchanged or skipped
     * @param level   dependency level, or null
     * @param diff    for updates, one line per changed path (secrets masked)
     * @param reason  why unchanged or skipped, or null
     */
    public record Change(String address, String type, String name, String action, Integer level, List<String> diff, String reason) {
    }

    /**
     * {@code adf deploy}.
     *
     * @param plan   what was planned
     * @param result what was done
     */
    public record Deployment(PlanDocument plan, Result result) {
    }

    /**
     * What a deployment did.
     *
     * @param deployed        objects PUT
     * @param deleted         objects deleted
     * @param stoppedTriggers triggers stopped
     * @param startedTriggers triggers started
     */
    public record Result(List<String> deployed, List<String> deleted, List<String> stoppedTriggers, List<String> startedTriggers) {
        static Result of(DeploymentResult r) {
            return new Result(r.deployed().stream().sorted().toList(), r.deleted(), r.stoppedTriggers(), r.startedTriggers());
        }
    }

    /**
     * {@code adf run-pipeline}.
     *
     * @param runId        the run
     * @param pipelineName the pipeline
     * @param status       Queued, InProgress, Succeeded, Failed, Cancelled (null when not waited for)
     * @param message      the failure message, or null
     * @param runStart     start, or null
     * @param runEnd       end, or null
     * @param durationInMs duration, or null
     * @param activities   the activity runs (when waited for)
     */
    public record Run(String runId, String pipelineName, String status, String message, Instant runStart, Instant runEnd, Long durationInMs,
                      List<Activity> activities) {
        static Run of(PipelineRun r, List<Activity> activities) {
            return new Run(r.runId(), r.pipelineName(), AdfJson.status(r.status()), r.message() == null || r.message().isBlank() ? null : r.message(),
                    r.runStart(), r.runEnd(), r.durationInMs(), activities);
        }
    }

    /**
     * One activity run.
     *
     * @param name   the activity
     * @param type   its type
     * @param status its status
     * @param output its output (a Databricks notebook's runPageUrl, ...)
     * @param error  its error, or null
     */
    public record Activity(String name, String type, String status, RawJson output, RawJson error) {
        static Activity of(ActivityRun a) {
            return new Activity(a.activityName(), a.activityType(), a.status(), a.output(), a.error());
        }
    }

    /** The service's spelling of a status ({@code InProgress}). */
    static String status(Object status) {
        if (status == null) {
            return null;
        }
        String s = Json.shared().toJson(status);
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * An error with its findings, on standard error.
     *
     * @param error what failed
     */
    public record ErrorDocument(Error error) {
    }

    /**
     * The error of {@link ErrorDocument}.
     *
     * @param kind     input (the source, a config, the plan) or failed (a deployment step)
     * @param message  one line
     * @param exitCode the exit code
     * @param findings every error and warning
     */
    public record Error(String kind, String message, int exitCode, List<Finding> findings) {
    }
}
