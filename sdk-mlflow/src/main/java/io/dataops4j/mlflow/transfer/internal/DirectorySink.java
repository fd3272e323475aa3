package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.RegisteredModelAlias;
import io.dataops4j.mlflow.tracking.DatasetInput;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.ModelInput;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.transfer.Action;
import io.dataops4j.mlflow.transfer.PlannedModel;
import io.dataops4j.mlflow.transfer.TransferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An export directory in mlflow-export-import's format (see {@link ExportFormat}) as a transfer target. A run's
 * artifacts are written first, its run.json last (to a temporary file moved into place), so a run directory with a
 * run.json is complete: an interrupted export run again skips those (when their fingerprint still matches) and
 * redoes the rest. Experiment, model and bulk manifests are written at the end from what the directory holds.
 */
public final class DirectorySink implements Sink {
    private final Path root;
    private final DirectorySource.Layout layout;
    private final String sourceUri;
    private final Map<String, Entry> experiments = new LinkedHashMap<>();
    private final List<String> models = new ArrayList<>();

    /** A target experiment: its source, its name, its failed runs. */
    private static final class Entry {
        final Experiment source;
        final String name;
        final Path dir;
        final List<String> failed = new ArrayList<>();
        final long started = System.nanoTime();

        Entry(Experiment source, String name, Path dir) {
            this.source = source;
            this.name = name;
            this.dir = dir;
        }
    }

    public DirectorySink(Path root, DirectorySource.Layout layout, String sourceUri) {
        this.root = root.toAbsolutePath().normalize();
        this.layout = layout;
        this.sourceUri = sourceUri != null && sourceUri.endsWith("/") ? sourceUri.substring(0, sourceUri.length() - 1) : sourceUri;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<String> check(List<String> targetExperimentNames, List<String> targetModelNames) {
        List<String> errors = new ArrayList<>();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            errors.add(root + " exists and is not a directory");
        }
        for (String n : targetModelNames) {
            if (n.contains("/") || n.contains("\\") || n.equals("..") || n.equals(".")) {
                errors.add("model '" + n + "' cannot be exported: its name cannot be a directory name (rename it)");
            }
        }
        return errors;
    }

    private Path experimentDir(Experiment source) {
        return switch (layout) {
            case BULK, EXPERIMENTS -> root.resolve("experiments").resolve(source.experimentId());
            default -> root;
        };
    }

    @Override
    public ExperimentTarget inspectExperiment(Experiment source, String targetName) {
        Path dir = experimentDir(source);
        Action a = layout == DirectorySource.Layout.RUN || layout == DirectorySource.Layout.MODEL ? Action.SKIP
                : Files.exists(dir.resolve(ExportFormat.EXPERIMENT_JSON)) ? Action.UPDATE : Action.CREATE;
        return new ExperimentTarget(Files.isDirectory(dir) ? dir.toString() : null, targetName, a);
    }

    @Override
    public ExperimentTarget ensureExperiment(Experiment source, String targetName, Work work) {
        Path dir = experimentDir(source);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        synchronized (experiments) {
            experiments.putIfAbsent(dir.toString(), new Entry(source, targetName, dir));
        }
        return new ExperimentTarget(dir.toString(), targetName, Action.CREATE);
    }

    private Path runDir(ExperimentTarget target, String runId) {
        if (runId.contains("/") || runId.contains("\\") || runId.contains("..")) {
            throw new TransferException("unsafe run id: " + runId);
        }
        return layout == DirectorySource.Layout.RUN ? root : Path.of(target.key()).resolve(runId);
    }

    @Override
    public Copies copies(ExperimentTarget target) {
        if (target.key() == null) {
            return Copies.NONE;
        }
        return new Copies() {
            @Override
            public List<Copy> find(String sourceRunId) {
                Path dir = runDir(target, sourceRunId);
                Path json = dir.resolve(ExportFormat.RUN_JSON);
                if (Files.isRegularFile(json)) {
                    return List.of(new Copy(sourceRunId, TransferTags.COMPLETE, Fingerprint.parse(ExportFormat.fingerprint(json)),
                            null, null, null));
                }
                if (layout != DirectorySource.Layout.RUN && Files.isDirectory(dir)) {
                    return List.of(new Copy(sourceRunId, TransferTags.STARTED, null, null, null, null));
                }
                return List.of();
            }

            @Override
            public void put(String sourceRunId, Copy copy) {
            }
        };
    }

