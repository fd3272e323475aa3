package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.transfer.DiffReport;
import io.dataops4j.mlflow.transfer.Difference;
import io.dataops4j.mlflow.transfer.MlflowTransfer;
import io.dataops4j.mlflow.transfer.Plan;
import io.dataops4j.mlflow.transfer.PlannedExperiment;
import io.dataops4j.mlflow.transfer.PlannedModel;
import io.dataops4j.mlflow.transfer.TransferCounts;
import io.dataops4j.mlflow.transfer.TransferFailure;
import io.dataops4j.mlflow.transfer.TransferResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the export, import, copy and diff commands share: planning, the dry run, applying with a progress bar, and
 * printing results as text or JSON.
 */
final class Transfers {
    private Transfers() {
    }

    /** A client for a tracking server given by URI, with credentials from MLflow's environment variables. */
    static MlflowClient client(CliContext ctx, String uri) {
        return MlflowClient.builder().fromEnvironment(ctx.environment()::get).trackingUri(uri).build();
    }

    /**
     * Plans the transfer; with {@code dryRun} (or when the plan has errors) prints the plan and stops, otherwise
     * applies it with a progress bar (runs and model versions done / total) and prints the result.
     *
     * @return 0 when everything was transferred (or the dry run had no errors), 1 when something failed, 2 when the
     *         plan has errors (an experiment or model not in the source, a name the target cannot hold)
     */
    static int run(CliContext ctx, MlflowTransfer transfer, boolean dryRun, String verb) {
        Plan plan = transfer.plan();
        if (dryRun || !plan.errors().isEmpty()) {
            if (ctx.json()) {
                ctx.printJson(planJson(plan, dryRun));
            } else {
                ctx.out().print(plan.render());
                ctx.out().flush();
            }
            if (!plan.errors().isEmpty()) {
                ctx.err().println("dataops4j: the plan has " + plan.errors().size() + " error(s); nothing was changed");
                ctx.err().flush();
                return ExitCodes.USAGE;
            }
            return ExitCodes.OK;
        }
        if (!ctx.json()) {
            ctx.err().println(verb + " " + plan.source() + " -> " + plan.target() + ": " + plan.summary());
            ctx.err().flush();
        }
        TransferResult result;
        try (Progress progress = Progress.forContext(ctx)) {
            result = plan.apply(progress::progress);
        }
        if (ctx.json()) {
            ctx.out().println(result.toJson());
            ctx.out().flush();
        } else {
            printResult(ctx.out(), verb, plan.source(), plan.target(), result);
        }
        return result.isComplete() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The result as a few lines of text. */
    static void printResult(PrintWriter out, String verb, String source, String target, TransferResult result) {
        TransferCounts c = result.counts();
        out.printf(Locale.ROOT, "%s %s -> %s in %.1f s%n", verb, source, target, result.duration().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  experiments:    %d created, %d updated%n", c.experimentsCreated(), c.experimentsUpdated());
        out.printf(Locale.ROOT, "  runs:           %d created, %d updated, %d replaced, %d up to date, %d failed%n",
                c.runsCreated(), c.runsUpdated(), c.runsReplaced(), c.runsSkipped(), c.runsFailed());
        out.printf(Locale.ROOT, "  models:         %d created, %d updated%n", c.modelsCreated(), c.modelsUpdated());
        out.printf(Locale.ROOT, "  model versions: %d created, %d updated, %d up to date, %d failed%n",
                c.versionsCreated(), c.versionsUpdated(), c.versionsSkipped(), c.versionsFailed());
        out.printf(Locale.ROOT, "  metric points:  %d; artifact files: %d (%d bytes)%n", c.metricPoints(), c.artifactFiles(),
                c.artifactBytes());
        for (TransferFailure f : result.failures()) {
            out.println("  failed: " + f.item() + ": " + f.message());
        }
        for (String w : result.warnings()) {
            out.println("  warning: " + w);
        }
        if (!result.isComplete()) {
            out.println("  " + result.failures().size() + " failure(s): run the same command again to retry them");
        }
        out.flush();
    }

    /** The plan as a JSON-ready map. */
    static Map<String, Object> planJson(Plan plan, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dry_run", dryRun);
        m.put("source", plan.source());
        m.put("target", plan.target());
        m.put("has_changes", plan.hasChanges());
        m.put("runs_to_create", plan.runsToCreate());
        m.put("runs_to_update", plan.runsToUpdate());
        m.put("runs_to_replace", plan.runsToReplace());
        m.put("runs_up_to_date", plan.runsToSkip());
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (PlannedExperiment e : plan.experiments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source_name", e.sourceName());
            x.put("target_name", e.targetName());
            x.put("action", e.action().verb());
            x.put("runs_to_create", e.runsToCreate());
            x.put("runs_to_update", e.runsToUpdate());
            x.put("runs_to_replace", e.runsToReplace());
            x.put("runs_up_to_date", e.runsToSkip());
            experiments.add(x);
        }
        m.put("experiments", experiments);
        List<Map<String, Object>> models = new ArrayList<>();
        for (PlannedModel p : plan.models()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source_name", p.sourceName());
            x.put("target_name", p.targetName());
            x.put("action", p.action().verb());
            x.put("versions_to_create", p.versionsToCreate());
            x.put("versions_to_update", p.versionsToUpdate());
            x.put("versions_up_to_date", p.versionsToSkip());
            x.put("aliases_to_set", p.aliasesToSet());
            x.put("notes", p.notes());
            models.add(x);
        }
        m.put("models", models);
        m.put("errors", plan.errors());
        return m;
    }

    /** A diff report as a JSON-ready map. */
    static Map<String, Object> diffJson(DiffReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", report.source());
        m.put("target", report.target());
        m.put("equal", report.isEmpty());
        m.put("total_differences", report.totalDifferences());
        m.put("experiments_compared", report.experimentsCompared());
        m.put("runs_compared", report.runsCompared());
        m.put("models_compared", report.modelsCompared());
        m.put("versions_compared", report.versionsCompared());
        List<Map<String, Object>> differences = new ArrayList<>();
        for (Difference d : report.differences()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            x.put("object", d.object());
            x.put("field", d.field());
            x.put("source", d.source());
            x.put("target", d.target());
            differences.add(x);
        }
        m.put("differences", differences);
        m.put("notes", report.notes());
        return m;
    }
}
