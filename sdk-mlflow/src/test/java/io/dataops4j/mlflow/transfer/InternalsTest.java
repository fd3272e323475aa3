package io.dataops4j.mlflow.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.mlflow.transfer.internal.Copy;
import io.dataops4j.mlflow.transfer.internal.Decision;
import io.dataops4j.mlflow.transfer.internal.ExportFormat;
import io.dataops4j.mlflow.transfer.internal.Fingerprint;
import io.dataops4j.mlflow.transfer.internal.JsonIn;
import io.dataops4j.mlflow.transfer.internal.JsonOut;
import io.dataops4j.mlflow.transfer.internal.RunSelector;
import io.dataops4j.mlflow.transfer.internal.ServerSink;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces without a server: the JSON stream, the run.json reader, decisions, source paths, filters. */
class InternalsTest {

    @Test
    void writesJsonAsPythonsJsonDumpsWithIndent2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonOut out = new JsonOut(bytes)) {
            out.beginObject();
            out.name("a").value(1.0);
            out.name("nan").value(Double.NaN);
            out.name("inf").value(Double.NEGATIVE_INFINITY);
            out.name("s").value("é \"q\"\n");
            out.name("empty").beginObject().endObject();
            out.name("list").beginArray().value(1L).nullValue().beginObject().field("k", "v").endObject().endArray();
            out.name("none").beginArray().endArray();
            out.endObject();
        }
        // what json.dumps({...}, indent=2) + "\n" gives for the same value
        String python = "{\n  \"a\": 1.0,\n  \"nan\": NaN,\n  \"inf\": -Infinity,\n  \"s\": \"\\u00e9 \\\"q\\\"\\n\",\n"
                + "  \"empty\": {},\n  \"list\": [\n    1,\n    null,\n    {\n      \"k\": \"v\"\n    }\n  ],\n  \"none\": []\n}\n";
        assertEquals(python, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readsJsonOneValueAtATime() {
        String text = "{\"x\": [1, 2.5, NaN, -Infinity, \"NaN\", null], \"skip\": {\"deep\": [[{}]]}, \"s\": \"\\u00e9\\n\", \"b\": true}";
        try (JsonIn in = new JsonIn(new StringReader(text), "test")) {
            in.beginObject();
            assertEquals("x", in.nextName());
            in.beginArray();
            assertEquals(1.0, in.nextDouble());
            assertEquals(2.5, in.nextDouble());
            assertTrue(Double.isNaN(in.nextDouble()));
            assertEquals(Double.NEGATIVE_INFINITY, in.nextDouble());
            assertTrue(Double.isNaN(in.nextDouble()));
            assertTrue(Double.isNaN(in.nextDouble()));
            assertFalse(in.hasNext());
            in.endArray();
            assertEquals("skip", in.nextName());
            in.skipValue();
            assertEquals("s", in.nextName());
            assertEquals("é\n", in.nextString());
            assertEquals("b", in.nextName());
            assertEquals(Boolean.TRUE, in.readValue());
            in.endObject();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new JsonIn(new StringReader("{\n\"a\": 1\n\"b\": 2}"), "bad.json").readValue());
        assertTrue(e.getMessage().startsWith("bad.json line 3"), e.getMessage());
    }

    /** A run.json as mlflow-export-import 1.2.0 writes it (MLflow 3.8.1 entities), metrics after tags. */
    @Test
    void readsARunJsonOfTheToolAndStreamsItsHistories(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("run.json");
        Files.writeString(f, """
                {
                  "system": {"package_version": "1.2.0", "script": "export_run.py"},
                  "mlflow": {
                    "info": {"run_id": "abc", "experiment_id": "1", "user_id": "ana", "status": "KILLED",
                             "start_time": 1700000000000, "end_time": 1700000010000, "lifecycle_stage": "deleted",
                             "artifact_uri": "mlflow-artifacts:/1/abc/artifacts", "run_name": "r",
                             "_start_time": "2023-11-14 22:13:20", "_end_time": "2023-11-14 22:13:30"},
                    "params": {"alpha": "0.1"},
                    "tags": {"mlflow.parentRunId": "p", "k": "v"},
                    "metrics": {
                      "loss": [
                        {"value": 1.0, "timestamp": 10, "step": 0, "model_id": null, "dataset_name": null, "dataset_digest": null, "run_id": null},
                        {"value": 0.5, "timestamp": 30, "step": 2, "model_id": null, "dataset_name": "train", "dataset_digest": "d1", "run_id": null},
                        {"value": 0.7, "timestamp": 20, "step": 2, "model_id": null, "dataset_name": null, "dataset_digest": null, "run_id": null}
                      ],
                      "nan": [{"value": NaN, "timestamp": 5, "step": 0}]
                    }
                  }
                }
                """, StandardCharsets.UTF_8);
        Run r = ExportFormat.readRun(f);
        assertEquals("abc", r.id());
        assertEquals(RunStatus.KILLED, r.info().status());
        assertEquals(Instant.ofEpochMilli(1700000010000L), r.info().endTime());
        assertEquals(LifecycleStage.DELETED, r.info().lifecycleStage());
        assertEquals("ana", r.info().userId());
        assertEquals("0.1", r.data().param("alpha"));
        assertEquals("p", r.data().tag("mlflow.parentRunId"));
        assertEquals(0.5, r.data().metric("loss"), "the latest point: highest step, then latest time");
        assertTrue(Double.isNaN(r.data().metric("nan")));
        try (Stream<Metric> all = ExportFormat.readMetrics(f, null)) {
            assertEquals(List.of("loss:0:10", "loss:2:30", "loss:2:20", "nan:0:5"),
                    all.map(m -> m.key() + ":" + m.step() + ":" + m.timestamp()).toList());
        }
        try (Stream<Metric> loss = ExportFormat.readMetrics(f, "loss")) {
            List<Metric> l = loss.toList();
            assertEquals(3, l.size());
            assertEquals("train", l.get(1).datasetName());
            assertEquals("d1", l.get(1).datasetDigest());
        }
        assertNull(ExportFormat.fingerprint(f), "no dataops4j fingerprint in the tool's files");
    }

    @Test
    void decidesWhatToDoWithACopy() {
        Fingerprint fp = new Fingerprint("data", "meta");
        Copy complete = new Copy("c1", "complete", fp, LifecycleStage.ACTIVE, "p1", null);
        assertEquals(Action.CREATE, Decision.decide(List.of(), fp, null, true, LifecycleStage.ACTIVE).action());
        assertEquals(Action.SKIP, Decision.decide(List.of(complete), fp, "p1", true, LifecycleStage.ACTIVE).action());
        assertEquals(Action.UPDATE, Decision.decide(List.of(complete), new Fingerprint("data", "other"), "p1", true,
                LifecycleStage.ACTIVE).action(), "tags, status, end time changed");
        assertEquals(Action.UPDATE, Decision.decide(List.of(complete), fp, "p2", true, LifecycleStage.ACTIVE).action(),
                "the parent was copied again");
        assertEquals(Action.UPDATE, Decision.decide(List.of(complete), fp, "p1", true, LifecycleStage.DELETED).action(),
                "deleted in the source since");
        Decision replace = Decision.decide(List.of(complete), new Fingerprint("more", "meta"), "p1", true, LifecycleStage.ACTIVE);
        assertEquals(Action.REPLACE, replace.action(), "new metric points: metrics only append");
        assertEquals(List.of(complete), replace.supersede());
        Copy half = new Copy("c2", "started", null, LifecycleStage.ACTIVE, null, null);
        Decision redo = Decision.decide(List.of(half), fp, null, true, LifecycleStage.ACTIVE);
        assertEquals(Action.REPLACE, redo.action());
        assertEquals(List.of(half), redo.supersede());
        Decision dup = Decision.decide(List.of(half, complete), fp, "p1", true, LifecycleStage.ACTIVE);
        assertEquals(Action.UPDATE, dup.action(), "the complete copy is kept, the half one cleaned up");
        assertEquals(complete, dup.keep());
        assertEquals(List.of(half), dup.supersede());
        Copy superseded = new Copy("c3", "superseded", fp, LifecycleStage.DELETED, null, null);
        assertEquals(Action.CREATE, Decision.decide(List.of(superseded), fp, null, true, LifecycleStage.ACTIVE).action());
        Copy imported = new Copy("c4", null, null, LifecycleStage.ACTIVE, null, null);
        assertEquals(Action.REPLACE, Decision.decide(List.of(imported), fp, null, true, LifecycleStage.ACTIVE).action(),
                "a run imported by another tool, without original times: copied again");
    }

    @Test
    void findsWhereAVersionLiesWithinItsRun() {
        assertEquals("model", ServerSink.relativeSource("mlflow-artifacts:/1/abc/artifacts/model", "abc",
                "mlflow-artifacts:/1/abc/artifacts"));
        assertEquals("", ServerSink.relativeSource("mlflow-artifacts:/1/abc/artifacts", "abc", "mlflow-artifacts:/1/abc/artifacts"));
        assertEquals("sub/model", ServerSink.relativeSource("dbfs:/databricks/mlflow-tracking/7/abc/artifacts/sub/model", "abc", null));
        assertEquals("model", ServerSink.relativeSource("/srv/artifacts/3/abc/artifacts/model/", "abc", null),
                "not fooled by an 'artifacts' directory above the run");
        assertThrows(IllegalStateException.class, () -> ServerSink.relativeSource("s3://b/elsewhere/model", "abc", "s3://b/1/abc/artifacts"));
        assertTrue(ServerSink.unityCatalogName("main.ml.churn"));
        assertFalse(ServerSink.unityCatalogName("churn.v2"));
        assertFalse(ServerSink.unityCatalogName("a..b"));
    }

    @Test
    void knowsWhatATargetCannotHold() {
        ServerSink oss = new ServerSink(MlflowClient.of("http://127.0.0.1:1"), 10);
        List<String> e1 = oss.check(List.of("churn"), List.of("main.ml.churn", "churn"));
        assertEquals(1, e1.size(), e1.toString());
        assertTrue(e1.get(0).contains("three-part Unity Catalog name") && e1.get(0).contains("renameModel(\"main.ml.churn\", \"churn\")"),
                e1.get(0));
        ServerSink workspace = new ServerSink(MlflowClient.of("https://adb-1234567890.12.azuredatabricks.net"), 10);
        List<String> e2 = workspace.check(List.of("churn", "/Shared/churn"), List.of("main.ml.churn"));
        assertEquals(1, e2.size(), e2.toString());
        assertTrue(e2.get(0).contains("absolute workspace paths"), e2.get(0));
    }

    @Test
    void selectsRunsByTimeWindowAndFilter() {
        RunSelector s = new RunSelector(false, Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000), "params.model = 'xgb'");
        assertEquals("attributes.start_time >= 1000 AND attributes.start_time < 2000 AND params.model = 'xgb'", s.serverFilter());
        assertNull(RunSelector.ALL_ACTIVE.serverFilter());
        TransferOptions o = TransferOptions.builder().renameExperiment("a", "b").renameModel("m", "n").build();
        assertEquals("b", o.experimentName("a"));
        assertEquals("c", o.experimentName("c"));
        assertEquals("n", o.modelName("m"));
        assertEquals("x", o.toBuilder().targetExperiment("x").build().experimentName("a"));
        assertThrows(IllegalArgumentException.class, () -> TransferOptions.builder()
                .runsStartedAfter(Instant.ofEpochMilli(5)).runsStartedBefore(Instant.ofEpochMilli(5)).build());
        assertThrows(IllegalArgumentException.class, () -> TransferOptions.builder().parallelism(0).build());
        assertEquals(Map.of(), TransferOptions.defaults().experimentRenames());
    }
}