    @Override
    public boolean holdsParents() {
        return layout != DirectorySource.Layout.RUN;
    }

    @Override
    public boolean linksParents() {
        return false;
    }

    @Override
    public String parentLink(String sourceParentId, Copy parentCopy) {
        return sourceParentId;
    }

    @Override
    public void failed(ExperimentTarget target, String sourceRunId) {
        synchronized (experiments) {
            Entry e = experiments.get(target.key());
            if (e != null) {
                e.failed.add(sourceRunId);
            }
        }
    }

    @Override
    public Copy write(ExperimentTarget target, SourceRun run, Decision decision, String parentLink, Work work) {
        if (decision.action() == Action.SKIP) {
            return decision.keep();
        }
        Path dir = runDir(target, run.id());
        Path json = dir.resolve(ExportFormat.RUN_JSON);
        try {
            Files.deleteIfExists(json);
            Paths.deleteTree(dir.resolve(ExportFormat.ARTIFACTS));
            Files.createDirectories(dir);
            if (work.options.copyArtifacts()) {
                copyArtifacts(run, dir.resolve(ExportFormat.ARTIFACTS), work);
            }
            work.checkpoint();
            Fingerprint fp = Fingerprint.of(run.run());
            Path tmp = dir.resolve(ExportFormat.RUN_JSON + ".part");
            try (OutputStream os = Files.newOutputStream(tmp); JsonOut out = new JsonOut(os)) {
                writeRun(out, run, fp, work);
            }
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Copy(run.id(), TransferTags.COMPLETE, fp, run.run().info().lifecycleStage(), parentLink,
                    run.run().info().artifactUri());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run " + run.id() + " to " + dir, e);
        }
    }

