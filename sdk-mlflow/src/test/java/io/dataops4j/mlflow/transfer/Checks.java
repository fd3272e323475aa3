package io.dataops4j.mlflow.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.mlflow.tracking.ViewType;
import io.dataops4j.mlflow.transfer.internal.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Direct field-by-field checks of copies, independent of {@link MlflowDiff}. */
final class Checks {
    private Checks() {
    }

    static Map<String, String> params(Run r) {
        Map<String, String> m = new TreeMap<>();
        for (Param p : r.data().params()) {
            m.put(p.key(), p.value());
        }
        return m;
    }

    /** User tags: without the transfer's own and without the parent link (ids differ). */
    static Map<String, String> tags(Run r) {
        Map<String, String> m = new TreeMap<>();
        for (Tag t : r.data().tags()) {
            if (!t.key().startsWith("mlflow_exim.") && !t.key().startsWith("dataops4j.transfer.")
                    && !t.key().equals("mlflow.parentRunId")) {
                m.put(t.key(), t.value());
            }
        }
        return m;
    }

    static List<String> history(MlflowClient c, String runId, String key) {
        List<String> out = new ArrayList<>();
        for (Metric m : c.runs().metricHistory(runId, key)) {
            out.add(m.step() + "@" + m.timestamp() + "=" + m.value());
        }
        return out;
    }

    static Map<String, byte[]> artifacts(MlflowClient c, String runId) {
        Map<String, byte[]> m = new TreeMap<>();
        for (ArtifactFile f : c.artifacts().listRecursive(runId, "")) {
            try (InputStream in = c.artifacts().open(runId, f.path())) {
                m.put(f.path(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }

    /** Every field a copy keeps, compared directly. */
    static void assertSameRun(MlflowClient src, Run s, MlflowClient dst, String copyId) {
        Run d = dst.runs().get(copyId);
        String what = "copy of run " + s.info().runName() + " (" + s.id() + ")";
        assertEquals(s.info().runName(), d.info().runName(), what + ": name");
        assertEquals(s.info().status(), d.info().status(), what + ": status");
        assertEquals(s.info().startTime(), d.info().startTime(), what + ": start time");
        assertEquals(s.info().endTime(), d.info().endTime(), what + ": end time");
        assertEquals(s.info().userId(), d.info().userId(), what + ": user");
        assertEquals(s.info().lifecycleStage(), d.info().lifecycleStage(), what + ": lifecycle");
        assertEquals(params(s), params(d), what + ": params");
        assertEquals(tags(s), tags(d), what + ": tags");
        assertEquals(s.id(), d.data().tag("mlflow_exim.run_info.run_id"), what + ": source id tag");
        assertEquals("complete", d.data().tag("dataops4j.transfer.state"), what + ": copy state");
        assertEquals(Fingerprint.datasets(s.inputs().datasetInputs()), Fingerprint.datasets(d.inputs().datasetInputs()),
                what + ": dataset inputs");
        assertEquals(s.data().metricMap().keySet(), d.data().metricMap().keySet(), what + ": metric keys");
        for (String key : s.data().metricMap().keySet()) {
            List<String> hs = history(src, s.id(), key);
            assertTrue(hs.size() > 1 || key.equals("warmup"), "a real history for " + key);
            assertEquals(hs, history(dst, copyId, key), what + ": history of " + key);
        }
        Map<String, byte[]> as = artifacts(src, s.id());
        Map<String, byte[]> ad = artifacts(dst, copyId);
        assertEquals(as.keySet(), ad.keySet(), what + ": artifact paths");
        for (Map.Entry<String, byte[]> e : as.entrySet()) {
            if (e.getKey().endsWith("MLmodel")) {
                String fixed = new String(e.getValue(), StandardCharsets.UTF_8).replace("run_id: " + s.id(), "run_id: " + copyId);
                assertEquals(fixed, new String(ad.get(e.getKey()), StandardCharsets.UTF_8), what + ": MLmodel points at the copy");
            } else {
                assertArrayEquals(e.getValue(), ad.get(e.getKey()), what + ": artifact " + e.getKey());
            }
        }
    }

    /** The runs of an experiment, deleted ones included. */
    static List<Run> allRuns(MlflowClient c, String experimentId) {
        return c.runs().search(SearchRuns.builder().experimentIds(experimentId).viewType(ViewType.ALL).build()).toList();
    }

    /** Source run id -> how many live (active, not superseded) copies an experiment holds. */
    static Map<String, Integer> liveCopies(MlflowClient c, String experimentId) {
        Map<String, Integer> m = new HashMap<>();
        for (Run r : c.runs().search(SearchRuns.builder().experimentIds(experimentId).viewType(ViewType.ACTIVE_ONLY).build())) {
            m.merge(r.data().tag("mlflow_exim.run_info.run_id"), 1, Integer::sum);
        }
        return m;
    }
}
