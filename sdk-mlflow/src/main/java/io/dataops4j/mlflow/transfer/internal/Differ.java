package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.RegisteredModelAlias;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.mlflow.tracking.ViewType;
import io.dataops4j.mlflow.transfer.DiffReport;
import io.dataops4j.mlflow.transfer.Difference;
import io.dataops4j.mlflow.transfer.TransferException;
import io.dataops4j.mlflow.transfer.TransferOptions;
import io.dataops4j.mlflow.transfer.VersionSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a selection of a source (a tracking server or an export) with its copy on a tracking server: experiments
 * (tags, lifecycle), runs (matched by their source id tag: name, status, start and end time, lifecycle, user,
 * params, tags, parent link, dataset inputs, every metric point, artifacts by path and size, optionally by content),
 * registered models (description, tags, aliases) and versions (matched by their source version tag, else by number:
 * description, tags, stage, status, run, source path). Ids and the timestamps a server sets itself (experiment
 * creation time, model and version timestamps) are not compared. Memory holds one run and one history page at a
 * time, and an index of the target experiment's run ids (bounded).
 */
public final class Differ {
    private final Source source;
    private final MlflowClient target;
    /** Runs compared per chunk (their histories are read together). */
    private static final int CHUNK = 100;
    private final ServerSource targetSource;
    private final TransferOptions options;
    private final Engine.Selection selection;
    private final boolean artifacts;
    private final boolean content;
    private final int max;
    private final List<Difference> differences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long total;
    private long experiments;
    private long runs;
    private long models;
    private long versions;

    public Differ(Source source, MlflowClient target, TransferOptions options, Engine.Selection selection, boolean artifacts,
                  boolean content, int maxDifferences) {
        this.source = source;
        this.target = target;
        this.targetSource = new ServerSource(target, options.metricPageSize(), true);
        this.options = options;
        this.selection = selection;
        this.artifacts = artifacts;
        this.content = content;
        this.max = maxDifferences;
    }

    private void add(Difference.Kind kind, String object, String field, Object s, Object t) {
        total++;
        if (differences.size() < max) {
            differences.add(new Difference(kind, object, field, s == null ? null : String.valueOf(s), t == null ? null : String.valueOf(t)));
        }
    }

    public DiffReport compare() {
        List<String> errors = new ArrayList<>();
        Engine.Selection sel = selection;
        if (sel.isEmpty()) {
            if (source instanceof DirectorySource) {
                sel = new Engine.Selection(List.of(), List.of(), List.of(), true);
            } else {
                throw new TransferException("nothing selected: name experiments, runs or models, or select all()");
            }
        }
        Engine.Resolution res = Engine.resolve(source, sel, errors);
        if (!errors.isEmpty()) {
            throw new TransferException("cannot compare:\n  - " + String.join("\n  - ", errors));
        }
        for (Engine.Scope s : res.scopes()) {
            experiment(s);
        }
        for (RegisteredModel m : res.models()) {
            model(m);
        }
        return new DiffReport(source.describe(), Redactor.url(target.trackingUri().toString()), differences, total, experiments,
                runs, models, versions, notes);
    }

    private RunSelector selector() {
        return new RunSelector(options.includeDeletedRuns(), options.runsStartedAfter(), options.runsStartedBefore(),
                options.runFilter());
    }

    // ------------------------------------------------------------------------------------------- experiments