    private static void copyArtifacts(SourceRun run, Path dir, Work work) throws IOException {
        try (Stream<SourceArtifact> files = work.source.artifacts(run)) {
            Iterator<SourceArtifact> it = files.iterator();
            while (it.hasNext()) {
                SourceArtifact a = it.next();
                work.checkpoint();
                Path target = Paths.resolve(dir, a.path());
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling(target.getFileName() + ".part");
                long n;
                try (InputStream in = work.source.open(run, a.path())) {
                    n = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                work.stats.artifactFiles.incrementAndGet();
                work.stats.artifactBytes.addAndGet(n);
            }
        }
    }

    private void writeRun(JsonOut out, SourceRun run, Fingerprint fp, Work work) {
        RunInfo i = run.run().info();
        out.beginObject();
        ExportFormat.writeSystem(out, "dataops4j export", sourceUri);
        out.name("info").beginObject().field(ExportFormat.FINGERPRINT_KEY, fp.encode()).endObject();
        out.name("mlflow").beginObject();
        out.name("info").beginObject();
        Map<String, Object> info = ExportFormat.infoFields(i);
        info.forEach((k, v) -> out.name(k).any(v));
        out.field("_start_time", i.startTime() == null ? null : ExportFormat.formatMillis(i.startTime().toEpochMilli()));
        out.field("_end_time", i.endTime() == null ? null : ExportFormat.formatMillis(i.endTime().toEpochMilli()));
        out.endObject();
        out.name("params").beginObject();
        for (Param p : run.run().data().params()) {
            out.field(p.key(), p.value());
        }
        out.endObject();
        out.name("metrics").beginObject();
        List<String> keys = run.run().data().metrics().stream().map(Metric::key).distinct().sorted().toList();
        long points = 0;
        for (String key : keys) {
            out.name(key).beginArray();
            try (Stream<Metric> history = work.source.history(run, key)) {
                Iterator<Metric> it = history.iterator();
                while (it.hasNext()) {
                    Metric m = it.next();
                    if (++points % 1000 == 0) {
                        work.checkpoint();
                    }
                    out.beginObject();
                    out.name("value").value(m.value());
                    out.name("timestamp").value(m.timestamp());
                    out.name("step").value(m.step());
                    out.field("model_id", m.modelId());
                    out.field("dataset_name", m.datasetName());
                    out.field("dataset_digest", m.datasetDigest());
                    out.field("run_id", (String) null);
                    out.endObject();
                }
            }
            out.endArray();
        }
        out.endObject();
        work.stats.metricPoints.addAndGet(points);
        out.name("tags").beginObject();
        TreeMap<String, String> tags = new TreeMap<>();
        for (Tag t : run.run().data().tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        tags.forEach(out::field);
        out.endObject();
        out.name("inputs").beginObject();
        out.name("dataset_inputs").beginArray();
        for (DatasetInput d : run.run().inputs().datasetInputs()) {
            out.beginObject();
            out.name("tags").beginArray();
            for (Tag t : d.tags()) {
                out.beginObject().field("key", t.key()).field("value", t.value()).endObject();
            }
            out.endArray();
            out.name("dataset").beginObject()
                    .field("name", d.dataset().name())
                    .field("digest", d.dataset().digest())
                    .field("source_type", d.dataset().sourceType())
                    .field("source", d.dataset().source())
                    .field("schema", d.dataset().schema())
                    .field("profile", d.dataset().profile())
                    .endObject();
            out.endObject();
        }
        out.endArray();
        out.name("model_inputs").beginArray();
        for (ModelInput m : run.run().inputs().modelInputs()) {
            out.beginObject().field("model_id", m.modelId()).endObject();
        }
        out.endArray();
        out.endObject();
        out.endObject();
        out.endObject();
    }

    // -------------------------------------------------------------------------------------------------- models

    private Path modelDir(String targetName) {
        return layout == DirectorySource.Layout.MODEL ? root : root.resolve("models").resolve(targetName);
    }

    @Override
    public PlannedModel inspectModel(RegisteredModel model, String targetName, List<SourceVersion> versions, Source source) {
        boolean exists = Files.isRegularFile(modelDir(targetName).resolve(ExportFormat.MODEL_JSON));
        List<String> aliases = model.aliases().stream().map(a -> a.alias() + " -> " + a.version()).toList();
        return new PlannedModel(model.name(), targetName, exists ? Action.UPDATE : Action.CREATE, exists ? 0 : versions.size(),
                exists ? versions.size() : 0, 0, aliases, List.of());
    }

    @Override
    public void copyModel(RegisteredModel model, String targetName, List<SourceVersion> versions, Work work) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (SourceVersion sv : versions) {
            work.checkpoint();
            ModelVersion v = sv.version();
            String item = "model " + model.name() + " version " + v.version();
            try {
                String runRoot = sv.runArtifactUri();
                String experimentName = sv.experimentName();
                if (v.runId() != null && !v.runId().isEmpty()) {
                    Copy run = work.run(v.runId());
                    if (run == null) {
                        throw new IllegalStateException("its run " + v.runId() + " is not in the source");
                    }
                    runRoot = runRoot == null ? run.artifactUri() : runRoot;
                }
                out.add(versionMap(v, targetName, runRoot,
                        experimentName == null ? null : work.options.experimentName(experimentName)));
                work.stats.version(Action.CREATE);
                work.stats.versionNumber(model.name(), targetName, v.version(), v.version());
                work.done(item + " (exported)");
            } catch (TransferAborted e) {
                throw e;
            } catch (RuntimeException e) {
                work.stats.versionsFailed.incrementAndGet();
                work.stats.fail(item, e);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("version", v.version());
                f.put("run_id", v.runId());
                f.put("error", e.getMessage());
                failed.add(f);
                if (work.options.failFast()) {
                    throw e;
                }
            }
        }
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("name", targetName);
        rm.put("creation_timestamp", model.creationTimestamp() == null ? null : model.creationTimestamp().toEpochMilli());
        rm.put("last_updated_timestamp", model.lastUpdatedTimestamp() == null ? null : model.lastUpdatedTimestamp().toEpochMilli());
        rm.put("description", model.description());
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Tag t : model.tags()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("key", t.key());
            tm.put("value", t.value());
            tags.add(tm);
        }
        rm.put("tags", tags);
        List<Map<String, Object>> aliases = new ArrayList<>();
        for (RegisteredModelAlias a : model.aliases()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("alias", a.alias());
            am.put("version", a.version());
            aliases.add(am);
        }
        rm.put("aliases", aliases);
        rm.put("versions", out);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("num_target_stages", work.options.versions().stages().size());
        info.put("num_target_versions", work.options.versions().versions().size());
        info.put("num_src_versions", versions.size());
        info.put("num_dst_versions", out.size());
        info.put("failed_versions", failed);
        info.put("export_latest_versions", work.options.versions().kind() == io.dataops4j.mlflow.transfer.VersionSelection.Kind.LATEST);
        writeFile(modelDir(targetName).resolve(ExportFormat.MODEL_JSON), "dataops4j export-model", info,
                Map.of("registered_model", rm));
        synchronized (models) {
            if (!models.contains(targetName)) {
                models.add(targetName);
            }
        }
        work.stats.modelsCreated.incrementAndGet();
    }

