package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.Versions;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.RegisteredModelAlias;
import io.dataops4j.mlflow.tracking.Dataset;
import io.dataops4j.mlflow.tracking.DatasetInput;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.ModelInput;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunData;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.tracking.RunInputs;
import io.dataops4j.mlflow.tracking.RunOutputs;
import io.dataops4j.mlflow.tracking.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * mlflow-export-import's directory format (release 1.2.0, as installed from PyPI): every JSON file is an envelope
 * {@code {"system": {...}, "info": {...}, "mlflow": {...}}}; {@code _}-prefixed keys are the tool's additions
 * (human-readable UTC times, {@code _run_artifact_uri}, {@code _experiment_name}). Layouts:
 * <ul>
 * <li>run ({@code export-run}): {@code run.json}, {@code artifacts/}</li>
 * <li>experiment ({@code export-experiment}): {@code experiment.json} ({@code mlflow.experiment},
 *     {@code mlflow.runs}: run ids; {@code info.failed_runs}), {@code <run_id>/run.json}, {@code <run_id>/artifacts/}
 *     (newer releases of the tool nest runs as {@code runs/<run_id>/}: read too)</li>
 * <li>experiments ({@code export-experiments}): {@code experiments.json} ({@code mlflow.experiments}:
 *     {@code [{id, name, ok_runs, failed_runs, duration}]}), {@code <experiment_id>/} as above</li>
 * <li>model ({@code export-model}): {@code model.json} ({@code mlflow.registered_model} with {@code versions}),
 *     {@code <run_id>/} for each version's run</li>
 * <li>bulk ({@code export-models}, {@code export-all}): {@code manifest.json}, {@code experiments/} as experiments,
 *     {@code models/models.json} ({@code mlflow.models}: names), {@code models/<name>/model.json}</li>
 * </ul>
 * A run's {@code run.json} holds {@code mlflow.info} (the run info's fields and {@code _start_time},
 * {@code _end_time}), {@code mlflow.params} and {@code mlflow.tags} (objects), {@code mlflow.metrics} (key to the
 * full history {@code [{value, timestamp, step, ...}]}), and, written by dataops4j and newer releases of the tool,
 * {@code mlflow.inputs} ({@code {dataset_inputs: [...]}} as the REST API shapes it).
 */
public final class ExportFormat {
    public static final String RUN_JSON = "run.json";
    public static final String EXPERIMENT_JSON = "experiment.json";
    public static final String EXPERIMENTS_JSON = "experiments.json";
    public static final String MODEL_JSON = "model.json";
    public static final String MODELS_JSON = "models.json";
    public static final String MANIFEST_JSON = "manifest.json";
    public static final String ARTIFACTS = "artifacts";
    /** The key under the envelope's {@code info} where dataops4j records a run's fingerprint. */
    public static final String FINGERPRINT_KEY = "dataops4j_fingerprint";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ExportFormat() {
    }

    /** A time as the tool prints its {@code _}-prefixed fields (seconds, UTC), or null. */
    public static String formatMillis(Long millis) {
        if (millis == null || millis == 0) {
            return null;
        }
        return TS.format(Instant.ofEpochSecond(Math.round(millis / 1000.0)));
    }

    /** The {@code system} section. */
    public static void writeSystem(JsonOut out, String script, String trackingUri) {
        long now = Instant.now().getEpochSecond();
        out.name("system").beginObject();
        out.field("package_version", "dataops4j " + Versions.sdk());
        out.field("script", script);
        out.name("export_time").value(now);
        out.field("_export_time", TS.format(Instant.ofEpochSecond(now)));
        out.field("mlflow_version", (String) null);
        out.field("mlflow_tracking_uri", trackingUri);
        out.name("platform").beginObject()
                .field("java_version", System.getProperty("java.version"))
                .field("system", System.getProperty("os.name"))
                .field("processor", System.getProperty("os.arch"))
                .endObject();
        out.field("user", System.getProperty("user.name"));
        out.endObject();
    }

    // ---------------------------------------------------------------------------------------------- reading

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    static String str(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(o);
    }

