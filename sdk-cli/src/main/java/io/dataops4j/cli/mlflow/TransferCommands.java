package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.transfer.DiffReport;
import io.dataops4j.mlflow.transfer.MlflowDiff;
import io.dataops4j.mlflow.transfer.MlflowTransfer;
import io.dataops4j.mlflow.transfer.TransferOptions;
import io.dataops4j.mlflow.transfer.VersionSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dataops4j mlflow export-experiment|import-experiment|export-model|import-model|export-all|import-all|copy|diff}:
 * mlflow-export-import's commands (same option names, same directory format), a direct server-to-server copy, and
 * a diff that exits 1 on any difference.
 *
 * <pre>{@code
 * $ dataops4j mlflow --tracking-uri http://dev:5000 export-experiment --experiment churn --output-dir out/churn
 * $ dataops4j mlflow --tracking-uri http://prod:5000 import-experiment --experiment-name churn --input-dir out/churn
 * $ dataops4j mlflow copy --from http://dev:5000 --to http://prod:5000 --experiment churn --model churn-classifier
 * $ dataops4j mlflow diff --from http://dev:5000 --to http://prod:5000 --experiment churn --model churn-classifier
 * }</pre>
 */
final class TransferCommands {
    private TransferCommands() {
    }

    /** Options of every transfer. */
    static final class Flags {
        @Option(names = "--dry-run", description = "Print what would be created, updated or skipped, and change nothing.")
        boolean dryRun;

        @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
                description = "Runs transferred at once (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(names = {"--include-deleted-runs", "--export-deleted-runs"},
                description = "Also transfer runs marked deleted (they stay deleted).")
        boolean deletedRuns;

        @Option(names = {"--import-source-tags"},
                description = "Also write mlflow-export-import's mlflow_exim.* provenance tags on the target runs.")
        boolean sourceTags;

        @Option(names = "--id-map", paramLabel = "FILE",
                description = "Append every source id -> target id mapping to FILE as JSON lines, as soon as it is known.")
        Path idMap;

