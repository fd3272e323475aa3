package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.paging.Page;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Dataset;
import io.dataops4j.mlflow.tracking.DatasetInput;
import io.dataops4j.mlflow.tracking.LogBatchResult;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.ModelInput;
import io.dataops4j.mlflow.tracking.ModelOutput;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.mlflow.tracking.RunUpdate;
import io.dataops4j.mlflow.tracking.Runs;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.mlflow.tracking.ViewType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunsTest {
    private final MlflowClient mlflow = TestSupport.client();
    private final Runs runs = mlflow.runs();
    private final String experimentId = mlflow.experiments().create(TestSupport.unique("runs"));

    @Test
    void createGetUpdateTerminate() {
        Instant start = Instant.parse("2024-03-01T10:15:30.123Z");
        Run run = runs.create(CreateRun.builder(experimentId).runName("entraînement-β").startTime(start)
                .tag("équipe", "données 📊").tag("mlflow.user", "etl-bot").build());
        RunInfo info = run.info();
        assertEquals(experimentId, info.experimentId());
        assertEquals("entraînement-β", info.runName());
        assertEquals(start, info.startTime());
        assertEquals(RunStatus.RUNNING, info.status());
        assertEquals(LifecycleStage.ACTIVE, info.lifecycleStage());
        assertEquals("mlflow-artifacts:/" + experimentId + "/" + run.id() + "/artifacts", info.artifactUri());
        assertEquals("données 📊", run.data().tag("équipe"));

        Instant end = start.plusSeconds(3600);
        RunInfo updated = runs.update(run.id(), RunUpdate.builder().status(RunStatus.FAILED).endTime(end).runName("renamed").build());
        assertEquals(RunStatus.FAILED, updated.status());
        assertEquals(end, updated.endTime());
        assertEquals("renamed", updated.runName());
        Run again = runs.get(run.id());
        assertEquals("renamed", again.info().runName());
        assertEquals(end, again.info().endTime());

        RunInfo done = runs.terminate(run.id(), RunStatus.FINISHED);
        assertEquals(RunStatus.FINISHED, done.status());
        assertNotNull(done.endTime());
    }

    @Test
    void tagsDeleteAndRestore() {
        Run run = runs.create(experimentId, "tagged");
        runs.setTag(run.id(), "ключ", "значение");
        runs.setTag(run.id(), "temp", "x");
        runs.deleteTag(run.id(), "temp");
        Run read = runs.get(run.id());
        assertEquals("значение", read.data().tag("ключ"));
        assertNull(read.data().tag("temp"));

        runs.delete(run.id());
        assertEquals(LifecycleStage.DELETED, runs.get(run.id()).info().lifecycleStage());
        assertTrue(runs.search(SearchRuns.inExperiments(experimentId)).stream().noneMatch(r -> r.id().equals(run.id())));
        assertTrue(runs.search(SearchRuns.builder().experimentIds(experimentId).viewType(ViewType.DELETED_ONLY).build())
                .stream().anyMatch(r -> r.id().equals(run.id())));
        runs.restore(run.id());
        assertEquals(LifecycleStage.ACTIVE, runs.get(run.id()).info().lifecycleStage());
    }

    @Test
    void logBatchOfAnySizeKeepsMetricOrderAndSplitsParams() {
        Run run = runs.create(experimentId, "big-batch");
        long t0 = 1_700_000_000_000L;
        List<Metric> loss = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            loss.add(Metric.of("loss", 10.0 / (i + 1), t0 + i, i));
        }
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            params.add(Param.of("paramètre_" + i, "valeur " + i + " ✓"));
        }
        List<Tag> tags = IntStream.range(0, 120).mapToObj(i -> Tag.of("tag." + i, "v" + i)).toList();
        LogBatchResult result = runs.logBatch(run.id(), loss, params, tags);
        assertEquals(2500, result.metrics());
        assertEquals(150, result.params());
        assertEquals(120, result.tags());
        assertTrue(result.requests() >= 3, "2500 metrics need at least 3 requests, used " + result.requests());

        // history, streamed 1000 points at a time: every point, in order
        List<Page<Metric>> pages = new ArrayList<>();
        runs.metricHistory(run.id(), "loss", 1000).byPage().forEach(pages::add);
        assertEquals(List.of(1000, 1000, 500), pages.stream().map(p -> p.items().size()).toList());
        List<Metric> history = runs.metricHistory(run.id(), "loss", 1000).toList();
        assertEquals(2500, history.size());
        for (int i = 0; i < 2500; i++) {
            Metric m = history.get(i);
            assertEquals(i, m.step());
            assertEquals(t0 + i, m.timestamp());
            assertEquals(10.0 / (i + 1), m.value(), 1e-12);
            assertEquals("loss", m.key());
        }
        // the default page size gets them all in one page
        assertEquals(2500, runs.metricHistory(run.id(), "loss").toList().size());

        Run read = runs.get(run.id());
        assertEquals(150, read.data().params().size());
        assertEquals("valeur 149 ✓", read.data().param("paramètre_149"));
        assertEquals("v119", read.data().tag("tag.119"));
        assertEquals(10.0 / 2500, read.data().metric("loss"), 1e-12, "latest value by step");
    }

    @Test
    void largeValuesAreSplitByBytes() {
        Run run = runs.create(experimentId, "wide");
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            params.add(Param.of("p" + i, ("é" + i + "-").repeat(2500).substring(0, 5000)));  // ~6.7 KB of UTF-8 each
        }
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tags.add(Tag.of("t" + i, "x".repeat(7900)));
        }
        LogBatchResult r = runs.logBatch(run.id(), List.of(), params, tags);
        assertTrue(r.requests() >= 2, "~1.5 MB of params and tags need two requests, used " + r.requests());
        Map<String, String> read = runs.get(run.id()).data().paramMap();
        assertEquals(100, read.size());
        assertEquals(params.get(42).value(), read.get("p42"));
        assertEquals(7900, runs.get(run.id()).data().tag("t99").length());
    }

    @Test
    void nanAndInfinitiesRoundTrip() {
        Run run = runs.create(experimentId, "nan");
        runs.logMetrics(run.id(), List.of(Metric.of("odd", Double.NaN, 1, 0), Metric.of("odd", 2.5, 2, 1),
                Metric.of("odd", Double.POSITIVE_INFINITY, 3, 2)));
        runs.logMetric(run.id(), "single", -0.5, 7);
        runs.logParam(run.id(), "lr", "0.01");
        List<Metric> h = runs.metricHistory(run.id(), "odd").toList();
        assertEquals(3, h.size());
        assertTrue(Double.isNaN(h.get(0).value()), "NaN comes back as NaN");
        assertEquals(2.5, h.get(1).value());
        assertTrue(h.get(2).value() > 1e300, "MLflow stores +Infinity as the largest double: " + h.get(2).value());
        Run read = runs.get(run.id());
        assertEquals(-0.5, read.data().metric("single"));
        assertEquals("0.01", read.data().param("lr"));
    }

    @Test
    void paramsAreWriteOnce() {
        Run run = runs.create(experimentId, "write-once");
        runs.logParam(run.id(), "alpha", "1");
        runs.logParam(run.id(), "alpha", "1");
        BadRequestException e = assertThrows(BadRequestException.class, () -> runs.logParam(run.id(), "alpha", "2"));
        assertEquals("INVALID_PARAMETER_VALUE", e.errorCode());
        assertTrue(e.serviceMessage().contains("alpha"), e.serviceMessage());
    }

    @Test
    void inputsAndOutputs() {
        Run run = runs.create(experimentId, "io");
        Dataset ds = new Dataset("ventes-2024", "a1b2c3", "local", "{\"uri\": \"/data/ventes.parquet\"}",
                "{\"mlflow_colspec\": []}", "{\"num_rows\": 42}");
        runs.logInputs(run.id(), List.of(DatasetInput.of(ds, "training")), List.of(new ModelInput("m-input-1")));
        runs.logOutputs(run.id(), List.of(new ModelOutput("m-output-1", 5)));
        Run read = runs.get(run.id());
        DatasetInput in = read.inputs().datasetInputs().get(0);
        assertEquals(ds, in.dataset());
        assertEquals(List.of(Tag.of("mlflow.data.context", "training")), in.tags());
        assertEquals(List.of(new ModelInput("m-input-1")), read.inputs().modelInputs());
        assertEquals(List.of(new ModelOutput("m-output-1", 5)), read.outputs().modelOutputs());
    }

    @Test
    void searchPagesOverManyRunsWithFilterAndOrder() {
        String exp = mlflow.experiments().create(TestSupport.unique("search"));
        for (int i = 0; i < 23; i++) {
            Run r = runs.create(exp, "r" + i);
            runs.logBatch(r.id(), List.of(Metric.of("score", i, 1, 0)), List.of(Param.of("parity", i % 2 == 0 ? "even" : "odd")), List.of());
        }
        SearchRuns all = SearchRuns.builder().experimentIds(exp).orderBy("metrics.score DESC").pageSize(10).build();
        List<Page<Run>> pages = new ArrayList<>();
        runs.search(all).byPage().forEach(pages::add);
        assertEquals(List.of(10, 10, 3), pages.stream().map(p -> p.items().size()).toList());
        List<Double> scores = runs.search(all).stream().map(r -> r.data().metric("score")).toList();
        assertEquals(IntStream.iterate(22, i -> i >= 0, i -> i - 1).mapToObj(i -> (double) i).toList(), scores);

        List<Run> even = runs.search(SearchRuns.builder().experimentIds(exp).filter("params.parity = 'even' AND metrics.score >= 10")
                .orderBy("metrics.score ASC").build()).toList();
        assertEquals(List.of(10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0), even.stream().map(r -> r.data().metric("score")).toList());
    }

    @Test
    void missingRunIsNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> runs.get("0123456789abcdef0123456789abcdef"));
        assertEquals("RESOURCE_DOES_NOT_EXIST", e.errorCode());
    }

    @Test
    void bulkHistoryOfManyRunsMatchesTheRunByRunHistories() {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Run run = runs.create(experimentId, "bulk-" + r);
            ids.add(run.id());
            List<Metric> points = new ArrayList<>();
            for (int i = 0; i < 40 * (r + 1); i++) {
                points.add(Metric.of("loss", i == 3 ? Double.NaN : 1.0 / (i + 1 + r), 1_700_000_000_000L + i, i / 2));
            }
            runs.logMetrics(run.id(), points);
        }
        Run other = runs.create(experimentId, "no-loss");
        runs.logMetric(other.id(), "acc", 0.9, 0);
        List<String> asked = new ArrayList<>(ids);
        asked.add(other.id());

        List<Metric> bulk = runs.metricHistoryBulk(asked, "loss", Runs.MAX_BULK_POINTS);
        assertEquals(40 + 80 + 120, bulk.size());
        for (String id : ids) {
            List<Metric> mine = bulk.stream().filter(m -> id.equals(m.runId())).toList();
            List<Metric> paged = runs.metricHistory(id, "loss", 7).toList();
            assertEquals(paged.size(), mine.size());
            for (int i = 0; i < paged.size(); i++) {
                Metric a = paged.get(i);
                Metric b = mine.get(i);
                assertEquals(a.timestamp(), b.timestamp());
                assertEquals(a.step(), b.step());
                assertEquals(Double.doubleToLongBits(a.value()), Double.doubleToLongBits(b.value()), "bare NaN is read");
                assertEquals("loss", b.key());
            }
        }
        // ordered by run id, then time: a limit cuts the last run short
        List<Metric> cut = runs.metricHistoryBulk(ids, "loss", 100);
        assertEquals(100, cut.size());
        List<String> sorted = ids.stream().sorted().toList();
        assertEquals(sorted.get(0), cut.get(0).runId());

        assertThrows(IllegalArgumentException.class, () -> runs.metricHistoryBulk(List.of(), "loss", 10));
        assertThrows(IllegalArgumentException.class, () -> runs.metricHistoryBulk(ids, "loss", Runs.MAX_BULK_POINTS + 1));
        assertTrue(runs.metricHistoryBulk(ids, "nothing-logged", 10).isEmpty());
    }
}