    private static Map<String, Object> versionMap(ModelVersion v, String targetName, String runRoot, String experimentName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aliases", new ArrayList<Object>(v.aliases()));
        m.put("creation_timestamp", v.creationTimestamp() == null ? null : v.creationTimestamp().toEpochMilli());
        ModelStage stage = v.currentStage() == null || v.currentStage() == ModelStage.UNKNOWN ? ModelStage.NONE : v.currentStage();
        m.put("current_stage", stage.wireName());
        m.put("description", v.description() == null ? "" : v.description());
        m.put("last_updated_timestamp", v.lastUpdatedTimestamp() == null ? null : v.lastUpdatedTimestamp().toEpochMilli());
        m.put("model_id", v.modelId());
        m.put("name", targetName);
        m.put("run_id", v.runId());
        m.put("run_link", v.runLink() == null ? "" : v.runLink());
        m.put("source", v.source());
        m.put("status", v.status() == null ? "READY" : v.status().name());
        m.put("status_message", v.statusMessage());
        Map<String, Object> tags = new TreeMap<>();
        for (Tag t : v.tags()) {
            tags.put(t.key(), t.value());
        }
        m.put("tags", tags);
        m.put("user_id", v.userId() == null ? "" : v.userId());
        m.put("version", v.version());
        m.put("_run_artifact_uri", runRoot);
        m.put("_experiment_name", experimentName);
        return m;
    }

    // ---------------------------------------------------------------------------------------------- manifests

