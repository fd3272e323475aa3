package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.RegisteredModelAlias;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.tracking.CreateLoggedModel;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.DatasetInput;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.LogBatchResult;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.LoggedModelInfo;
import io.dataops4j.mlflow.tracking.LoggedModelStatus;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.mlflow.tracking.RunUpdate;
import io.dataops4j.mlflow.tracking.SearchLoggedModels;
import io.dataops4j.mlflow.transfer.Action;
import io.dataops4j.mlflow.transfer.PlannedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A tracking server as a transfer target. A run is created with its original start time, name and user, tagged with
 * its source id and {@code state=started}; its params, tags and metric histories follow in packed {@code log-batch}
 * requests (histories streamed page by page), then its dataset inputs and artifacts (streamed from the source, never
 * through a temporary file), then its status and end time; only then is it tagged {@code state=complete} with the
 * source's fingerprint. Model versions are registered in source order, each waited for until READY; stages and
 * aliases follow.
 */
public final class ServerSink implements Sink {
    private static final long MLMODEL_MAX = 1024 * 1024;
    /** Tags a Databricks workspace sets itself and refuses (what mlflow-export-import drops there too). */
    private static final java.util.Set<String> DATABRICKS_READ_ONLY = java.util.Set.of("mlflow.user", "mlflow.log-model.history",
            "mlflow.rootRunId", "mlflow.experiment.sourceType", "mlflow.experiment.sourceId");

    private final MlflowClient client;
    private final int indexLimit;

    public ServerSink(MlflowClient client, int indexLimit) {
        this.client = client;
        this.indexLimit = indexLimit;
    }

    @Override
    public String describe() {
        return Redactor.url(client.trackingUri().toString());
    }

    /** Whether the target is a Databricks workspace (Unity Catalog names, no stages there). */
    boolean databricks() {
        String host = client.trackingUri().getHost();
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return host.endsWith(".databricks.com") || host.endsWith(".azuredatabricks.net") || host.endsWith(".databricks.azure.cn");
    }

    /** The tags of a source object this target can hold. */
    private TreeMap<String, String> settable(List<Tag> tags) {
        TreeMap<String, String> m = TransferTags.userTags(tags);
        if (databricks()) {
            m.keySet().removeAll(DATABRICKS_READ_ONLY);
        }
        return m;
    }

