package io.dataops4j.mlflow.transfer;

import io.dataops4j.mlflow.transfer.internal.JsonOut;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an applied {@link Plan} did: counts, the source -> target id maps, failures and warnings.
 *
 * <pre>{@code
 * TransferResult r = plan.apply(ProgressListener.NONE);
 * String prodRunId = r.runIds().get(devRunId);
 * String prodVersion = r.modelVersions().get("churn").get("3");
 * if (!r.isComplete()) r.failures().forEach(System.err::println);    // run it again to retry them
 * }</pre>
 *
 * @param counts          what was done, counted
 * @param runIds          source run id -> target run id (for exports: the same id), for every run looked at, up to
 *                        {@link TransferOptions#maxIdMapEntries()}
 * @param modelVersions   source model name -> (source version -> target version)
 * @param failures        what could not be copied
 * @param warnings        what was copied with a caveat (a parent run that could not be found, a stage a target ignores)
 * @param idMapsTruncated whether {@code runIds} stopped at its limit (the full map is in the id map file, if any)
 * @param duration        how long it took
 */
public record TransferResult(TransferCounts counts, Map<String, String> runIds, Map<String, Map<String, String>> modelVersions,
                             List<TransferFailure> failures, List<String> warnings, boolean idMapsTruncated,
                             Duration duration) {
    public TransferResult {
        Objects.requireNonNull(counts, "counts");
        runIds = Map.copyOf(runIds);
        Map<String, Map<String, String>> mv = new LinkedHashMap<>();
        modelVersions.forEach((k, v) -> mv.put(k, Map.copyOf(v)));
        modelVersions = java.util.Collections.unmodifiableMap(mv);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether everything selected was copied (nothing failed). */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    /** The result as JSON (counts, id maps, failures, warnings), for {@code --json} output. */
    public String toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonOut out = new JsonOut(bytes)) {
            out.beginObject();
            out.name("complete").value(isComplete());
            out.name("duration_ms").value(duration.toMillis());
            out.name("counts").beginObject();
            TransferCounts c = counts;
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("experiments_created", c.experimentsCreated());
            m.put("experiments_updated", c.experimentsUpdated());
            m.put("runs_created", c.runsCreated());
            m.put("runs_updated", c.runsUpdated());
            m.put("runs_replaced", c.runsReplaced());
            m.put("runs_skipped", c.runsSkipped());
            m.put("runs_failed", c.runsFailed());
            m.put("models_created", c.modelsCreated());
            m.put("models_updated", c.modelsUpdated());
            m.put("versions_created", c.versionsCreated());
            m.put("versions_updated", c.versionsUpdated());
            m.put("versions_skipped", c.versionsSkipped());
            m.put("versions_failed", c.versionsFailed());
            m.put("metric_points", c.metricPoints());
            m.put("artifact_files", c.artifactFiles());
            m.put("artifact_bytes", c.artifactBytes());
            m.forEach((k, v) -> out.name(k).value(v.longValue()));
            out.endObject();
            out.name("run_ids").any(new java.util.TreeMap<>(runIds));
            out.name("run_ids_truncated").value(idMapsTruncated);
            Map<String, Object> versions = new java.util.TreeMap<>();
            modelVersions.forEach((k, v) -> versions.put(k, new java.util.TreeMap<>(v)));
            out.name("model_versions").any(versions);
            out.name("failures").beginArray();
            for (TransferFailure f : failures) {
                out.beginObject().field("item", f.item()).field("message", f.message()).endObject();
            }
            out.endArray();
            out.name("warnings").any(List.copyOf(warnings));
            out.endObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TransferResult[" + counts + (failures.isEmpty() ? "" : "; " + failures.size() + " failures") + ", " + duration + "]";
    }
}
