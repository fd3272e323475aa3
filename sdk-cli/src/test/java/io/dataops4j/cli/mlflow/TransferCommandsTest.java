package io.dataops4j.cli.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.testkit.MlflowServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataops4j mlflow copy|diff|export-experiment|import-experiment} in-process against two real MLflow servers
 * (DEV and PROD), started once for the class. Each test seeds an experiment of its own.
 */
class TransferCommandsTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static MlflowServer devServer;
    private static MlflowServer prodServer;
    private static MlflowClient dev;
    private static MlflowClient prod;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        devServer = MlflowServer.builder().name("cli-dev").start();
        prodServer = MlflowServer.builder().name("cli-prod").start();
        dev = MlflowClient.of(devServer.trackingUri());
        prod = MlflowClient.of(prodServer.trackingUri());
    }

    @AfterAll
    static void stop() {
        dev.close();
        prod.close();
        devServer.close();
        prodServer.close();
    }

    /** An experiment with a parent run, two nested children, metric histories and artifacts; a model with two versions. */
    private static List<Run> seed(String experiment, String model) {
        String id = dev.experiments().create(experiment, List.of(Tag.of("team", "cli")));
        List<Run> runs = new ArrayList<>();
        String parent = null;
        for (int i = 0; i < 3; i++) {
            CreateRun.Builder b = CreateRun.builder(id).runName("run-" + i).userId("ana");
            if (parent != null) {
                b.tag("mlflow.parentRunId", parent);
            }
            Run r = dev.runs().create(b.build());
            List<Metric> metrics = new ArrayList<>();
            for (int s = 0; s < 50; s++) {
                metrics.add(Metric.of("loss", 1.0 / (s + 1 + i), 1_700_000_000_000L + s * 1000L, s));
            }
            dev.runs().logBatch(r.id(), metrics, List.of(Param.of("alpha", "0." + i)), List.of(Tag.of("fold", "f" + i)));
            dev.artifacts().upload(r.id(), "model/MLmodel", ApiBody.bytes(("artifact_path: model\nflavors:\n  python_function: {}\nrun_id: "
                    + r.id() + "\nutc_time_created: '2024-05-01 08:00:00'\n").getBytes(StandardCharsets.UTF_8), "text/plain"));
            dev.runs().terminate(r.id(), RunStatus.FINISHED);
            if (parent == null) {
                parent = r.id();
            }
            runs.add(dev.runs().get(r.id()));
        }
        if (model != null) {
            dev.registeredModels().create(model, "cli model", List.of());
            for (int v = 0; v < 2; v++) {
                Run r = runs.get(v);
                dev.modelVersions().createAndWait(CreateModelVersion.builder(model, r.info().artifactUri() + "/model").runId(r.id())
                        .build(), Duration.ofMinutes(1));
            }
            dev.modelVersions().transitionStage(model, "2", ModelStage.PRODUCTION, false);
            dev.registeredModels().setAlias(model, "champion", "2");
        }
        return runs;
    }

    private CliHarness.Result run(String... args) {
        return CliHarness.in(home).run(args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static int prodRuns(String experiment) {
        String id = prod.experiments().getByName(experiment).experimentId();
        int n = 0;
        for (Run ignored : prod.runs().search(SearchRuns.inExperiments(id))) {
            n++;
        }
        return n;
    }

    @Test
    void copyThenDiffFindsNothing() {
        String experiment = "copy-" + SUFFIX;
        String model = "copy-model-" + SUFFIX;
        List<Run> runs = seed(experiment, model);

        CliHarness.Result copy = run("--json", "mlflow", "copy", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri(),
                "--experiment", experiment, "--model", model);
        assertEquals(0, copy.code(), copy::toString);
        Map<String, Object> json = copy.json();
        assertEquals(true, json.get("complete"));
        Map<String, Object> counts = map(json.get("counts"));
        assertEquals(3, number(counts.get("runs_created")));
        assertEquals(2, number(counts.get("versions_created")));
        assertEquals(150, number(counts.get("metric_points")));
        Map<String, Object> runIds = map(json.get("run_ids"));
        for (Run r : runs) {
            String copied = (String) runIds.get(r.id());
            assertEquals("run-" + runs.indexOf(r), prod.runs().get(copied).info().runName());
        }
        assertEquals(Map.of("1", "1", "2", "2"), map(json.get("model_versions")).get(model));
        assertTrue(copy.err().contains("\"event\":\"progress\""), copy::err);

        CliHarness.Result diff = run("mlflow", "diff", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri(),
                "--experiment", experiment, "--model", model);
        assertEquals(0, diff.code(), diff::toString);
        assertTrue(diff.out().contains("no differences"), diff::out);

        // a second copy creates nothing
        CliHarness.Result again = run("--json", "mlflow", "copy", "--from", devServer.trackingUri(), "--to",
                prodServer.trackingUri(), "--experiment", experiment, "--model", model);
        assertEquals(0, again.code(), again::toString);
        assertEquals(0, number(map(again.json().get("counts")).get("runs_created")));
        assertEquals(3, number(map(again.json().get("counts")).get("runs_skipped")));
        assertEquals(3, prodRuns(experiment));
    }

    @Test
    void dryRunChangesNothing() {
        String experiment = "dry-" + SUFFIX;
        seed(experiment, null);

        CliHarness.Result dry = run("--json", "mlflow", "copy", "--dry-run", "--from", devServer.trackingUri(), "--to",
                prodServer.trackingUri(), "--experiment", experiment);
        assertEquals(0, dry.code(), dry::toString);
        Map<String, Object> plan = dry.json();
        assertEquals(true, plan.get("dry_run"));
        assertEquals(3, number(plan.get("runs_to_create")));
        assertTrue(prod.experiments().findByName(experiment).isEmpty(), "the dry run created the experiment");

        CliHarness.Result text = run("mlflow", "copy", "--dry-run", "--from", devServer.trackingUri(), "--to",
                prodServer.trackingUri(), "--experiment", experiment);
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains("3 runs to create"), text::out);
        assertTrue(prod.experiments().findByName(experiment).isEmpty(), "the dry run created the experiment");

        CliHarness.Result diff = run("--json", "mlflow", "diff", "--from", devServer.trackingUri(), "--to",
                prodServer.trackingUri(), "--experiment", experiment);
        assertEquals(1, diff.code(), diff::toString);
        assertEquals(false, diff.json().get("equal"));
    }

    @Test
    void diffExitsOneAfterAChangeOnOneSide() {
        String experiment = "change-" + SUFFIX;
        List<Run> runs = seed(experiment, null);
        CliHarness.Result copy = run("mlflow", "copy", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri(),
                "--experiment", experiment);
        assertEquals(0, copy.code(), copy::toString);
        assertTrue(copy.out().contains("runs:           3 created"), copy::out);
        assertEquals(0, run("mlflow", "diff", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri(),
                "--experiment", experiment).code());

        dev.runs().setTag(runs.get(1).id(), "reviewed", "yes");

        CliHarness.Result diff = run("--json", "mlflow", "diff", "--from", devServer.trackingUri(), "--to",
                prodServer.trackingUri(), "--experiment", experiment);
        assertEquals(1, diff.code(), diff::toString);
        Map<String, Object> json = diff.json();
        assertTrue(number(json.get("total_differences")) >= 1, diff::out);
        assertTrue(diff.out().contains("reviewed"), diff::out);

        // copying again brings the change over
        assertEquals(0, run("mlflow", "copy", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri(),
                "--experiment", experiment).code());
        assertEquals(0, run("mlflow", "diff", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri(),
                "--experiment", experiment).code());
    }

    @Test
    void exportExperimentThenImportIntoTheOtherServer() throws Exception {
        String experiment = "export-" + SUFFIX;
        String imported = "imported-" + SUFFIX;
        seed(experiment, null);
        Path dir = home.resolve("export");

        CliHarness.Result export = run("mlflow", "--tracking-uri", devServer.trackingUri(), "export-experiment", "--experiment",
                experiment, "--output-dir", dir.toString());
        assertEquals(0, export.code(), export::toString);
        assertTrue(Files.isRegularFile(dir.resolve("experiment.json")), () -> dir + " lacks experiment.json");

        CliHarness.Result imp = run("--json", "mlflow", "--tracking-uri", prodServer.trackingUri(), "import-experiment",
                "--experiment-name", imported, "--input-dir", dir.toString());
        assertEquals(0, imp.code(), imp::toString);
        assertEquals(3, number(map(imp.json().get("counts")).get("runs_created")));
        assertEquals(3, prodRuns(imported));

        // importing again creates no duplicates
        CliHarness.Result again = run("--json", "mlflow", "--tracking-uri", prodServer.trackingUri(), "import-experiment",
                "--experiment-name", imported, "--input-dir", dir.toString());
        assertEquals(0, again.code(), again::toString);
        assertEquals(0, number(map(again.json().get("counts")).get("runs_created")));
        assertEquals(3, prodRuns(imported));
    }

    @Test
    void copyWithoutSelectionIsAUsageError() {
        CliHarness.Result r = run("mlflow", "copy", "--from", devServer.trackingUri(), "--to", prodServer.trackingUri());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--experiment, --model or --all"), r::err);
        assertFalse(r.err().isBlank());
    }
}