    public static boolean unityCatalogName(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> check(List<String> targetExperimentNames, List<String> targetModelNames) {
        List<String> errors = new ArrayList<>();
        if (databricks()) {
            for (String name : targetExperimentNames) {
                if (!name.startsWith("/")) {
                    errors.add("experiment '" + name + "': a Databricks workspace names experiments by absolute workspace "
                            + "paths: rename it (TransferOptions.renameExperiment(\"" + name + "\", \"/Shared/" + name + "\"))");
                }
            }
        } else {
            for (String name : targetModelNames) {
                if (unityCatalogName(name)) {
                    errors.add("model '" + name + "' has a three-part Unity Catalog name (catalog.schema.model), but the target "
                            + describe() + " is an open-source MLflow registry, which has no catalogs or schemas: rename it "
                            + "(TransferOptions.renameModel(\"" + name + "\", \"" + name.substring(name.lastIndexOf('.') + 1)
                            + "\"))");
                }
            }
        }
        return errors;
    }

    // ------------------------------------------------------------------------------------------- experiments

    @Override
    public ExperimentTarget inspectExperiment(Experiment source, String targetName) {
        Optional<Experiment> t = client.experiments().findByName(targetName);
        if (t.isEmpty()) {
            return new ExperimentTarget(null, targetName, Action.CREATE);
        }
        Experiment e = t.get();
        boolean same = e.lifecycleStage() != LifecycleStage.DELETED && missingTags(source, e).isEmpty();
        return new ExperimentTarget(e.experimentId(), targetName, same ? Action.SKIP : Action.UPDATE);
    }

    private Map<String, String> missingTags(Experiment source, Experiment target) {
        Map<String, String> want = settable(source.tags());
        Map<String, String> have = TransferTags.userTags(target.tags());
        Map<String, String> out = new TreeMap<>();
        want.forEach((k, v) -> {
            if (!v.equals(have.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public ExperimentTarget ensureExperiment(Experiment source, String targetName, Work work) {
        Optional<Experiment> t = client.experiments().findByName(targetName);
        if (t.isEmpty()) {
            List<Tag> tags = new ArrayList<>();
            settable(source.tags()).forEach((k, v) -> tags.add(Tag.of(k, v)));
            if (work.options.sourceTags()) {
                tags.addAll(experimentProvenance(source));
            }
            try {
                String id = client.experiments().create(targetName, tags);
                work.stats.experimentsCreated.incrementAndGet();
                return new ExperimentTarget(id, targetName, Action.CREATE);
            } catch (ConflictException e) {
                t = client.experiments().findByName(targetName);   // created meanwhile, or a deleted one holds the name
                if (t.isEmpty()) {
                    throw e;
                }
            }
        }
        Experiment e = t.get();
        boolean changed = false;
        if (e.lifecycleStage() == LifecycleStage.DELETED) {
            client.experiments().restore(e.experimentId());
            changed = true;
        }
        for (Map.Entry<String, String> tag : missingTags(source, e).entrySet()) {
            client.experiments().setTag(e.experimentId(), tag.getKey(), tag.getValue());
            changed = true;
        }
        if (changed) {
            work.stats.experimentsUpdated.incrementAndGet();
        }
        return new ExperimentTarget(e.experimentId(), targetName, changed ? Action.UPDATE : Action.SKIP);
    }

    private static List<Tag> experimentProvenance(Experiment e) {
        List<Tag> out = new ArrayList<>();
        out.add(Tag.of(TransferTags.FIELD_PREFIX + "experiment_id", e.experimentId()));
        out.add(Tag.of(TransferTags.FIELD_PREFIX + "name", e.name()));
        if (e.artifactLocation() != null) {
            out.add(Tag.of(TransferTags.FIELD_PREFIX + "artifact_location", e.artifactLocation()));
        }
        if (e.creationTime() != null) {
            out.add(Tag.of(TransferTags.FIELD_PREFIX + "creation_time", Long.toString(e.creationTime().toEpochMilli())));
            out.add(Tag.of(TransferTags.FIELD_PREFIX + "_creation_time", ExportFormat.formatMillis(e.creationTime().toEpochMilli())));
        }
        return out;
    }

    @Override
    public Copies copies(ExperimentTarget target) {
        return target.key() == null ? Copies.NONE : new ServerCopies(client, target.key(), indexLimit);
    }

    @Override
    public String parentLink(String sourceParentId, Copy parentCopy) {
        return parentCopy == null ? sourceParentId : parentCopy.runId();
    }

    // ---------------------------------------------------------------------------------------------------- runs

    @Override
    public Copy write(ExperimentTarget target, SourceRun run, Decision decision, String parentLink, Work work) {
        for (Copy c : decision.supersede()) {
            supersede(c);
        }
        return switch (decision.action()) {
            case SKIP -> decision.keep();
            case UPDATE -> update(decision.keep(), run, parentLink, work);
            case CREATE, REPLACE -> create(target.key(), run, parentLink, work);
        };
    }

    /** Marks a copy superseded and deletes it (it stays restorable, as every MLflow delete). */
    private void supersede(Copy c) {
        try {
            if (c.lifecycle() == LifecycleStage.DELETED) {
                client.runs().restore(c.runId());
            }
            client.runs().setTag(c.runId(), TransferTags.STATE, TransferTags.SUPERSEDED);
            client.runs().delete(c.runId());
        } catch (ResourceNotFoundException e) {
            // gone already
        }
    }

    private Copy create(String experimentId, SourceRun src, String parentLink, Work work) {
        RunInfo si = src.run().info();
        Fingerprint fp = Fingerprint.of(src.run());
        TreeMap<String, String> tags = settable(src.run().data().tags());
        tags.remove(TransferTags.PARENT);
        CreateRun.Builder create = CreateRun.builder(experimentId).runName(si.runName()).startTime(si.startTime())
                .userId(si.userId())
                .tag(TransferTags.SOURCE_RUN_ID, src.id())
                .tag(TransferTags.STATE, TransferTags.STARTED);
        if (parentLink != null) {
            create.tag(TransferTags.PARENT, parentLink);
        }
        Run dst = client.runs().create(create.build());
        String id = dst.id();
        work.checkpoint();

        List<Tag> rest = new ArrayList<>();
        tags.forEach((k, v) -> rest.add(Tag.of(k, v)));
        if (work.options.sourceTags()) {
            rest.addAll(TransferTags.runProvenance(ExportFormat.infoFields(si), tags));
        }
        try (Stream<Metric> metrics = work.source.metrics(src)) {
            Iterator<Metric> it = checkpointed(metrics.iterator(), work);
            LogBatchResult r = client.runs().logBatch(id, () -> it, src.run().data().params(), rest);
            work.stats.metricPoints.addAndGet(r.metrics());
        }
        work.checkpoint();
        List<DatasetInput> datasets = src.run().inputs().datasetInputs();
        if (!datasets.isEmpty()) {
            client.runs().logInputs(id, datasets, List.of());
        }
        if (work.options.copyArtifacts()) {
            copyArtifacts(src, id, dst.info().artifactUri(), work);
        }
        work.checkpoint();
        finish(id, src, fp, dst.info().lifecycleStage());
        return new Copy(id, TransferTags.COMPLETE, fp, si.lifecycleStage(), parentLink, dst.info().artifactUri());
    }

    /** Status, end time and name; then the complete marker; then the lifecycle (tags cannot be set on deleted runs). */
    private void finish(String id, SourceRun src, Fingerprint fp, LifecycleStage current) {
        RunInfo si = src.run().info();
        RunUpdate.Builder u = RunUpdate.builder().runName(si.runName());
        if (si.status() != null && si.status() != RunStatus.UNKNOWN) {
            u.status(si.status());
        }
        if (si.endTime() != null) {
            u.endTime(si.endTime());
        }
        client.runs().update(id, u.build());
        client.runs().logBatch(id, List.of(), List.of(),
                List.of(Tag.of(TransferTags.STATE, TransferTags.COMPLETE), Tag.of(TransferTags.FINGERPRINT, fp.encode())));
        if (si.lifecycleStage() == LifecycleStage.DELETED && current != LifecycleStage.DELETED) {
            client.runs().delete(id);
        }
    }

    private Copy update(Copy keep, SourceRun src, String parentLink, Work work) {
        String id = keep.runId();
        if (keep.lifecycle() == LifecycleStage.DELETED) {
            client.runs().restore(id);
        }
        Run current = client.runs().get(id);
        TreeMap<String, String> want = settable(src.run().data().tags());
        want.remove(TransferTags.PARENT);
        if (parentLink != null) {
            want.put(TransferTags.PARENT, parentLink);
        }
        TreeMap<String, String> have = TransferTags.userTags(current.data().tags());
        List<Tag> set = new ArrayList<>();
        want.forEach((k, v) -> {
            if (!v.equals(have.get(k))) {
                set.add(Tag.of(k, v));
            }
        });
        if (!set.isEmpty()) {
            client.runs().logBatch(id, List.of(), List.of(), set);
        }
        for (String k : have.keySet()) {
            if (!want.containsKey(k) && !k.equals("mlflow.runName") && !(databricks() && DATABRICKS_READ_ONLY.contains(k))) {
                client.runs().deleteTag(id, k);
            }
        }
        List<String> haveInputs = Fingerprint.datasets(current.inputs().datasetInputs());
        List<DatasetInput> missing = new ArrayList<>();
        for (DatasetInput in : src.run().inputs().datasetInputs()) {
            if (!haveInputs.contains(Fingerprint.datasets(List.of(in)).get(0))) {
                missing.add(in);
            }
        }
        if (!missing.isEmpty()) {
            client.runs().logInputs(id, missing, List.of());
        }
        work.checkpoint();
        Fingerprint fp = Fingerprint.of(src.run());
        finish(id, src, fp, LifecycleStage.ACTIVE);
        return new Copy(id, TransferTags.COMPLETE, fp, src.run().info().lifecycleStage(), parentLink, current.info().artifactUri());
    }

    private static Iterator<Metric> checkpointed(Iterator<Metric> in, Work work) {
        return new Iterator<>() {
            private long n;

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public Metric next() {
                if (++n % 1000 == 0) {
                    work.checkpoint();
                }
                Metric m = in.next();
                // logged models (MLflow 3) are not copied: a metric keeps its dataset but not its model id
                return m.modelId() == null && m.runId() == null ? m
                        : new Metric(m.key(), m.value(), m.timestamp(), m.step(), m.datasetName(), m.datasetDigest(), null, null);
            }
        };
    }

    private void copyArtifacts(SourceRun src, String runId, String artifactUri, Work work) {
        ArtifactRepository repo = artifactUri == null ? client.artifacts().forRun(runId) : client.artifacts().forUri(artifactUri);
        try (Stream<SourceArtifact> files = work.source.artifacts(src)) {
            Iterator<SourceArtifact> it = files.iterator();
            while (it.hasNext()) {
                SourceArtifact a = it.next();
                work.checkpoint();
                if (work.options.fixMlmodelRunId() && Paths.name(a.path()).equals("MLmodel") && a.size() <= MLMODEL_MAX) {
                    byte[] fixed = fixMlmodel(work.source, src, a.path(), runId);
                    repo.upload(a.path(), ApiBody.bytes(fixed, "application/octet-stream"));
                    work.stats.artifactBytes.addAndGet(fixed.length);
                } else {
                    repo.upload(a.path(), work.source.body(src, a));
                    work.stats.artifactBytes.addAndGet(Math.max(0, a.size()));
                }
                work.stats.artifactFiles.incrementAndGet();
            }
        }
    }

    /** An MLmodel file with its {@code run_id} pointing at the copy (what mlflow-export-import's mlmodel fix does). */
    static byte[] fixMlmodel(Source source, SourceRun src, String path, String newRunId) {
        try (InputStream in = source.open(src, path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // [ \t] rather than \s: the line's own newline (the file's last byte, when run_id is the last line) stays
            String fixed = text.replaceAll("(?m)^(run_id:[ \t]*)(['\"]?)" + java.util.regex.Pattern.quote(src.id()) + "(['\"]?)[ \t]*$",
                    "$1$2" + java.util.regex.Matcher.quoteReplacement(newRunId) + "$3");
            return fixed.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + path + " of run " + src.id(), e);
        }
    }

    // -------------------------------------------------------------------------------------------------- models

    /** The version numbers of a target model's copies, by source version. */
    private Map<String, ModelVersion> copiesOf(String targetName, String sourceName) {
        Map<String, ModelVersion> out = new LinkedHashMap<>();
        for (ModelVersion v : client.modelVersions().search(SearchModelVersions.ofModel(targetName))) {
            String sv = v.tag(TransferTags.SOURCE_VERSION);
            String sm = v.tag(TransferTags.SOURCE_MODEL);
            if (sv != null && (sm == null || sm.equals(sourceName))) {
                ModelVersion prev = out.get(sv);
                if (prev == null || v.status() == ModelVersionStatus.READY) {
                    out.put(sv, v);
                }
            }
        }
        return out;
    }

    private static Map<String, String> versionTags(ModelVersion v) {
        return TransferTags.userTags(v.tags());
    }

    private static boolean versionDiffers(ModelVersion src, ModelVersion dst, boolean stages) {
        if (!Objects.equals(nz(src.description()), nz(dst.description()))) {
            return true;
        }
        Map<String, String> have = versionTags(dst);
        for (Map.Entry<String, String> e : versionTags(src).entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                return true;
            }
        }
        return stages && stage(src) != stage(dst);
    }

    private static ModelStage stage(ModelVersion v) {
        return v.currentStage() == null || v.currentStage() == ModelStage.UNKNOWN ? ModelStage.NONE : v.currentStage();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public PlannedModel inspectModel(RegisteredModel model, String targetName, List<SourceVersion> versions, Source source) {
        Optional<RegisteredModel> t = client.registeredModels().find(targetName);
        List<String> notes = new ArrayList<>();
        Action action;
        Map<String, ModelVersion> copies = Map.of();
        if (t.isEmpty()) {
            action = Action.CREATE;
        } else {
            copies = copiesOf(targetName, model.name());
            action = modelDiffers(model, t.get()) ? Action.UPDATE : Action.SKIP;
        }
        long create = 0;
        long update = 0;
        long skip = 0;
        boolean stages = !databricks();
        for (SourceVersion sv : versions) {
            ModelVersion v = sv.version();
            ModelVersion c = copies.get(v.version());
            if (c == null || c.status() == ModelVersionStatus.FAILED_REGISTRATION) {
                create++;
            } else if (versionDiffers(v, c, stages)) {
                update++;
            } else {
                skip++;
            }
        }
        if (!stages && versions.stream().anyMatch(v -> stage(v.version()) != ModelStage.NONE)) {
            notes.add("the target has no stages (Unity Catalog): stages are not copied, aliases are");
        }
        List<String> aliases = new ArrayList<>();
        Map<String, String> copied = new LinkedHashMap<>();
        copies.forEach((k, v) -> copied.put(k, v.version()));
        for (RegisteredModelAlias a : model.aliases()) {
            if (versions.stream().noneMatch(v -> v.version().version().equals(a.version()))) {
                continue;
            }
            String want = copied.get(a.version());
            if (t.isEmpty() || want == null || !want.equals(t.get().aliasVersion(a.alias()))) {
                aliases.add(a.alias() + " -> " + a.version());
            }
        }
        return new PlannedModel(model.name(), targetName, action, create, update, skip, aliases, notes);
    }

    private static boolean modelDiffers(RegisteredModel src, RegisteredModel dst) {
        if (!Objects.equals(nz(src.description()), nz(dst.description()))) {
            return true;
        }
        Map<String, String> have = TransferTags.userTags(dst.tags());
        for (Map.Entry<String, String> e : TransferTags.userTags(src.tags()).entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void copyModel(RegisteredModel model, String targetName, List<SourceVersion> versions, Work work) {
        RegisteredModel dst = ensureModel(model, targetName, work);
        Map<String, ModelVersion> copies = copiesOf(targetName, model.name());
        boolean stages = !databricks();
        List<ModelVersion[]> done = new ArrayList<>();   // {source, target}
        for (SourceVersion sv : versions) {
            work.checkpoint();
            ModelVersion v = sv.version();
            String item = "model " + model.name() + " version " + v.version();
            try {
                ModelVersion c = copies.get(v.version());
                if (c != null && c.status() == ModelVersionStatus.PENDING_REGISTRATION) {
                    c = client.modelVersions().poll(targetName, c.version()).waitForCompletion(work.options.versionReadyTimeout());
                }
                if (c != null && c.status() == ModelVersionStatus.FAILED_REGISTRATION) {
                    client.modelVersions().delete(targetName, c.version());
                    c = null;
                }
                Action action;
                if (c == null) {
                    c = createVersion(targetName, model.name(), sv, work);
                    action = Action.CREATE;
                } else {
                    action = updateVersion(targetName, v, c) ? Action.UPDATE : Action.SKIP;
                }
                done.add(new ModelVersion[] {v, c});
                work.stats.versionNumber(model.name(), targetName, v.version(), c.version());
                if (action != Action.CREATE && stages && stage(v) != stage(c)) {
                    action = Action.UPDATE;
                }
                work.stats.version(action);
                work.done(item + " -> " + targetName + " version " + c.version() + " (" + action.verb() + ")");
            } catch (TransferAborted e) {
                throw e;
            } catch (RuntimeException e) {
                work.stats.versionsFailed.incrementAndGet();
                work.stats.fail(item, e);
                if (work.options.failFast()) {
                    throw e;
                }
            }
        }
        if (stages) {
            for (ModelVersion[] pair : done) {
                ModelStage want = stage(pair[0]);
                if (want != stage(pair[1])) {
                    client.modelVersions().transitionStage(targetName, pair[1].version(), want, false);
                }
            }
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        for (ModelVersion[] pair : done) {
            numbers.put(pair[0].version(), pair[1].version());
        }
        for (RegisteredModelAlias a : model.aliases()) {
            String target = numbers.get(a.version());
            if (target == null) {
                if (versions.stream().anyMatch(v -> v.version().version().equals(a.version()))) {
                    work.stats.warn("alias " + a.alias() + " of model " + model.name() + " points at version " + a.version()
                            + ", which was not copied");
                }
                continue;
            }
            if (!target.equals(dst.aliasVersion(a.alias()))) {
                client.registeredModels().setAlias(targetName, a.alias(), target);
            }
        }
    }

    private RegisteredModel ensureModel(RegisteredModel model, String targetName, Work work) {
        Optional<RegisteredModel> t = client.registeredModels().find(targetName);
        if (t.isEmpty()) {
            List<Tag> tags = new ArrayList<>();
            TransferTags.userTags(model.tags()).forEach((k, v) -> tags.add(Tag.of(k, v)));
            if (work.options.sourceTags()) {
                tags.add(Tag.of(TransferTags.FIELD_PREFIX + "name", model.name()));
                if (model.creationTimestamp() != null) {
                    long ts = model.creationTimestamp().toEpochMilli();
                    tags.add(Tag.of(TransferTags.FIELD_PREFIX + "creation_timestamp", Long.toString(ts)));
                    tags.add(Tag.of(TransferTags.FIELD_PREFIX + "_creation_timestamp", ExportFormat.formatMillis(ts)));
                }
            }
            try {
                RegisteredModel created = client.registeredModels().create(targetName, model.description(), tags);
                work.stats.modelsCreated.incrementAndGet();
                return created;
            } catch (ConflictException e) {
                t = client.registeredModels().find(targetName);
                if (t.isEmpty()) {
                    throw e;
                }
            }
        }
        RegisteredModel dst = t.get();
        boolean changed = false;
        if (!Objects.equals(nz(model.description()), nz(dst.description()))) {
            client.registeredModels().updateDescription(targetName, model.description());
            changed = true;
        }
        Map<String, String> have = TransferTags.userTags(dst.tags());
        for (Map.Entry<String, String> e : TransferTags.userTags(model.tags()).entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                client.registeredModels().setTag(targetName, e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) {
            work.stats.modelsUpdated.incrementAndGet();
        }
        return dst;
    }

    private ModelVersion createVersion(String targetName, String sourceName, SourceVersion sv, Work work) {
        ModelVersion v = sv.version();
        String sourceUri;
        String runId = null;
        String modelId = null;
        if (v.source() != null && v.source().startsWith("models:/")) {
            LoggedModel copy = copyLoggedModel(loggedModelId(v), v.runId(), work);
            modelId = copy.id();
            sourceUri = copy.uri();
            String srcRun = copy.info().sourceRunId();
            runId = srcRun == null || srcRun.isEmpty() ? null : srcRun;
        } else if (v.runId() != null && !v.runId().isEmpty()) {
            Copy run = work.run(v.runId());
            if (run == null) {
                throw new IllegalStateException("its run " + v.runId() + " is not in the source");
            }
            runId = run.runId();
            String root = run.artifactUri() != null ? run.artifactUri() : client.runs().get(runId).info().artifactUri();
            String rel = relativeSource(v.source(), v.runId(), sv.runArtifactUri());
            sourceUri = rel.isEmpty() ? root : root + "/" + rel;
        } else {
            sourceUri = v.source();
        }
        CreateModelVersion.Builder b = CreateModelVersion.builder(targetName, sourceUri).runId(runId).modelId(modelId)
                .description(v.description() == null || v.description().isEmpty() ? null : v.description());
        if (v.runLink() != null && !v.runLink().isEmpty()) {
            b.runLink(v.runLink());
        }
        versionTags(v).forEach(b::tag);
        b.tag(TransferTags.SOURCE_MODEL, sourceName).tag(TransferTags.SOURCE_VERSION, v.version());
        if (v.runId() != null) {
            b.tag(TransferTags.SOURCE_VERSION_RUN, v.runId());
        }
        return client.modelVersions().createAndWait(b.build(), work.options.versionReadyTimeout());
    }

    /** The logged model id of a version registered from one ({@code models:/m-...}). */
    static String loggedModelId(ModelVersion v) {
        if (v.modelId() != null && !v.modelId().isEmpty()) {
            return v.modelId();
        }
        String id = v.source().substring("models:/".length());
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /**
     * The copy of a logged model (MLflow 3) in the target: found by its source id tag when a previous transfer made
     * it READY, else made now (a half-made copy left by a crash is deleted first): created in the copy of its
     * experiment, linked to the copy of its source run, with its name, type, params and tags; its artifacts
     * streamed; then finalized with the source's status.
     */
    private LoggedModel copyLoggedModel(String sourceId, String versionRunId, Work work) {
        LoggedModel src = work.source.loggedModel(sourceId).orElseThrow(() -> new IllegalStateException(
                "it was registered from logged model " + sourceId + ", which is not in " + work.source.describe()));
        LoggedModelInfo si = src.info();
        String srcRun = si.sourceRunId() != null && !si.sourceRunId().isEmpty() ? si.sourceRunId() : versionRunId;
        String targetRun = null;
        if (srcRun != null && !srcRun.isEmpty()) {
            Copy run = work.run(srcRun);
            if (run == null) {
                throw new IllegalStateException("its logged model's run " + srcRun + " is not in the source");
            }
            targetRun = run.runId();
        }
        Experiment e = work.source.experiment(si.experimentId()).orElseThrow(() -> new IllegalStateException(
                "the experiment " + si.experimentId() + " of logged model " + sourceId + " is not in " + work.source.describe()));
        String experimentId = ensureExperiment(e, work.options.experimentName(e.name()), work).key();
        LoggedModel keep = null;
        for (LoggedModel m : client.loggedModels().search(SearchLoggedModels.builder().experimentIds(experimentId)
                .filter("tags.`" + TransferTags.SOURCE_LOGGED_MODEL + "` = '" + sourceId + "'").build())) {
            if (keep == null && m.info().status() == si.status() && sourceId.equals(m.info().tag(TransferTags.SOURCE_LOGGED_MODEL))) {
                keep = m;
            } else {
                client.loggedModels().delete(m.id());   // half-made by an interrupted transfer
            }
        }
        if (keep != null) {
            return keep;
        }
        CreateLoggedModel.Builder create = CreateLoggedModel.builder(experimentId).name(si.name())
                .modelType(si.modelType() == null || si.modelType().isEmpty() ? null : si.modelType())
                .sourceRunId(targetRun).params(src.data().params());
        for (Tag t : si.tags()) {
            if (!TransferTags.isTransferTag(t.key()) && !t.key().equals("mlflow.modelVersions")) {
                create.tag(t.key(), t.value());
            }
        }
        create.tag(TransferTags.SOURCE_LOGGED_MODEL, sourceId);
        LoggedModel dst = client.loggedModels().create(create.build());
        work.checkpoint();
        ArtifactRepository from = work.source.loggedModelArtifacts(src);
        ArtifactRepository to = client.loggedModels().artifacts(dst);
        for (ArtifactFile f : from.listRecursive("")) {
            if (f.isDir()) {
                continue;
            }
            long size = f.fileSize() == null ? -1 : f.fileSize();
            to.upload(f.path(), ApiBody.stream(() -> from.open(f.path()), size, Paths.contentType(f.path())));
            work.stats.artifactFiles.incrementAndGet();
            work.stats.artifactBytes.addAndGet(Math.max(0, size));
        }
        if (si.status() != null && si.status() != LoggedModelStatus.UNKNOWN && si.status() != LoggedModelStatus.LOGGED_MODEL_PENDING) {
            dst = client.loggedModels().finalize(dst.id(), si.status());
        }
        return dst;
    }

    /**
     * Where a version's files are relative to its run's artifact root: after the run's root when known, else after
     * {@code <run_id>/artifacts/} in the source URI (what mlflow-export-import does).
     */
    public static String relativeSource(String source, String runId, String runRoot) {
        if (source == null) {
            return "";
        }
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        if (runRoot != null && !runRoot.isEmpty()) {
            String r = runRoot.endsWith("/") ? runRoot.substring(0, runRoot.length() - 1) : runRoot;
            if (s.equals(r)) {
                return "";
            }
            if (s.startsWith(r + "/")) {
                return s.substring(r.length() + 1);
            }
        }
        String marker = runId + "/artifacts";
        int i = s.indexOf(marker);
        if (i >= 0) {
            String rest = s.substring(i + marker.length());
            return rest.startsWith("/") ? rest.substring(1) : rest;
        }
        throw new IllegalStateException("cannot tell where its source " + source + " lies within the artifacts of run " + runId);
    }

    private boolean updateVersion(String targetName, ModelVersion src, ModelVersion dst) {
        boolean changed = false;
        if (!Objects.equals(nz(src.description()), nz(dst.description()))) {
            client.modelVersions().updateDescription(targetName, dst.version(), nz(src.description()));
            changed = true;
        }
        Map<String, String> have = versionTags(dst);
        for (Map.Entry<String, String> e : versionTags(src).entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                client.modelVersions().setTag(targetName, dst.version(), e.getKey(), e.getValue());
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public void finish(Work work) {
        // nothing is written at the end on a server
    }
}