    private void experiment(Engine.Scope s) {
        experiments++;
        Experiment e = s.experiment();
        String name = options.experimentName(e.name());
        String obj = "experiment \"" + name + "\"";
        Optional<Experiment> found = target.experiments().findByName(name);
        Stream<SourceRun> sourceRuns = s.runIds() != null ? s.runIds().stream().map(source::run).flatMap(Optional::stream)
                : source.runs(e, selector());
        if (found.isEmpty()) {
            add(Difference.Kind.MISSING, obj, null, e.name(), null);
            try (sourceRuns) {
                sourceRuns.forEach(r -> {
                    runs++;
                    add(Difference.Kind.MISSING, runName(r.run(), name), null, r.id(), null);
                });
            }
            return;
        }
        Experiment t = found.get();
        if (e.lifecycleStage() != t.lifecycleStage()) {
            add(Difference.Kind.CHANGED, obj, "lifecycle_stage", e.lifecycleStage(), t.lifecycleStage());
        }
        maps(obj, "tags.", TransferTags.userTags(e.tags()), TransferTags.userTags(t.tags()));
        TargetRuns index = new TargetRuns(t.experimentId(), s.runIds() == null);
        try (sourceRuns) {
            Iterator<SourceRun> it = sourceRuns.iterator();
            List<SourceRun> chunk = new ArrayList<>();
            List<Run> copies = new ArrayList<>();
            List<List<String>> matched = new ArrayList<>();
            while (it.hasNext()) {
                // a chunk at a time, announced to both sides, so that histories are read for many runs at once
                chunk.clear();
                copies.clear();
                matched.clear();
                while (chunk.size() < CHUNK && it.hasNext()) {
                    SourceRun r = it.next();
                    List<String> matches = index.find(r.id());
                    Run copy = matches.isEmpty() ? null : target.runs().get(matches.get(0));
                    chunk.add(r);
                    copies.add(copy);
                    matched.add(matches);
                    if (copy != null) {
                        source.expect(r);
                        targetSource.expect(new SourceRun(copy, null));
                    }
                }
                for (int i = 0; i < chunk.size(); i++) {
                    SourceRun r = chunk.get(i);
                    runs++;
                    String robj = runName(r.run(), name);
                    List<String> matches = matched.get(i);
                    index.matched(r.id());
                    try {
                        if (copies.get(i) == null) {
                            add(Difference.Kind.MISSING, robj, null, r.id(), null);
                            continue;
                        }
                        if (matches.size() > 1) {
                            add(Difference.Kind.DUPLICATE, robj, null, r.id(), String.join(", ", matches));
                        }
                        run(r, copies.get(i), robj, index);
                    } finally {
                        source.release(r.id());
                        if (copies.get(i) != null) {
                            targetSource.release(copies.get(i).id());
                        }
                    }
                }
            }
        }
        if (s.runIds() == null) {
            if (index.complete()) {
                for (Map.Entry<String, String> extra : index.unmatched().entrySet()) {
                    add(Difference.Kind.EXTRA, "run " + extra.getKey() + " of experiment \"" + name + "\"", null, null,
                            extra.getValue() == null ? "not copied from the source" : "copy of source run " + extra.getValue());
                }
            } else {
                notes.add(obj + " has more runs than the index limit (" + options.indexLimit()
                        + "): runs only in the target were not looked for");
            }
        }
    }

    private static String runName(Run r, String experiment) {
        String n = r.info().runName();
        return "run " + r.id() + (n == null ? "" : " (\"" + n + "\")") + " of experiment \"" + experiment + "\"";
    }

    private void maps(String obj, String prefix, Map<String, String> s, Map<String, String> t) {
        TreeSet<String> keys = new TreeSet<>(s.keySet());
        keys.addAll(t.keySet());
        for (String k : keys) {
            String a = s.get(k);
            String b = t.get(k);
            if (a == null) {
                add(Difference.Kind.EXTRA, obj, prefix + k, null, b);
            } else if (b == null) {
                add(Difference.Kind.MISSING, obj, prefix + k, a, null);
            } else if (!a.equals(b)) {
                add(Difference.Kind.CHANGED, obj, prefix + k, a, b);
            }
        }
    }

    private void field(String obj, String field, Object s, Object t) {
        if (!Objects.equals(s, t)) {
            add(Difference.Kind.CHANGED, obj, field, s, t);
        }
    }