    static Long lng(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof String s && !s.isEmpty()) {
            return Long.parseLong(s);
        }
        return null;
    }

    static Instant instant(Object o) {
        Long l = lng(o);
        return l == null ? null : Instant.ofEpochMilli(l);
    }

    /** Tags written as an object ({@code {"k": "v"}}) or as the REST list ({@code [{"key": "k", "value": "v"}]}). */
    static List<Tag> tags(Object o) {
        List<Tag> out = new ArrayList<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.add(Tag.of(String.valueOf(k), v == null ? "" : str(v))));
        } else if (o instanceof List<?> l) {
            for (Object e : l) {
                Map<String, Object> t = map(e);
                if (t.get("key") != null) {
                    out.add(Tag.of(str(t.get("key")), t.get("value") == null ? "" : str(t.get("value"))));
                }
            }
        }
        return out;
    }

    static LifecycleStage lifecycle(Object o) {
        return "deleted".equalsIgnoreCase(str(o)) ? LifecycleStage.DELETED : LifecycleStage.ACTIVE;
    }

    /** The {@code mlflow} section of a small export file. */
    public static Map<String, Object> mlflowSection(Path file) {
        return map(map(JsonIn.readFile(file)).get("mlflow"));
    }

    /** The {@code info} section of a small export file. */
    public static Map<String, Object> infoSection(Path file) {
        return map(map(JsonIn.readFile(file)).get("info"));
    }

    /** An experiment from {@code experiment.json}'s {@code mlflow.experiment}. */
    public static Experiment experiment(Map<String, Object> e) {
        return new Experiment(str(e.get("experiment_id")), str(e.get("name")), str(e.get("artifact_location")),
                lifecycle(e.get("lifecycle_stage")), instant(e.get("last_update_time")), instant(e.get("creation_time")),
                tags(e.get("tags")));
    }

    /** A registered model from {@code model.json}'s {@code mlflow.registered_model} (without versions). */
    public static RegisteredModel model(Map<String, Object> m) {
        List<RegisteredModelAlias> aliases = new ArrayList<>();
        for (Object a : list(m.get("aliases"))) {
            Map<String, Object> am = map(a);
            aliases.add(new RegisteredModelAlias(str(am.get("alias")), str(am.get("version"))));
        }
        return new RegisteredModel(str(m.get("name")), instant(m.get("creation_timestamp")),
                instant(m.get("last_updated_timestamp")), str(m.get("user_id")), str(m.get("description")), List.of(),
                tags(m.get("tags")), aliases);
    }

    /** A model version from an entry of {@code model.json}'s {@code versions}. */
    public static SourceVersion version(Map<String, Object> v) {
        List<String> aliases = new ArrayList<>();
        for (Object a : list(v.get("aliases"))) {
            aliases.add(str(a));
        }
        ModelStage stage = ModelStage.NONE;
        String s = str(v.get("current_stage"));
        for (ModelStage st : ModelStage.values()) {
            if (st.wireName().equalsIgnoreCase(s)) {
                stage = st;
            }
        }
        ModelVersionStatus status = ModelVersionStatus.READY;
        try {
            if (v.get("status") != null) {
                status = ModelVersionStatus.valueOf(str(v.get("status")));
            }
        } catch (IllegalArgumentException e) {
            status = ModelVersionStatus.UNKNOWN;
        }
        ModelVersion mv = new ModelVersion(str(v.get("name")), str(v.get("version")), instant(v.get("creation_timestamp")),
                instant(v.get("last_updated_timestamp")), str(v.get("user_id")), stage, str(v.get("description")),
                str(v.get("source")), str(v.get("run_id")), status, str(v.get("status_message")), tags(v.get("tags")),
                str(v.get("run_link")), aliases, str(v.get("model_id")));
        return new SourceVersion(mv, str(v.get("_experiment_name")), str(v.get("_run_artifact_uri")));
    }

    /** The dataops4j fingerprint recorded in a run.json, or null (read from the top only). */
    public static String fingerprint(Path runJson) {
        try (JsonIn in = JsonIn.open(runJson)) {
            in.beginObject();
            while (in.hasNext()) {
                String n = in.nextName();
                if (n.equals("info")) {
                    return str(map(in.readValue()).get(FINGERPRINT_KEY));
                }
                if (n.equals("mlflow")) {
                    return null;
                }
                in.skipValue();
            }
            return null;
        }
    }

    /**
     * A run from its run.json, without its metric histories: the latest point of each metric is computed as MLflow
     * does (highest step, then timestamp, then value), reading the histories one point at a time.
     */
    public static Run readRun(Path runJson) {
        Map<String, Object> info = Map.of();
        Map<String, Object> params = Map.of();
        Object tags = null;
        Object inputs = null;
        Map<String, Metric> latest = new LinkedHashMap<>();
        try (JsonIn in = JsonIn.open(runJson)) {
            in.beginObject();
            while (in.hasNext()) {
                if (!in.nextName().equals("mlflow")) {
                    in.skipValue();
                    continue;
                }
                in.beginObject();
                while (in.hasNext()) {
                    switch (in.nextName()) {
                        case "info" -> info = map(in.readValue());
                        case "params" -> params = map(in.readValue());
                        case "tags" -> tags = in.readValue();
                        case "inputs" -> inputs = in.readValue();
                        case "metrics" -> readLatest(in, latest);
                        default -> in.skipValue();
                    }
                }
                in.endObject();
            }
            in.endObject();
        }
        String runId = str(info.getOrDefault("run_id", info.get("run_uuid")));
        if (runId == null) {
            throw new IllegalStateException(runJson + ": no mlflow.info.run_id");
        }
        List<Tag> tagList = tags(tags);
        String runName = str(info.get("run_name"));
        if (runName == null) {
            for (Tag t : tagList) {
                if (t.key().equals("mlflow.runName")) {
                    runName = t.value();
                }
            }
        }
        RunStatus status;
        try {
            status = info.get("status") == null ? RunStatus.FINISHED : RunStatus.valueOf(str(info.get("status")));
        } catch (IllegalArgumentException e) {
            status = RunStatus.UNKNOWN;
        }
        RunInfo ri = new RunInfo(runId, runName, str(info.get("experiment_id")), str(info.get("user_id")), status,
                instant(info.get("start_time")), instant(info.get("end_time")), str(info.get("artifact_uri")),
                lifecycle(info.get("lifecycle_stage")));
        List<Param> paramList = new ArrayList<>();
        params.forEach((k, v) -> paramList.add(Param.of(k, v == null ? "" : str(v))));
        return new Run(ri, new RunData(new ArrayList<>(latest.values()), paramList, tagList), inputs(inputs),
                new RunOutputs(List.of()));
    }

    /** The run.json {@code info} fields as the tool writes them, for provenance tags. */
    public static Map<String, Object> infoFields(RunInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", i.runId());
        m.put("experiment_id", i.experimentId());
        m.put("user_id", i.userId());
        m.put("status", i.status() == null ? null : i.status().name());
        m.put("start_time", i.startTime() == null ? null : i.startTime().toEpochMilli());
        m.put("end_time", i.endTime() == null ? null : i.endTime().toEpochMilli());
        m.put("lifecycle_stage", i.lifecycleStage() == LifecycleStage.DELETED ? "deleted" : "active");
        m.put("artifact_uri", i.artifactUri());
        m.put("run_name", i.runName());
        return m;
    }

    static RunInputs inputs(Object o) {
        Map<String, Object> m = map(o);
        List<DatasetInput> datasets = new ArrayList<>();
        for (Object d : list(m.get("dataset_inputs"))) {
            Map<String, Object> dm = map(d);
            Map<String, Object> ds = map(dm.get("dataset"));
            if (ds.get("name") == null) {
                continue;
            }
            datasets.add(new DatasetInput(tags(dm.get("tags")), new Dataset(str(ds.get("name")), str(ds.get("digest")),
                    str(ds.get("source_type")), str(ds.get("source")), str(ds.get("schema")), str(ds.get("profile")))));
        }
        List<ModelInput> models = new ArrayList<>();
        for (Object mi : list(m.get("model_inputs"))) {
            String id = str(map(mi).get("model_id"));
            if (id != null) {
                models.add(new ModelInput(id));
            }
        }
        return new RunInputs(datasets, models);
    }

    private static void readLatest(JsonIn in, Map<String, Metric> latest) {
        in.beginObject();
        while (in.hasNext()) {
            String key = in.nextName();
            in.beginArray();
            while (in.hasNext()) {
                Metric m = point(in, key);
                Metric best = latest.get(key);
                if (best == null || newer(m, best)) {
                    latest.put(key, m);
                }
            }
            in.endArray();
        }
        in.endObject();
    }

    private static boolean newer(Metric a, Metric b) {
        if (a.step() != b.step()) {
            return a.step() > b.step();
        }
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() > b.timestamp();
        }
        return a.value() > b.value();
    }

    private static Metric point(JsonIn in, String key) {
        double value = Double.NaN;
        long timestamp = 0;
        long step = 0;
        String datasetName = null;
        String datasetDigest = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "value" -> value = in.nextDouble();
                case "timestamp" -> {
                    Long t = in.nextLong();
                    timestamp = t == null ? 0 : t;
                }
                case "step" -> {
                    Long s = in.nextLong();
                    step = s == null ? 0 : s;
                }
                case "dataset_name" -> datasetName = in.nextString();
                case "dataset_digest" -> datasetDigest = in.nextString();
                default -> in.skipValue();
            }
        }
        in.endObject();
        return new Metric(key, value, timestamp, step, datasetName, datasetDigest, null, null);
    }

    /** Every point of a run.json's metrics (of one key, or all when {@code onlyKey} is null), read lazily. */
    public static Stream<Metric> readMetrics(Path runJson, String onlyKey) {
        MetricReader r = new MetricReader(runJson, onlyKey);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(r, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(r::close);
    }

    private static final class MetricReader implements Iterator<Metric> {
        private final JsonIn in;
        private final String onlyKey;
        private String key;
        private boolean inArray;
        private boolean done;
        private Metric next;

        MetricReader(Path file, String onlyKey) {
            this.in = JsonIn.open(file);
            this.onlyKey = onlyKey;
            if (!enter("mlflow") || !enter("metrics")) {
                close();
            } else {
                in.beginObject();
            }
        }

        /** Moves into the object under {@code name} of the current object (entering the root first). */
        private boolean enter(String name) {
            in.beginObject();
            while (in.hasNext()) {
                if (in.nextName().equals(name)) {
                    return true;
                }
                in.skipValue();
            }
            return false;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                if (inArray) {
                    if (in.hasNext()) {
                        next = point(in, key);
                    } else {
                        in.endArray();
                        inArray = false;
                    }
                } else if (in.hasNext()) {
                    key = in.nextName();
                    if (onlyKey != null && !onlyKey.equals(key)) {
                        in.skipValue();
                    } else {
                        in.beginArray();
                        inArray = true;
                    }
                } else {
                    close();
                }
            }
            return next != null;
        }

        @Override
        public Metric next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Metric m = next;
            next = null;
            return m;
        }

        void close() {
            if (!done) {
                done = true;
                in.close();
            }
        }
    }
}
