package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.transfer.TransferException;
import io.dataops4j.mlflow.transfer.VersionSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An export directory (written by mlflow-export-import or by dataops4j) as a transfer source; see
 * {@link ExportFormat} for the layouts it recognises. Runs are read one at a time, histories point by point.
 */
public final class DirectorySource implements Source {
    /** What the directory holds. */
    public enum Layout { RUN, EXPERIMENT, EXPERIMENTS, MODEL, BULK }

    private final Path root;
    private final Layout layout;
    /** Experiment id -> its directory, for layouts with experiment.json files. */
    private final Map<String, Path> experimentDirs = new LinkedHashMap<>();
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();
    /** Model name -> its model.json. */
    private final Map<String, Path> modelFiles = new LinkedHashMap<>();
    /** Experiment id -> name, learned from model versions ({@code _experiment_name}) for the model layout. */
    private final Map<String, String> versionExperimentNames = new LinkedHashMap<>();

    public DirectorySource(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) {
            throw new TransferException("export directory " + this.root + " does not exist");
        }
        this.layout = detect(this.root);
        index();
    }

    public Layout layout() {
        return layout;
    }

    private static Layout detect(Path root) {
        if (Files.isRegularFile(root.resolve(ExportFormat.RUN_JSON))) {
            return Layout.RUN;
        }
        if (Files.isRegularFile(root.resolve(ExportFormat.EXPERIMENT_JSON))) {
            return Layout.EXPERIMENT;
        }
        if (Files.isRegularFile(root.resolve(ExportFormat.MODEL_JSON))) {
            return Layout.MODEL;
        }
        if (Files.isRegularFile(root.resolve(ExportFormat.EXPERIMENTS_JSON))) {
            return Layout.EXPERIMENTS;
        }
        if (Files.isRegularFile(root.resolve(ExportFormat.MANIFEST_JSON)) || Files.isDirectory(root.resolve("experiments"))
                || Files.isDirectory(root.resolve("models"))) {
            return Layout.BULK;
        }
        throw new TransferException(root + " is not an MLflow export: it has none of run.json, experiment.json, model.json, "
                + "experiments.json, manifest.json, experiments/ or models/");
    }

    private void index() {
        switch (layout) {
            case EXPERIMENT -> addExperimentDir(root);
            case EXPERIMENTS -> indexExperiments(root);
            case BULK -> {
                Path exps = root.resolve("experiments");
                if (Files.isDirectory(exps)) {
                    indexExperiments(exps);
                }
                Path models = root.resolve("models");
                Path list = models.resolve(ExportFormat.MODELS_JSON);
                if (Files.isRegularFile(list)) {
                    for (Object n : ExportFormat.list(ExportFormat.mlflowSection(list).get("models"))) {
                        Path f = models.resolve(String.valueOf(n)).resolve(ExportFormat.MODEL_JSON);
                        if (Files.isRegularFile(f)) {
                            modelFiles.put(String.valueOf(n), f);
                        }
                    }
                } else if (Files.isDirectory(models)) {
                    for (Path d : children(models)) {
                        Path f = d.resolve(ExportFormat.MODEL_JSON);
                        if (Files.isRegularFile(f)) {
                            modelFiles.put(ExportFormat.model(registeredModel(f)).name(), f);
                        }
                    }
                }
            }
            case MODEL -> {
                Path f = root.resolve(ExportFormat.MODEL_JSON);
                modelFiles.put(ExportFormat.model(registeredModel(f)).name(), f);
            }
            case RUN -> {
            }
            default -> throw new IllegalStateException(layout.name());
        }
        for (Path f : modelFiles.values()) {
            for (Object v : ExportFormat.list(registeredModel(f).get("versions"))) {
                SourceVersion sv = ExportFormat.version(ExportFormat.map(v));
                if (sv.experimentName() != null && sv.version().runId() != null) {
                    Optional<Path> dir = runDir(sv.version().runId());
                    if (dir.isPresent()) {
                        String expId = ExportFormat.readRun(dir.get().resolve(ExportFormat.RUN_JSON)).info().experimentId();
                        versionExperimentNames.putIfAbsent(expId, sv.experimentName());
                    }
                }
            }
        }
    }

    private void indexExperiments(Path dir) {
        Path list = dir.resolve(ExportFormat.EXPERIMENTS_JSON);
        if (Files.isRegularFile(list)) {
            for (Object e : ExportFormat.list(ExportFormat.mlflowSection(list).get("experiments"))) {
                String id = ExportFormat.str(ExportFormat.map(e).get("id"));
                if (id != null && Files.isRegularFile(dir.resolve(id).resolve(ExportFormat.EXPERIMENT_JSON))) {
                    addExperimentDir(dir.resolve(id));
                }
            }
        } else {
            for (Path d : children(dir)) {
                if (Files.isRegularFile(d.resolve(ExportFormat.EXPERIMENT_JSON))) {
                    addExperimentDir(d);
                }
            }
        }
    }

    private void addExperimentDir(Path dir) {
        Experiment e = readExperiment(dir);
        experimentDirs.put(e.experimentId(), dir);
        experiments.put(e.experimentId(), e);
    }

    private static Experiment readExperiment(Path dir) {
        Path f = dir.resolve(ExportFormat.EXPERIMENT_JSON);
        try (JsonIn in = JsonIn.open(f)) {
            in.beginObject();
            while (in.hasNext()) {
                if (!in.nextName().equals("mlflow")) {
                    in.skipValue();
                    continue;
                }
                in.beginObject();
                while (in.hasNext()) {
                    if (in.nextName().equals("experiment")) {
                        return ExportFormat.experiment(ExportFormat.map(in.readValue()));
                    }
                    in.skipValue();
                }
                in.endObject();
            }
        }
        throw new TransferException(f + " has no mlflow.experiment");
    }

    private static Map<String, Object> registeredModel(Path modelJson) {
        return ExportFormat.map(ExportFormat.mlflowSection(modelJson).get("registered_model"));
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<Experiment> experiments() {
        if (layout == Layout.MODEL || layout == Layout.RUN) {
            List<Experiment> out = new ArrayList<>();
            for (Path d : layout == Layout.RUN ? List.of(root) : children(root)) {
                if (Files.isRegularFile(d.resolve(ExportFormat.RUN_JSON))) {
                    Experiment e = synthesized(ExportFormat.readRun(d.resolve(ExportFormat.RUN_JSON)).info().experimentId());
                    if (out.stream().noneMatch(x -> Objects.equals(x.experimentId(), e.experimentId()))) {
                        out.add(e);
                    }
                }
            }
            return out;
        }
        return List.copyOf(experiments.values());
    }

    private Experiment synthesized(String id) {
        String name = versionExperimentNames.getOrDefault(id, "Default");
        return new Experiment(id, name, null, LifecycleStage.ACTIVE, null, null, List.of());
    }

    @Override
    public Optional<Experiment> experiment(String idOrName) {
        for (Experiment e : experiments()) {
            if (idOrName.equals(e.experimentId())) {
                return Optional.of(e);
            }
        }
        return experiments().stream().filter(e -> idOrName.equals(e.name())).findFirst();
    }

    @Override
    public Experiment experimentOf(SourceRun run) {
        String id = run.run().info().experimentId();
        Experiment e = experiments.get(id);
        if (e != null && run.dir() != null && experimentDirs.containsKey(id)) {
            return e;
        }
        return e != null ? e : synthesized(id);
    }

    @Override
    public Stream<SourceRun> runs(Experiment experiment, RunSelector selector) {
        Path dir = experimentDirs.get(experiment.experimentId());
        if (dir == null) {
            List<Path> dirs = layout == Layout.RUN ? List.of(root) : children(root);
            return dirs.stream().filter(d -> Files.isRegularFile(d.resolve(ExportFormat.RUN_JSON)))
                    .map(d -> new SourceRun(ExportFormat.readRun(d.resolve(ExportFormat.RUN_JSON)), d))
                    .filter(r -> Objects.equals(r.run().info().experimentId(), experiment.experimentId()))
                    .filter(r -> selector.accepts(r.run()));
        }
        RunIds ids = new RunIds(dir.resolve(ExportFormat.EXPERIMENT_JSON));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(ids, Spliterator.ORDERED), false)
                .onClose(ids::close)
                .map(id -> experimentRunDir(dir, id))
                .filter(Optional::isPresent)
                .map(d -> new SourceRun(ExportFormat.readRun(d.get().resolve(ExportFormat.RUN_JSON)), d.get()))
                .filter(r -> selector.accepts(r.run()));
    }

    private static Optional<Path> experimentRunDir(Path experimentDir, String runId) {
        for (Path d : List.of(experimentDir.resolve(runId), experimentDir.resolve("runs").resolve(runId))) {
            if (Files.isRegularFile(d.resolve(ExportFormat.RUN_JSON))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private Optional<Path> runDir(String runId) {
        if (runId.contains("/") || runId.contains("\\") || runId.contains("..")) {
            return Optional.empty();
        }
        if (layout == Layout.RUN) {
            Path f = root.resolve(ExportFormat.RUN_JSON);
            return runId.equals(ExportFormat.readRun(f).id()) ? Optional.of(root) : Optional.empty();
        }
        if (layout == Layout.MODEL) {
            return experimentRunDir(root, runId);
        }
        for (Path d : experimentDirs.values()) {
            Optional<Path> p = experimentRunDir(d, runId);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<SourceRun> run(String runId) {
        return runDir(runId).map(d -> new SourceRun(ExportFormat.readRun(d.resolve(ExportFormat.RUN_JSON)), d));
    }

    @Override
    public Stream<Metric> metrics(SourceRun run) {
        return ExportFormat.readMetrics(run.dir().resolve(ExportFormat.RUN_JSON), null);
    }

    @Override
    public Stream<Metric> history(SourceRun run, String key) {
        return ExportFormat.readMetrics(run.dir().resolve(ExportFormat.RUN_JSON), key);
    }

    @Override
    public Stream<SourceArtifact> artifacts(SourceRun run) {
        Path dir = run.dir().resolve(ExportFormat.ARTIFACTS);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try {
            return Files.walk(dir).filter(Files::isRegularFile).sorted()
                    .map(f -> new SourceArtifact(Paths.relative(dir, f), size(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public InputStream open(SourceRun run, String path) {
        Path f = Paths.resolve(run.dir().resolve(ExportFormat.ARTIFACTS), path);
        try {
            return Files.newInputStream(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    @Override
    public ApiBody body(SourceRun run, SourceArtifact artifact) {
        return ApiBody.file(Paths.resolve(run.dir().resolve(ExportFormat.ARTIFACTS), artifact.path()),
                Paths.contentType(artifact.path()));
    }

    @Override
    public List<String> modelNames() {
        return List.copyOf(modelFiles.keySet());
    }

    @Override
    public Optional<RegisteredModel> model(String name) {
        Path f = modelFiles.get(name);
        return f == null ? Optional.empty() : Optional.of(ExportFormat.model(registeredModel(f)));
    }

    @Override
    public List<SourceVersion> versions(RegisteredModel model, VersionSelection selection) {
        Path f = modelFiles.get(model.name());
        if (f == null) {
            return List.of();
        }
        List<SourceVersion> all = new ArrayList<>();
        for (Object v : ExportFormat.list(registeredModel(f).get("versions"))) {
            all.add(ExportFormat.version(ExportFormat.map(v)));
        }
        all.sort(Comparator.comparingInt(SourceVersion::number));
        List<SourceVersion> out = new ArrayList<>();
        for (SourceVersion v : all) {
            ModelStage stage = v.version().currentStage() == null ? ModelStage.NONE : v.version().currentStage();
            boolean keep = switch (selection.kind()) {
                case ALL -> true;
                case STAGES -> selection.stages().contains(stage);
                case VERSIONS -> selection.versions().contains(v.version().version());
                case LATEST -> all.stream().filter(o -> stageOf(o) == stage).allMatch(o -> o.number() <= v.number());
            };
            if (keep) {
                out.add(v);
            }
        }
        return out;
    }

    private static ModelStage stageOf(SourceVersion v) {
        return v.version().currentStage() == null ? ModelStage.NONE : v.version().currentStage();
    }

    /** The run ids of an experiment.json, read lazily from {@code mlflow.runs}. */
    private static final class RunIds implements Iterator<String> {
        private final JsonIn in;
        private boolean open;
        private String next;

        RunIds(Path experimentJson) {
            in = JsonIn.open(experimentJson);
            in.beginObject();
            while (!open && in.hasNext()) {
                if (!in.nextName().equals("mlflow")) {
                    in.skipValue();
                    continue;
                }
                in.beginObject();
                while (in.hasNext()) {
                    if (in.nextName().equals("runs")) {
                        in.beginArray();
                        open = true;
                        break;
                    }
                    in.skipValue();
                }
                if (!open) {
                    break;
                }
            }
            if (!open) {
                in.close();
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && open) {
                if (in.hasNext()) {
                    next = in.nextString();
                } else {
                    close();
                }
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String s = next;
            next = null;
            return s;
        }

        void close() {
            if (open) {
                open = false;
                in.close();
            }
        }
    }
}