    private void run(SourceRun s, Run t, String obj, TargetRuns index) {
        RunInfo a = s.run().info();
        RunInfo b = t.info();
        field(obj, "run_name", a.runName(), b.runName());
        field(obj, "status", a.status(), b.status());
        field(obj, "start_time", a.startTime(), b.startTime());
        field(obj, "end_time", a.endTime(), b.endTime());
        field(obj, "lifecycle_stage", a.lifecycleStage(), b.lifecycleStage());
        field(obj, "user_id", nz(a.userId()), nz(b.userId()));
        Map<String, String> pa = new TreeMap<>();
        for (Param p : s.run().data().params()) {
            pa.put(p.key(), p.value());
        }
        Map<String, String> pb = new TreeMap<>();
        for (Param p : t.data().params()) {
            pb.put(p.key(), p.value());
        }
        maps(obj, "params.", pa, pb);
        TreeMap<String, String> ta = TransferTags.userTags(s.run().data().tags());
        TreeMap<String, String> tb = TransferTags.userTags(t.data().tags());
        String parentA = ta.remove(TransferTags.PARENT);
        String parentB = tb.remove(TransferTags.PARENT);
        maps(obj, "tags.", ta, tb);
        String parentOfCopy = parentB == null ? null : index.sourceOf(parentB);
        if (!Objects.equals(parentA, parentOfCopy)) {
            add(Difference.Kind.CHANGED, obj, "parent", parentA, parentB == null ? null
                    : parentB + (parentOfCopy == null ? " (not a copy)" : " (copy of " + parentOfCopy + ")"));
        }
        List<String> da = Fingerprint.datasets(s.run().inputs().datasetInputs());
        List<String> db = Fingerprint.datasets(t.inputs().datasetInputs());
        if (!da.equals(db)) {
            add(Difference.Kind.CHANGED, obj, "inputs.datasets", da, db);
        }
        Set<String> ka = new TreeSet<>();
        s.run().data().metrics().forEach(m -> ka.add(m.key()));
        Set<String> kb = new TreeSet<>();
        t.data().metrics().forEach(m -> kb.add(m.key()));
        Set<String> keys = new TreeSet<>(ka);
        keys.addAll(kb);
        for (String k : keys) {
            if (!ka.contains(k)) {
                add(Difference.Kind.EXTRA, obj, "metrics." + k, null, "a metric");
            } else if (!kb.contains(k)) {
                add(Difference.Kind.MISSING, obj, "metrics." + k, "a metric", null);
            } else {
                history(obj, k, s, new SourceRun(t, null));
            }
        }
        if (artifacts) {
            artifacts(obj, s, new SourceRun(t, null));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void history(String obj, String key, SourceRun s, SourceRun t) {
        try (Stream<Metric> a = source.history(s, key); Stream<Metric> b = targetSource.history(t, key)) {
            Iterator<Metric> ia = a.iterator();
            Iterator<Metric> ib = b.iterator();
            long i = 0;
            while (ia.hasNext() && ib.hasNext()) {
                Metric x = ia.next();
                Metric y = ib.next();
                if (x.step() != y.step() || x.timestamp() != y.timestamp() || Double.compare(x.value(), y.value()) != 0) {
                    add(Difference.Kind.CHANGED, obj, "metrics." + key + "[" + i + "]", point(x), point(y));
                    return;
                }
                i++;
            }
            if (ia.hasNext() || ib.hasNext()) {
                long na = i;
                long nb = i;
                while (ia.hasNext()) {
                    ia.next();
                    na++;
                }
                while (ib.hasNext()) {
                    ib.next();
                    nb++;
                }
                add(Difference.Kind.CHANGED, obj, "metrics." + key, na + " points", nb + " points");
            }
        }
    }

    private static String point(Metric m) {
        return JsonOut.formatDouble(m.value()) + " at step " + m.step() + ", time " + m.timestamp();
    }

    private void artifacts(String obj, SourceRun s, SourceRun t) {
        Map<String, Long> a = new TreeMap<>();
        try (Stream<SourceArtifact> files = source.artifacts(s)) {
            files.forEach(f -> a.put(f.path(), f.size()));
        }
        Map<String, Long> b = new TreeMap<>();
        try (Stream<SourceArtifact> files = targetSource.artifacts(t)) {
            files.forEach(f -> b.put(f.path(), f.size()));
        }
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String p : paths) {
            Long x = a.get(p);
            Long y = b.get(p);
            if (x == null) {
                add(Difference.Kind.EXTRA, obj, "artifacts/" + p, null, y + " bytes");
            } else if (y == null) {
                add(Difference.Kind.MISSING, obj, "artifacts/" + p, x + " bytes", null);
            } else if (x >= 0 && y >= 0 && !x.equals(y)) {
                add(Difference.Kind.CHANGED, obj, "artifacts/" + p, x + " bytes", y + " bytes");
            } else if (content) {
                String ha = hash(source, s, p);
                String hb = hash(targetSource, t, p);
                if (!ha.equals(hb)) {
                    add(Difference.Kind.CHANGED, obj, "artifacts/" + p, "sha256 " + ha, "sha256 " + hb);
                }
            }
        }
    }

    /** The SHA-256 of an artifact; an MLmodel file's {@code run_id} line is left out (a copy points at itself). */
    private static String hash(Source src, SourceRun run, String path) {
        try (InputStream in = src.open(run, path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Paths.name(path).equals("MLmodel")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^run_id:.*$", "run_id:");
                md.update(text.getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + path + " of run " + run.id(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runs of a target experiment: copies by source id, and (bounded) every run for extras. */
    private final class TargetRuns {
        private final String experimentId;
        private Map<String, List<String>> bySource = new HashMap<>();
        private Map<String, String> sourceOf = new HashMap<>();
        private Set<String> matched = new HashSet<>();

        TargetRuns(String experimentId, boolean filtered) {
            this.experimentId = experimentId;
            RunSelector sel = selector();
            int n = 0;
            for (Run r : target.runs().search(SearchRuns.builder().experimentIds(experimentId)
                    .viewType(ViewType.ALL).filter(filtered ? sel.serverFilter() : null).pageSize(1000).build())) {
                if (++n > options.indexLimit()) {
                    bySource = null;
                    sourceOf = null;
                    matched = null;
                    return;
                }
                Copy c = Copy.of(r);
                if (c.superseded()) {
                    continue;
                }
                if (!options.includeDeletedRuns() && r.info().lifecycleStage() == LifecycleStage.DELETED) {
                    continue;
                }
                String src = r.data().tag(TransferTags.SOURCE_RUN_ID);
                sourceOf.put(r.id(), src);
                if (src != null) {
                    bySource.computeIfAbsent(src, k -> new ArrayList<>(1)).add(r.id());
                }
            }
        }

        boolean complete() {
            return bySource != null;
        }

        List<String> find(String sourceRunId) {
            if (bySource != null) {
                return bySource.getOrDefault(sourceRunId, List.of());
            }
            List<String> out = new ArrayList<>();
            for (Run r : target.runs().search(SearchRuns.builder().experimentIds(experimentId).viewType(ViewType.ALL)
                    .filter("tags.`" + TransferTags.SOURCE_RUN_ID + "` = '" + sourceRunId.replace("'", "") + "'").build())) {
                if (!Copy.of(r).superseded()) {
                    out.add(r.id());
                }
            }
            return out;
        }

        void matched(String sourceRunId) {
            if (matched != null) {
                matched.add(sourceRunId);
            }
        }

        /** The source run a target run copies, or null when it is not a copy. */
        String sourceOf(String targetRunId) {
            if (sourceOf != null && sourceOf.containsKey(targetRunId)) {
                return sourceOf.get(targetRunId);
            }
            try {
                return target.runs().get(targetRunId).data().tag(TransferTags.SOURCE_RUN_ID);
            } catch (ResourceNotFoundException e) {
                return null;
            }
        }

        /** Target run id -> the source run it copies (null for runs not copied), for runs no source run matched. */
        Map<String, String> unmatched() {
            Map<String, String> out = new TreeMap<>();
            sourceOf.forEach((id, src) -> {
                if (src == null || !matched.contains(src)) {
                    out.put(id, src);
                }
            });
            return out;
        }
    }

    // -------------------------------------------------------------------------------------------------- models

    private void model(RegisteredModel m) {
        models++;
        String name = options.modelName(m.name());
        String obj = "model \"" + name + "\"";
        List<SourceVersion> sv = source.versions(m, options.versions());
        Optional<RegisteredModel> found = target.registeredModels().find(name);
        if (found.isEmpty()) {
            add(Difference.Kind.MISSING, obj, null, m.name(), null);
            versions += sv.size();
            return;
        }
        RegisteredModel t = found.get();
        field(obj, "description", nz(m.description()), nz(t.description()));
        maps(obj, "tags.", TransferTags.userTags(m.tags()), TransferTags.userTags(t.tags()));
        List<ModelVersion> tv = target.modelVersions().search(SearchModelVersions.ofModel(name)).toList();
        boolean tagged = tv.stream().anyMatch(v -> v.tag(TransferTags.SOURCE_VERSION) != null);
        Map<String, ModelVersion> byVersion = new LinkedHashMap<>();
        for (ModelVersion v : tv) {
            String key = tagged ? v.tag(TransferTags.SOURCE_VERSION) : v.version();
            String sm = v.tag(TransferTags.SOURCE_MODEL);
            if (key != null && (sm == null || sm.equals(m.name()))) {
                byVersion.put(key, v);
            }
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (SourceVersion s : sv) {
            versions++;
            ModelVersion a = s.version();
            String vobj = obj + " version " + a.version();
            ModelVersion b = byVersion.get(a.version());
            if (b == null) {
                add(Difference.Kind.MISSING, vobj, null, a.version(), null);
                continue;
            }
            used.add(b.version());
            numbers.put(a.version(), b.version());
            field(vobj, "description", nz(a.description()), nz(b.description()));
            maps(vobj, "tags.", TransferTags.userTags(a.tags()), TransferTags.userTags(b.tags()));
            field(vobj, "current_stage", stage(a), stage(b));
            field(vobj, "status", a.status(), b.status());
            String runOfCopy = null;
            String targetRoot = null;
            if (b.runId() != null && !b.runId().isEmpty()) {
                try {
                    Run r = target.runs().get(b.runId());
                    runOfCopy = r.data().tag(TransferTags.SOURCE_RUN_ID);
                    targetRoot = r.info().artifactUri();
                } catch (ResourceNotFoundException e) {
                    runOfCopy = null;
                }
            }
            if (!Objects.equals(emptyToNull(a.runId()), runOfCopy)) {
                add(Difference.Kind.CHANGED, vobj, "run", a.runId(), b.runId() + (runOfCopy == null ? " (not a copy)"
                        : " (copy of " + runOfCopy + ")"));
            } else if (a.source() != null && a.source().startsWith("models:/")) {
                loggedModel(vobj, ServerSink.loggedModelId(a), b);
            } else if (a.runId() != null && !a.runId().isEmpty()) {
                String pa = relative(a.source(), a.runId(), s.runArtifactUri());
                String pb = relative(b.source(), b.runId(), targetRoot);
                field(vobj, "source (within the run's artifacts)", pa, pb);
            }
        }
        if (options.versions().kind() == VersionSelection.Kind.ALL) {
            for (ModelVersion v : tv) {
                if (!used.contains(v.version())) {
                    add(Difference.Kind.EXTRA, obj + " version " + v.version(), null, null, v.source());
                }
            }
        }
        Map<String, String> aa = new TreeMap<>();
        for (RegisteredModelAlias al : m.aliases()) {
            if (sv.stream().anyMatch(x -> x.version().version().equals(al.version()))) {
                aa.put(al.alias(), numbers.getOrDefault(al.version(), "(copy of version " + al.version() + ")"));
            }
        }
        Map<String, String> ab = new TreeMap<>();
        for (RegisteredModelAlias al : t.aliases()) {
            ab.put(al.alias(), al.version());
        }
        if (options.versions().kind() != VersionSelection.Kind.ALL) {
            ab.keySet().retainAll(aa.keySet());
        }
        maps(obj, "aliases.", aa, ab);
    }

    /** A version registered from a logged model: its copy's logged model copies the source's, with the same content. */
    private void loggedModel(String vobj, String sourceId, ModelVersion b) {
        Optional<LoggedModel> sm = source.loggedModel(sourceId);
        if (sm.isEmpty()) {
            add(Difference.Kind.MISSING, vobj + " logged model " + sourceId + " (not in " + source.describe() + ")", null, sourceId, null);
            return;
        }
        if (b.source() == null || !b.source().startsWith("models:/")) {
            add(Difference.Kind.CHANGED, vobj, "source", "models:/" + sourceId, b.source());
            return;
        }
        Optional<LoggedModel> tm = targetSource.loggedModel(ServerSink.loggedModelId(b));
        if (tm.isEmpty()) {
            add(Difference.Kind.MISSING, vobj + " logged model", null, sourceId, b.source());
            return;
        }
        LoggedModel x = sm.get();
        LoggedModel y = tm.get();
        String mobj = vobj + " logged model " + sourceId;
        field(mobj, "copy of", sourceId, Objects.toString(y.info().tag(TransferTags.SOURCE_LOGGED_MODEL), "(not a copy)"));
        field(mobj, "name", x.info().name(), y.info().name());
        field(mobj, "status", x.info().status(), y.info().status());
        field(mobj, "model_type", nz(x.info().modelType()), nz(y.info().modelType()));
        maps(mobj, "params.", new TreeMap<>(x.data().paramMap()), new TreeMap<>(y.data().paramMap()));
        TreeMap<String, String> ta = TransferTags.userTags(x.info().tags());
        TreeMap<String, String> tb = TransferTags.userTags(y.info().tags());
        ta.remove("mlflow.modelVersions");
        tb.remove("mlflow.modelVersions");
        maps(mobj, "tags.", ta, tb);
        maps(mobj, "artifacts.", files(source.loggedModelArtifacts(x)), files(targetSource.loggedModelArtifacts(y)));
    }

    private static TreeMap<String, String> files(ArtifactRepository repo) {
        TreeMap<String, String> out = new TreeMap<>();
        for (ArtifactFile f : repo.listRecursive("")) {
            if (!f.isDir()) {
                out.put(f.path(), f.fileSize() == null ? "?" : f.fileSize() + " bytes");
            }
        }
        return out;
    }

    private static String relative(String source, String runId, String root) {
        try {
            return ServerSink.relativeSource(source, runId, root);
        } catch (IllegalStateException e) {
            return source;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static ModelStage stage(ModelVersion v) {
        return v.currentStage() == null || v.currentStage() == ModelStage.UNKNOWN ? ModelStage.NONE : v.currentStage();
    }
}