        TransferOptions.Builder apply(TransferOptions.Builder b) {
            return b.parallelism(parallelism).includeDeletedRuns(deletedRuns).sourceTags(sourceTags).idMapFile(idMap);
        }
    }

    /** Version selection options of the model commands (mlflow-export-import's names). */
    static final class VersionFlags {
        @Option(names = "--stages", paramLabel = "STAGE", split = ",",
                description = "Only versions in these stages (None, Staging, Production, Archived).")
        List<String> stages;

        @Option(names = "--versions", paramLabel = "N", split = ",", description = "Only these version numbers.")
        List<String> versions;

        @Option(names = "--export-latest-versions", description = "Only the latest version of each stage.")
        boolean latest;

        VersionSelection selection() {
            if (versions != null && !versions.isEmpty()) {
                return VersionSelection.versions(versions.toArray(String[]::new));
            }
            if (stages != null && !stages.isEmpty()) {
                return VersionSelection.stages(stages.stream().map(TransferCommands::stage).toArray(ModelStage[]::new));
            }
            return latest ? VersionSelection.latest() : VersionSelection.all();
        }
    }

    static ModelStage stage(String name) {
        for (ModelStage s : ModelStage.values()) {
            if (s.wireName().equalsIgnoreCase(name.strip()) || s.name().equalsIgnoreCase(name.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + name + "': use None, Staging, Production or Archived");
    }

    @Command(name = "export-experiment", description = {"Export an experiment and its runs to a directory,",
            "in mlflow-export-import's format (its import-experiment reads it)."})
    static final class ExportExperiment implements Callable<Integer> {
        private final CliContext ctx;
        @ParentCommand
        MlflowCommand mlflow;
        @Option(names = "--experiment", required = true, paramLabel = "NAME|ID", description = "The experiment, by name or id.")
        String experiment;
        @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Where to write the export.")
        Path outputDir;
        @Mixin
        Flags flags;

        ExportExperiment(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient c = mlflow.client()) {
                return Transfers.run(ctx, MlflowTransfer.from(c).to(outputDir).experiment(experiment).options(flags::apply),
                        flags.dryRun, "exported");
            }
        }
    }

    @Command(name = "import-experiment", description = {"Import an experiment exported by export-experiment (ours or",
            "mlflow-export-import's). Running it again creates no duplicates."})
    static final class ImportExperiment implements Callable<Integer> {
        private final CliContext ctx;
        @ParentCommand
        MlflowCommand mlflow;
        @Option(names = "--experiment-name", required = true, paramLabel = "NAME", description = "The target experiment.")
        String experimentName;
        @Option(names = "--input-dir", required = true, paramLabel = "DIR", description = "The export directory.")
        Path inputDir;
        @Mixin
        Flags flags;

        ImportExperiment(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient c = mlflow.client()) {
                return Transfers.run(ctx, MlflowTransfer.from(inputDir).to(c)
                        .options(b -> flags.apply(b).targetExperiment(experimentName)), flags.dryRun, "imported");
            }
        }
    }

    @Command(name = "export-model", description = {"Export a registered model, its versions and their runs to a",
            "directory, in mlflow-export-import's format."})
    static final class ExportModel implements Callable<Integer> {
        private final CliContext ctx;
        @ParentCommand
        MlflowCommand mlflow;
        @Option(names = "--model", required = true, paramLabel = "NAME", description = "The registered model.")
        String model;
        @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Where to write the export.")
        Path outputDir;
        @Mixin
        VersionFlags versions;
        @Mixin
        Flags flags;

        ExportModel(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient c = mlflow.client()) {
                return Transfers.run(ctx, MlflowTransfer.from(c).to(outputDir).model(model)
                        .options(b -> flags.apply(b).versions(versions.selection())), flags.dryRun, "exported");
            }
        }
    }

    @Command(name = "import-model", description = {"Import a registered model exported by export-model: versions in",
            "source order, then their stages and the aliases."})
    static final class ImportModel implements Callable<Integer> {
        private final CliContext ctx;
        @ParentCommand
        MlflowCommand mlflow;
        @Option(names = {"--model", "--model-name"}, required = true, paramLabel = "NAME", description = "The target model name.")
        String model;
        @Option(names = "--experiment-name", paramLabel = "NAME",
                description = "The experiment for the versions' runs (default: the runs' own experiments).")
        String experimentName;
        @Option(names = "--input-dir", required = true, paramLabel = "DIR", description = "The export directory.")
        Path inputDir;
        @Mixin
        Flags flags;

        ImportModel(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient c = mlflow.client()) {
                return Transfers.run(ctx, MlflowTransfer.from(inputDir).to(c)
                        .options(b -> flags.apply(b).targetModel(model).targetExperiment(experimentName)), flags.dryRun, "imported");
            }
        }
    }

    @Command(name = "export-all", description = "Export every experiment and registered model to a directory.")
    static final class ExportAll implements Callable<Integer> {
        private final CliContext ctx;
        @ParentCommand
        MlflowCommand mlflow;
        @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Where to write the export.")
        Path outputDir;
        @Mixin
        VersionFlags versions;
        @Mixin
        Flags flags;

        ExportAll(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient c = mlflow.client()) {
                return Transfers.run(ctx, MlflowTransfer.from(c).to(outputDir).all()
                        .options(b -> flags.apply(b).versions(versions.selection())), flags.dryRun, "exported");
            }
        }
    }

    @Command(name = "import-all", description = "Import everything an export-all directory holds.")
    static final class ImportAll implements Callable<Integer> {
        private final CliContext ctx;
        @ParentCommand
        MlflowCommand mlflow;
        @Option(names = "--input-dir", required = true, paramLabel = "DIR", description = "The export directory.")
        Path inputDir;
        @Mixin
        Flags flags;

        ImportAll(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient c = mlflow.client()) {
                return Transfers.run(ctx, MlflowTransfer.from(inputDir).to(c).options(flags::apply), flags.dryRun, "imported");
            }
        }
    }

    @Command(name = "copy", description = {"Copy experiments and registered models from one tracking server to another,",
            "streaming (no temporary directory). Safe to run again: it resumes and creates no duplicates.",
            "Credentials for both servers come from MLflow's environment variables."})
    static final class Copy implements Callable<Integer> {
        private final CliContext ctx;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", required = true, paramLabel = "URI", description = "The source tracking server.")
        String from;
        @Option(names = "--to", required = true, paramLabel = "URI", description = "The target tracking server.")
        String to;
        @Option(names = "--experiment", paramLabel = "NAME|ID", description = "An experiment to copy (repeatable).")
        List<String> experiments;
        @Option(names = "--model", paramLabel = "NAME", description = "A registered model to copy (repeatable).")
        List<String> models;
        @Option(names = "--all", description = "Every experiment and every registered model.")
        boolean all;
        @Mixin
        VersionFlags versions;
        @Mixin
        Flags flags;

        Copy(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (!all && empty(experiments) && empty(models)) {
                throw new ParameterException(spec.commandLine(), "nothing to copy: give --experiment, --model or --all");
            }
            try (MlflowClient src = Transfers.client(ctx, from); MlflowClient dst = Transfers.client(ctx, to)) {
                MlflowTransfer t = MlflowTransfer.from(src).to(dst).experiments(list(experiments)).models(list(models))
                        .options(b -> flags.apply(b).versions(versions.selection()));
                return Transfers.run(ctx, all ? t.all() : t, flags.dryRun, "copied");
            }
        }
    }

    @Command(name = "diff", description = {"Compare experiments and registered models on two tracking servers (what",
            "would a copy change?). Exit code 0 when they are equal, 1 on any difference.",
            "Without --experiment or --model, everything is compared."})
    static final class Diff implements Callable<Integer> {
        private final CliContext ctx;
        @Option(names = "--from", required = true, paramLabel = "URI", description = "The source tracking server.")
        String from;
        @Option(names = "--to", required = true, paramLabel = "URI", description = "The target tracking server.")
        String to;
        @Option(names = "--experiment", paramLabel = "NAME|ID", description = "An experiment to compare (repeatable).")
        List<String> experiments;
        @Option(names = "--model", paramLabel = "NAME", description = "A registered model to compare (repeatable).")
        List<String> models;
        @Option(names = "--all", description = "Every experiment and registered model (the default without a selection).")
        boolean all;
        @Option(names = "--artifact-content", description = "Also compare artifacts by content (SHA-256), not only by size.")
        boolean content;
        @Option(names = "--max-differences", paramLabel = "N", defaultValue = "1000",
                description = "List at most N differences (all are counted; default: ${DEFAULT-VALUE}).")
        int max;
        @Mixin
        VersionFlags versions;

        Diff(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (MlflowClient src = Transfers.client(ctx, from); MlflowClient dst = Transfers.client(ctx, to)) {
                MlflowDiff d = MlflowDiff.between(src, dst).experiments(list(experiments)).models(list(models))
                        .options(b -> b.versions(versions.selection())).artifactContent(content).maxDifferences(max);
                if (all || (empty(experiments) && empty(models))) {
                    d = d.all();
                }
                DiffReport report = d.compare();
                if (ctx.json()) {
                    ctx.printJson(Transfers.diffJson(report));
                } else {
                    ctx.out().print(report.render());
                    ctx.out().flush();
                }
                return report.hasDifferences() ? ExitCodes.FAILED : ExitCodes.OK;
            }
        }
    }

    private static boolean empty(List<String> l) {
        return l == null || l.isEmpty();
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }
}
