package io.dataops4j.mlflow.transfer;

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.transfer.internal.DirectorySource;
import io.dataops4j.mlflow.transfer.internal.Differ;
import io.dataops4j.mlflow.transfer.internal.Engine;
import io.dataops4j.mlflow.transfer.internal.ServerSource;
import io.dataops4j.mlflow.transfer.internal.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compares experiments and registered models of a source (a tracking server, or an export directory) with their
 * copies on a target tracking server: what would a copy change? Runs are matched by the source id every copy
 * carries, model versions by their source version; renames and run filters come from the same
 * {@link TransferOptions} as the copy. Every field a copy keeps is compared, down to each metric point; ids and the
 * timestamps a server sets itself (experiment creation time, model and version timestamps) are not.
 *
 * <pre>{@code
 * DiffReport report = MlflowDiff.between(dev, prod)
 *     .experiment("churn").model("churn-classifier")
 *     .options(o -> o.renameModel("churn-classifier", "churn"))
 *     .compare();
 * report.print(System.out);
 * if (report.hasDifferences()) System.exit(1);
 * }</pre>
 */
public final class MlflowDiff {
    private final Object source;
    private final MlflowClient target;
    private final List<String> experiments;
    private final List<String> runs;
    private final List<String> models;
    private final boolean all;
    private final TransferOptions options;
    private final boolean artifacts;
    private final boolean artifactContent;
    private final int maxDifferences;

    private MlflowDiff(Object source, MlflowClient target, List<String> experiments, List<String> runs, List<String> models,
                       boolean all, TransferOptions options, boolean artifacts, boolean artifactContent, int maxDifferences) {
        this.source = source;
        this.target = target;
        this.experiments = List.copyOf(experiments);
        this.runs = List.copyOf(runs);
        this.models = List.copyOf(models);
        this.all = all;
        this.options = options;
        this.artifacts = artifacts;
        this.artifactContent = artifactContent;
        this.maxDifferences = maxDifferences;
    }

    /** Compares two tracking servers. */
    public static MlflowDiff between(MlflowClient source, MlflowClient target) {
        return new MlflowDiff(Objects.requireNonNull(source, "source"), Objects.requireNonNull(target, "target"), List.of(),
                List.of(), List.of(), false, TransferOptions.defaults(), true, false, 1000);
    }

    /** Compares an export directory with a tracking server it was imported into (everything in it by default). */
    public static MlflowDiff between(Path exportDirectory, MlflowClient target) {
        return new MlflowDiff(Objects.requireNonNull(exportDirectory, "exportDirectory"), Objects.requireNonNull(target, "target"),
                List.of(), List.of(), List.of(), false, TransferOptions.defaults(), true, false, 1000);
    }

    private MlflowDiff with(List<String> e, List<String> r, List<String> m, boolean a, TransferOptions o, boolean art,
                            boolean content, int max) {
        return new MlflowDiff(source, target, e, r, m, a, o, art, content, max);
    }

    /** Adds an experiment, by name or id. */
    public MlflowDiff experiment(String nameOrId) {
        return experiments(List.of(Objects.requireNonNull(nameOrId, "nameOrId")));
    }

    public MlflowDiff experiments(Collection<String> namesOrIds) {
        List<String> l = new ArrayList<>(experiments);
        l.addAll(namesOrIds);
        return with(l, runs, models, all, options, artifacts, artifactContent, maxDifferences);
    }

    /** Adds one run. */
    public MlflowDiff run(String runId) {
        List<String> l = new ArrayList<>(runs);
        l.add(Objects.requireNonNull(runId, "runId"));
        return with(experiments, l, models, all, options, artifacts, artifactContent, maxDifferences);
    }

    /** Adds a registered model. */
    public MlflowDiff model(String name) {
        return models(List.of(Objects.requireNonNull(name, "name")));
    }

    public MlflowDiff models(Collection<String> names) {
        List<String> l = new ArrayList<>(models);
        l.addAll(names);
        return with(experiments, runs, l, all, options, artifacts, artifactContent, maxDifferences);
    }

    /** Every active experiment and every registered model of the source. */
    public MlflowDiff all() {
        return with(experiments, runs, models, true, options, artifacts, artifactContent, maxDifferences);
    }

    /** The renames, filters and version selection the copy used. */
    public MlflowDiff options(TransferOptions options) {
        return with(experiments, runs, models, all, Objects.requireNonNull(options, "options"), artifacts, artifactContent,
                maxDifferences);
    }

    public MlflowDiff options(Consumer<TransferOptions.Builder> change) {
        TransferOptions.Builder b = options.toBuilder();
        change.accept(b);
        return options(b.build());
    }

    /** Whether run artifacts are compared (by path and size; default true). */
    public MlflowDiff artifacts(boolean compare) {
        return with(experiments, runs, models, all, options, compare, artifactContent, maxDifferences);
    }

    /** Whether artifacts are also compared by content (SHA-256, both sides read; default false). */
    public MlflowDiff artifactContent(boolean compare) {
        return with(experiments, runs, models, all, options, artifacts || compare, compare, maxDifferences);
    }

    /** The most differences the report lists (all are counted; default 1000). */
    public MlflowDiff maxDifferences(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxDifferences cannot be negative");
        }
        return with(experiments, runs, models, all, options, artifacts, artifactContent, max);
    }

    /**
     * Compares.
     *
     * @throws TransferException when a selected experiment, run or model is not in the source
     */
    public DiffReport compare() {
        Source src = source instanceof MlflowClient c ? new ServerSource(c, options.metricPageSize(), true)
                : new DirectorySource((Path) source);
        return new Differ(src, target, options, new Engine.Selection(experiments, runs, models, all), artifacts,
                artifactContent, maxDifferences).compare();
    }
}