    private void writeFile(Path file, String script, Map<String, Object> info, Map<String, Object> mlflow) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream os = Files.newOutputStream(tmp); JsonOut out = new JsonOut(os)) {
                out.beginObject();
                ExportFormat.writeSystem(out, script, sourceUri);
                if (info != null) {
                    out.name("info").any(info);
                }
                out.name("mlflow").any(mlflow);
                out.endObject();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void finish(Work work) {
        List<Map<String, Object>> list = new ArrayList<>();
        long totalOk = 0;
        long totalFailed = 0;
        List<Entry> entries;
        synchronized (experiments) {
            entries = new ArrayList<>(experiments.values());
        }
        if (layout == DirectorySource.Layout.EXPERIMENT || layout == DirectorySource.Layout.EXPERIMENTS
                || layout == DirectorySource.Layout.BULK) {
            for (Entry e : entries) {
                long ok = writeExperiment(e);
                totalOk += ok;
                totalFailed += e.failed.size();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.source.experimentId());
                m.put("name", e.name);
                m.put("ok_runs", ok);
                m.put("failed_runs", e.failed.size());
                m.put("duration", Math.round((System.nanoTime() - e.started) / 1e8) / 10.0);
                list.add(m);
            }
        }
        if (layout == DirectorySource.Layout.BULK || layout == DirectorySource.Layout.EXPERIMENTS) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("experiments", list.size());
            info.put("total_runs", totalOk + totalFailed);
            info.put("ok_runs", totalOk);
            info.put("failed_runs", totalFailed);
            Path dir = layout == DirectorySource.Layout.BULK ? root.resolve("experiments") : root;
            writeFile(dir.resolve(ExportFormat.EXPERIMENTS_JSON), "dataops4j export-experiments", info, Map.of("experiments", list));
        }
        if (layout == DirectorySource.Layout.BULK) {
            List<String> names;
            synchronized (models) {
                names = List.copyOf(models);
            }
            Map<String, Object> minfo = new LinkedHashMap<>();
            minfo.put("model_names", names);
            minfo.put("num_total_models", names.size());
            minfo.put("num_ok_models", names.size());
            minfo.put("num_failed_models", 0);
            minfo.put("failed_models", List.of());
            writeFile(root.resolve("models").resolve(ExportFormat.MODELS_JSON), "dataops4j export-models", minfo,
                    Map.of("models", names));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("tool", "dataops4j");
            Map<String, Object> exps = new LinkedHashMap<>();
            exps.put("experiments", list.size());
            exps.put("total_runs", totalOk + totalFailed);
            exps.put("ok_runs", totalOk);
            exps.put("failed_runs", totalFailed);
            info.put("experiments", exps);
            info.put("models", minfo);
            writeFile(root.resolve(ExportFormat.MANIFEST_JSON), "dataops4j export-all", info, Map.of());
        }
    }

    /** Writes an experiment.json listing the complete runs its directory holds; returns how many. */
    private long writeExperiment(Entry e) {
        Path file = e.dir.resolve(ExportFormat.EXPERIMENT_JSON);
        Path tmp = e.dir.resolve(ExportFormat.EXPERIMENT_JSON + ".part");
        long ok = 0;
        try (OutputStream os = Files.newOutputStream(tmp); JsonOut out = new JsonOut(os)) {
            out.beginObject();
            ExportFormat.writeSystem(out, "dataops4j export-experiment", sourceUri);
            List<String> failed;
            synchronized (experiments) {
                failed = List.copyOf(e.failed);
            }
            // counts are only known once the runs are listed: they follow in mlflow.runs; info repeats them after
            out.name("mlflow").beginObject();
            out.name("experiment").beginObject();
            Experiment x = e.source;
            out.field("experiment_id", x.experimentId());
            out.field("name", e.name);
            out.field("artifact_location", x.artifactLocation());
            out.field("lifecycle_stage", x.lifecycleStage() == LifecycleStage.DELETED ? "deleted" : "active");
            out.name("tags").any(new TreeMap<>(x.tagMap()));
            out.field("creation_time", x.creationTime() == null ? null : x.creationTime().toEpochMilli());
            out.field("last_update_time", x.lastUpdateTime() == null ? null : x.lastUpdateTime().toEpochMilli());
            out.field("_creation_time", x.creationTime() == null ? null : ExportFormat.formatMillis(x.creationTime().toEpochMilli()));
            out.field("_last_update_time", x.lastUpdateTime() == null ? null
                    : ExportFormat.formatMillis(x.lastUpdateTime().toEpochMilli()));
            out.endObject();
            out.name("runs").beginArray();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(e.dir)) {
                for (Path d : dirs) {
                    if (Files.isRegularFile(d.resolve(ExportFormat.RUN_JSON))) {
                        out.value(d.getFileName().toString());
                        ok++;
                    }
                }
            }
            out.endArray();
            out.endObject();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("num_total_runs", ok + failed.size());
            info.put("num_ok_runs", ok);
            info.put("num_failed_runs", failed.size());
            info.put("failed_runs", failed);
            out.name("info").any(info);
            out.endObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        return ok;
    }
}
