package io.dataops4j.mlflow.transfer;

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.transfer.internal.DirectorySink;
import io.dataops4j.mlflow.transfer.internal.DirectorySource;
import io.dataops4j.mlflow.transfer.internal.Engine;
import io.dataops4j.mlflow.transfer.internal.ServerSink;
import io.dataops4j.mlflow.transfer.internal.ServerSource;
import io.dataops4j.mlflow.transfer.internal.Sink;
import io.dataops4j.mlflow.transfer.internal.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Copies MLflow experiments, runs and registered models from one tracking server to another (streaming, no
 * temporary directory), exports them to a directory, or imports them from one, in mlflow-export-import's directory
 * format (either tool reads the other's exports). Immutable: each method returns a new transfer.
 *
 * <pre>{@code
 * MlflowClient dev = MlflowClient.of("http://dev:5000");
 * MlflowClient prod = MlflowClient.of("http://prod:5000");
 *
 * Plan plan = MlflowTransfer.from(dev).to(prod)                          // copy
 *     .experiment("churn").model("churn-classifier")
 *     .options(o -> o.parallelism(8).renameModel("churn-classifier", "churn"))
 *     .plan();                                                           // the dry run
 * plan.print(System.out);
 * TransferResult result = plan.apply(ProgressListener.NONE);
 * String prodRun = result.runIds().get(devRun);
 *
 * MlflowTransfer.from(dev).to(Path.of("export")).all().plan().apply(ProgressListener.NONE);      // export
 * MlflowTransfer.from(Path.of("export")).to(prod).plan().apply(ProgressListener.NONE);           // import
 * }</pre>
 *
 * <p>What is kept beyond mlflow-export-import: each run's start and end time, status, name and user, every point
 * of every metric history, dataset inputs, experiment and run tags and descriptions; nested runs are linked to their
 * parents' copies (parents outside the selection are copied too); model versions are registered in source order,
 * each waited for until READY, then their stages and the model's aliases are set.
 *
 * <p>Safe to run again: every copied run carries its source run's id ({@code mlflow_exim.run_info.run_id}) and a
 * copy state, so a second transfer skips what is copied, updates in place what changed in tags or status, and
 * replaces what an interrupted transfer left half-copied (and what gained metrics). Model versions carry their
 * source version ({@code mlflow_exim.src_version.*}). Memory does not grow with the number of runs or metric points.
 */
public final class MlflowTransfer {
    private final Object source;
    private final Object target;
    private final List<String> experiments;
    private final List<String> runs;
    private final List<String> models;
    private final boolean all;
    private final TransferOptions options;

    private MlflowTransfer(Object source, Object target, List<String> experiments, List<String> runs, List<String> models,
                           boolean all, TransferOptions options) {
        this.source = source;
        this.target = target;
        this.experiments = List.copyOf(experiments);
        this.runs = List.copyOf(runs);
        this.models = List.copyOf(models);
        this.all = all;
        this.options = options;
    }

    /** From a tracking server. */
    public static MlflowTransfer from(MlflowClient source) {
        return new MlflowTransfer(Objects.requireNonNull(source, "source"), null, List.of(), List.of(), List.of(), false,
                TransferOptions.defaults());
    }

    /**
     * From an export directory (written by mlflow-export-import's export commands or by this class). With no
     * selection, everything in it is imported.
     */
    public static MlflowTransfer from(Path exportDirectory) {
        return new MlflowTransfer(Objects.requireNonNull(exportDirectory, "exportDirectory"), null, List.of(), List.of(),
                List.of(), false, TransferOptions.defaults());
    }

    /** To a tracking server (a copy, or an import). */
    public MlflowTransfer to(MlflowClient target) {
        return new MlflowTransfer(source, Objects.requireNonNull(target, "target"), experiments, runs, models, all, options);
    }

    /**
     * To an export directory (an export). The layout follows the selection, as mlflow-export-import's commands do:
     * one run as {@code export-run}, one experiment as {@code export-experiment}, one model as {@code export-model},
     * anything else as {@code export-all} ({@code manifest.json}, {@code experiments/}, {@code models/}).
     */
    public MlflowTransfer to(Path exportDirectory) {
        return new MlflowTransfer(source, Objects.requireNonNull(exportDirectory, "exportDirectory"), experiments, runs, models,
                all, options);
    }

    /** Adds an experiment, by name or id, with its runs (those the options' filters accept). */
    public MlflowTransfer experiment(String nameOrId) {
        return experiments(List.of(Objects.requireNonNull(nameOrId, "nameOrId")));
    }

    /** Adds experiments, by name or id. */
    public MlflowTransfer experiments(Collection<String> namesOrIds) {
        List<String> l = new ArrayList<>(experiments);
        l.addAll(namesOrIds);
        return new MlflowTransfer(source, target, l, runs, models, all, options);
    }

    /** Adds one run (into the target experiment named like its own, or {@link TransferOptions#targetExperiment()}). */
    public MlflowTransfer run(String runId) {
        List<String> l = new ArrayList<>(runs);
        l.add(Objects.requireNonNull(runId, "runId"));
        return new MlflowTransfer(source, target, experiments, l, models, all, options);
    }

    /** Adds a registered model with its selected versions ({@link TransferOptions#versions()}) and their runs. */
    public MlflowTransfer model(String name) {
        return models(List.of(Objects.requireNonNull(name, "name")));
    }

    /** Adds registered models. */
    public MlflowTransfer models(Collection<String> names) {
        List<String> l = new ArrayList<>(models);
        l.addAll(names);
        return new MlflowTransfer(source, target, experiments, runs, l, all, options);
    }

    /** Everything: every active experiment and every registered model. */
    public MlflowTransfer all() {
        return new MlflowTransfer(source, target, experiments, runs, models, true, options);
    }

    public MlflowTransfer options(TransferOptions options) {
        return new MlflowTransfer(source, target, experiments, runs, models, all, Objects.requireNonNull(options, "options"));
    }

    /** Changes the options from the current ones. */
    public MlflowTransfer options(Consumer<TransferOptions.Builder> change) {
        TransferOptions.Builder b = options.toBuilder();
        change.accept(b);
        return options(b.build());
    }

    /** The options. */
    public TransferOptions options() {
        return options;
    }

    /**
     * Resolves the selection against the source and looks at the target, changing nothing.
     *
     * @throws IllegalStateException when no target was given
     */
    public Plan plan() {
        if (target == null) {
            throw new IllegalStateException("no target: call to(MlflowClient) or to(Path) before plan()");
        }
        Source src = source instanceof MlflowClient c ? new ServerSource(c, options.metricPageSize(), true)
                : new DirectorySource((Path) source);
        Sink sink;
        if (target instanceof MlflowClient c) {
            sink = new ServerSink(c, options.indexLimit());
        } else {
            sink = new DirectorySink((Path) target, layout(), src.describe());
        }
        Engine engine = new Engine(src, sink, options, new Engine.Selection(experiments, runs, models, all));
        return new Plan(engine, engine.plan());
    }

    private DirectorySource.Layout layout() {
        boolean noRuns = runs.isEmpty();
        boolean noExperiments = experiments.isEmpty();
        boolean noModels = models.isEmpty();
        if (!all && runs.size() == 1 && noExperiments && noModels) {
            return DirectorySource.Layout.RUN;
        }
        if (!all && experiments.size() == 1 && noRuns && noModels) {
            return DirectorySource.Layout.EXPERIMENT;
        }
        if (!all && models.size() == 1 && noRuns && noExperiments) {
            return DirectorySource.Layout.MODEL;
        }
        return DirectorySource.Layout.BULK;
    }

    @Override
    public String toString() {
        return "MlflowTransfer[" + describe(source) + " -> " + (target == null ? "?" : describe(target)) + ", experiments="
                + experiments + ", runs=" + runs + ", models=" + models + (all ? ", all" : "") + "]";
    }

    private static String describe(Object o) {
        return o instanceof MlflowClient c ? c.trackingUri().toString() : String.valueOf(o);
    }
}
