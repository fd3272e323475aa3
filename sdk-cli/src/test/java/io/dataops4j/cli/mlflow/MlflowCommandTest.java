package io.dataops4j.cli.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.json.Json;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.testkit.MlflowServer;
import io.dataops4j.testkit.MlflowServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataops4j mlflow ...} in-process against the testkit's shared real MLflow server: output, JSON documents and
 * exit codes. The server is shared by every test class of the JVM, so every name here is unique.
 */
@ExtendWith(MlflowServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlflowCommandTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final int RUNS = 25;

    @TempDir
    Path home;

    private MlflowServer server;
    private MlflowClient sdk;
    private String experimentName;
    private String experimentId;
    private final List<String> runIds = new ArrayList<>();
    private String artifactRun;
    private String modelName;

    @BeforeAll
    void seed(MlflowServer server) {
        this.server = server;
        this.sdk = MlflowClient.builder().trackingUri(server.trackingUri()).build();
        experimentName = "cli-runs-" + SUFFIX;
        experimentId = sdk.experiments().create(experimentName, List.of(Tag.of("team", "data science")));
        for (int i = 0; i < RUNS; i++) {
            Run run = sdk.runs().create(CreateRun.builder(experimentId).runName("run-" + i).tag("fold", "f" + (i % 3)).build());
            sdk.runs().logBatch(run.id(), List.of(Metric.of("score", i, 0), Metric.of("loss", 1.0 / (i + 1), 0)),
                    List.of(Param.of("i", Integer.toString(i))), List.of());
            sdk.runs().terminate(run.id(), RunStatus.FINISHED);
            runIds.add(run.id());
        }
        artifactRun = runIds.get(0);
        sdk.artifacts().upload(artifactRun, "top.txt", ApiBody.bytes("top".getBytes(StandardCharsets.UTF_8), "text/plain"));
        sdk.artifacts().upload(artifactRun, "model/MLmodel", ApiBody.bytes("flavors: {}\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
        sdk.artifacts().upload(artifactRun, "model/data/weights.bin", ApiBody.bytes(new byte[1234], "application/octet-stream"));
        // a unicode folder: MLflow 3.8.1 answers 500 to the download of a file whose own name is not ASCII (it puts the
        // name in a Content-Disposition header, which Starlette encodes as ASCII)
        sdk.artifacts().upload(artifactRun, "données/notes.txt", ApiBody.bytes("unicode".getBytes(StandardCharsets.UTF_8), "text/plain"));

        modelName = "cli-model-" + SUFFIX;
        sdk.registeredModels().create(modelName, "Predicts churn", List.of(Tag.of("owner", "ds")));
        for (int v = 0; v < 3; v++) {
            sdk.modelVersions().createAndWait(CreateModelVersion.builder(modelName,
                    "mlflow-artifacts:/" + experimentId + "/" + artifactRun + "/artifacts/model").runId(artifactRun).build(),
                    Duration.ofSeconds(60));
        }
        sdk.registeredModels().setAlias(modelName, "champion", "2");
        sdk.modelVersions().transitionStage(modelName, "1", ModelStage.PRODUCTION, false);
    }

    private CliHarness.Result run(String... args) {
        return CliHarness.in(home).env("MLFLOW_TRACKING_URI", server.trackingUri()).run(args);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonArray(CliHarness.Result r) {
        return (List<Map<String, Object>>) Json.shared().parseValue(r.out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(CliHarness.Result r) {
        return (Map<String, Object>) Json.shared().parseValue(r.out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(CliHarness.Result r) {
        return (Map<String, Object>) r.errJson().get("error");
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    // ---- experiments

    @Test
    void experimentsCreateGetAndList() {
        String name = "cli-exp-ünïcødé-" + SUFFIX;
        CliHarness.Result created = run("mlflow", "experiments", "create", name, "--tag", "team=ds", "--tag", "note=héllo wörld");
        assertEquals(0, created.code(), created::toString);
        Experiment e = sdk.experiments().getByName(name);
        assertEquals("ds", e.tag("team"));
        assertEquals("héllo wörld", e.tag("note"));
        assertTrue(created.out().startsWith("Created experiment " + e.experimentId() + " '" + name + "'\n"), created::toString);
        assertTrue(created.out().contains("\nname                " + name + "\n"), created::toString);
        assertTrue(created.out().contains("\n  note              héllo wörld\n"), created::toString);

        for (String key : List.of(name, e.experimentId())) {
            CliHarness.Result got = run("mlflow", "experiments", "get", key);
            assertEquals(0, got.code(), got::toString);
            assertEquals(created.out().substring(created.out().indexOf("id ")), got.out());
        }
        CliHarness.Result json = run("--json", "mlflow", "experiments", "get", name);
        assertEquals(0, json.code(), json::toString);
        Map<String, Object> doc = jsonObject(json);
        assertEquals(e.experimentId(), doc.get("experiment_id"));
        assertEquals(name, doc.get("name"));
        assertEquals("active", doc.get("lifecycle_stage"));
        assertEquals(List.of(Map.of("key", "team", "value", "ds"), Map.of("key", "note", "value", "héllo wörld")), doc.get("tags"));

        CliHarness.Result list = run("mlflow", "experiments", "list", "--filter", "name = '" + name + "'");
        assertEquals(0, list.code(), list::toString);
        List<String> rows = lines(list.out());
        assertEquals(2, rows.size(), list::toString);
        assertTrue(rows.get(0).matches("ID +NAME +STAGE +CREATED +ARTIFACT LOCATION"), rows.get(0));
        assertTrue(rows.get(1).matches(e.experimentId() + " +" + name + " +active +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +"
                + e.artifactLocation()), rows.get(1));
    }

    @Test
    void experimentsCreateWithAnArtifactLocationAndJson() {
        String name = "cli-exp-json-" + SUFFIX;
        CliHarness.Result created = run("--json", "mlflow", "experiments", "create", name, "--artifact-location",
                "mlflow-artifacts:/custom-" + SUFFIX);
        assertEquals(0, created.code(), created::toString);
        Map<String, Object> doc = jsonObject(created);
        assertEquals(sdk.experiments().getByName(name).experimentId(), doc.get("experiment_id"));
        assertEquals("mlflow-artifacts:/custom-" + SUFFIX, doc.get("artifact_location"));

        CliHarness.Result again = run("mlflow", "experiments", "create", name);
        assertEquals(1, again.code(), again::toString);
        assertTrue(again.err().startsWith("dataops4j: MLFLOW 400 RESOURCE_ALREADY_EXISTS: Experiment(name=" + name
                + ") already exists."), again::toString);
    }

    @Test
    void experimentsListPagesLazilyUpToMaxResults() {
        for (int i = 0; i < 3; i++) {
            sdk.experiments().create("cli-many-" + SUFFIX + "-" + i);
        }
        String filter = "name LIKE 'cli-many-" + SUFFIX + "-%'";
        CliHarness.Result two = run("mlflow", "experiments", "list", "--filter", filter, "--order-by", "name DESC",
                "--max-results", "2");
        assertEquals(0, two.code(), two::toString);
        List<String> rows = lines(two.out());
        assertEquals(3, rows.size(), two::toString);
        assertTrue(rows.get(1).contains("cli-many-" + SUFFIX + "-2"), two::toString);
        assertTrue(rows.get(2).contains("cli-many-" + SUFFIX + "-1"), two::toString);
        assertEquals("(more experiments exist than the 2 shown; raise --max-results to see them)\n", two.err());

        CliHarness.Result all = run("--json", "mlflow", "experiments", "list", "--filter", filter, "--order-by", "name ASC");
        assertEquals(0, all.code(), all::toString);
        assertEquals(List.of("cli-many-" + SUFFIX + "-0", "cli-many-" + SUFFIX + "-1", "cli-many-" + SUFFIX + "-2"),
                jsonArray(all).stream().map(m -> m.get("name")).toList());
        assertEquals("", all.err());

        CliHarness.Result exact = run("mlflow", "experiments", "list", "--filter", filter, "--max-results", "3");
        assertEquals(4, lines(exact.out()).size(), exact::toString);
        assertEquals("", exact.err(), "no note when nothing more exists");
    }

    @Test
    void deletedExperimentsShowWithTheViewOption() {
        String name = "cli-deleted-" + SUFFIX;
        String id = sdk.experiments().create(name);
        sdk.experiments().delete(id);
        String filter = "name = '" + name + "'";
        assertEquals("no experiments\n", run("mlflow", "experiments", "list", "--filter", filter).out());
        CliHarness.Result deleted = run("mlflow", "experiments", "list", "--filter", filter, "--view", "deleted");
        assertEquals(0, deleted.code(), deleted::toString);
        assertTrue(lines(deleted.out()).get(1).matches(id + " +" + name + " +deleted .*"), deleted::toString);
        assertEquals("[]\n", run("--json", "mlflow", "experiments", "list", "--filter", filter).out());
        CliHarness.Result bad = run("mlflow", "experiments", "list", "--view", "gone");
        assertEquals(2, bad.code(), bad::toString);
        assertEquals("dataops4j: Invalid value for option '--view': expected active, deleted or all but was 'gone' "
                + "(see 'dataops4j mlflow experiments list --help')", bad.err().strip());
    }

    @Test
    void unknownExperimentFailsWithTheServersMessage() {
        CliHarness.Result byName = run("mlflow", "experiments", "get", "no-such-experiment-" + SUFFIX);
        assertEquals(1, byName.code(), byName::toString);
        assertEquals("", byName.out());
        assertTrue(byName.err().startsWith("dataops4j: MLFLOW 404 RESOURCE_DOES_NOT_EXIST: Could not find experiment with name "
                + "'no-such-experiment-" + SUFFIX + "'"), byName::toString);
        assertEquals(1, lines(byName.err()).size(), byName::toString);

        CliHarness.Result byId = run("mlflow", "experiments", "get", "987654321");
        assertEquals(1, byId.code(), byId::toString);
        assertTrue(byId.err().startsWith("dataops4j: MLFLOW 404 RESOURCE_DOES_NOT_EXIST: No Experiment with id=987654321 exists"),
                byId::toString);

        CliHarness.Result json = run("--json", "mlflow", "runs", "search", "--experiment", "no-such-experiment-" + SUFFIX);
        assertEquals(1, json.code(), json::toString);
        assertEquals("", json.out());
        Map<String, Object> error = error(json);
        assertEquals("service", error.get("kind"));
        assertEquals("MLFLOW", error.get("service"));
        assertEquals(404, ((Number) error.get("status")).intValue());
        assertEquals("RESOURCE_DOES_NOT_EXIST", error.get("errorCode"));
        assertTrue(((String) error.get("message")).contains("Could not find experiment with name 'no-such-experiment-" + SUFFIX + "'"),
                json::toString);
        assertNotNull(error.get("requestId"));
    }

    // ---- runs

    @Test
    void runsSearchByNameOrIdAsATable() {
        CliHarness.Result byName = run("mlflow", "runs", "search", "--experiment", experimentName, "--order-by", "metrics.score DESC");
        assertEquals(0, byName.code(), byName::toString);
        List<String> rows = lines(byName.out());
        assertEquals(RUNS + 1, rows.size(), byName::toString);
        assertTrue(rows.get(0).matches("RUN ID +NAME +STATUS +STARTED +DURATION +METRICS"), rows.get(0));
        assertTrue(rows.get(1).matches(runIds.get(RUNS - 1) + " +run-24 +FINISHED +\\S+ \\S+ +\\d+(ms|\\.\\ds) +loss=0\\.04, score=24"),
                rows.get(1));
        assertTrue(rows.get(RUNS).matches(runIds.get(0) + " +run-0 +FINISHED .* +loss=1, score=0"), rows.get(RUNS));
        assertEquals("", byName.err());

        CliHarness.Result byId = run("mlflow", "runs", "search", "-e", experimentId, "--order-by", "metrics.score DESC");
        assertEquals(byName.out(), byId.out());
    }

    @Test
    void runsSearchFiltersLimitsAndStreamsJson() {
        CliHarness.Result filtered = run("--json", "mlflow", "runs", "search", "--experiment", experimentName,
                "--filter", "metrics.score >= 20 and tags.fold = 'f0'", "--order-by", "metrics.score ASC");
        assertEquals(0, filtered.code(), filtered::toString);
        List<Map<String, Object>> runs = jsonArray(filtered);
        assertEquals(List.of("run-21", "run-24"), runs.stream().map(r -> ((Map<?, ?>) r.get("info")).get("run_name")).toList());
        Map<?, ?> data = (Map<?, ?>) runs.get(0).get("data");
        assertTrue(((List<?>) data.get("params")).contains(Map.of("key", "i", "value", "21")), filtered::toString);

        CliHarness.Result limited = run("mlflow", "runs", "search", "--experiment", experimentName, "--max-results", "10");
        assertEquals(0, limited.code(), limited::toString);
        assertEquals(11, lines(limited.out()).size(), limited::toString);
        assertEquals("(more runs exist than the 10 shown; raise --max-results to see them)", limited.err().strip());

        CliHarness.Result jsonLimited = run("--json", "mlflow", "runs", "search", "--experiment", experimentName, "--max-results", "7");
        assertEquals(7, jsonArray(jsonLimited).size(), jsonLimited::toString);

        CliHarness.Result bad = run("mlflow", "runs", "search", "--experiment", experimentName, "--max-results", "0");
        assertEquals(2, bad.code(), bad::toString);
        assertEquals("dataops4j: --max-results must be at least 1, but was 0", bad.err().strip());

        CliHarness.Result missing = run("mlflow", "runs", "search");
        assertEquals(2, missing.code(), missing::toString);
        assertTrue(missing.err().startsWith("dataops4j: Missing required option: '--experiment=NAME_OR_ID'"), missing::toString);
    }

    @Test
    void anInvalidFilterFailsBeforeAnythingIsPrinted() {
        for (String format : List.of("--json", "--verbose")) {
            CliHarness.Result r = run(format, "mlflow", "runs", "search", "-e", experimentName, "--filter", "metrics.score >>> 1");
            assertEquals(1, r.code(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().contains("MLFLOW 400 INVALID_PARAMETER_VALUE: "), r::toString);
        }
        CliHarness.Result models = run("--json", "mlflow", "models", "list", "--filter", "nonsense = 1");
        assertEquals(1, models.code(), models::toString);
        assertEquals("", models.out(), models::toString);
        assertEquals("INVALID_PARAMETER_VALUE", error(models).get("errorCode"), models::toString);
    }

    @Test
    void runsSearchOverSeveralExperimentsShowsTheExperiment() {
        String other = sdk.experiments().create("cli-other-" + SUFFIX);
        String runId = sdk.runs().create(other, "elsewhere").id();
        sdk.runs().logParam(runId, "i", "3");
        CliHarness.Result r = run("mlflow", "runs", "search", "-e", experimentName, "-e", other, "--filter", "params.i = '3'");
        assertEquals(0, r.code(), r::toString);
        List<String> rows = lines(r.out());
        assertTrue(rows.get(0).matches("RUN ID +EXPERIMENT +NAME +STATUS .*"), rows.get(0));
        assertTrue(rows.stream().anyMatch(l -> l.matches(runId + " +" + other + " +elsewhere +RUNNING .*")), r::toString);
        assertTrue(rows.stream().anyMatch(l -> l.matches(runIds.get(3) + " +" + experimentId + " +run-3 +FINISHED .*")), r::toString);
        assertEquals(3, rows.size(), r::toString);
    }

    @Test
    void runsGetShowsParamsMetricsAndTags() {
        String id = runIds.get(4);
        CliHarness.Result text = run("mlflow", "runs", "get", id);
        assertEquals(0, text.code(), text::toString);
        String out = text.out();
        assertTrue(out.startsWith("run id              " + id + "\nname                run-4\nexperiment id       " + experimentId
                + "\nstatus              FINISHED\n"), out);
        assertTrue(out.contains("\nparams (1)\n  i                 4\n"), out);
        assertTrue(out.contains("\nmetrics (2, latest values)\n  loss              0.2  (step 0, "), out);
        assertTrue(out.contains("\n  score             4  (step 0, "), out);
        assertTrue(out.contains("\n  fold              f1\n"), out);
        assertTrue(out.contains("\n  mlflow.runName    run-4\n"), out);

        CliHarness.Result json = run("mlflow", "runs", "get", id, "--json");
        assertEquals(0, json.code(), json::toString);
        Map<String, Object> doc = jsonObject(json);
        Map<?, ?> info = (Map<?, ?>) doc.get("info");
        assertEquals(id, info.get("run_id"));
        assertEquals("FINISHED", info.get("status"));
        assertTrue(((Number) info.get("end_time")).longValue() >= ((Number) info.get("start_time")).longValue());
        List<?> metrics = (List<?>) ((Map<?, ?>) doc.get("data")).get("metrics");
        assertEquals(2, metrics.size());
    }

    @Test
    void unknownRunFailsWithTheServersMessage() {
        CliHarness.Result r = run("mlflow", "runs", "get", "0123456789abcdef0123456789abcdef");
        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("dataops4j: MLFLOW 404 RESOURCE_DOES_NOT_EXIST: Run with id=0123456789abcdef0123456789abcdef "
                + "not found"), r::toString);
    }

    // ---- registered models

    @Test
    void modelsListAndGet() {
        CliHarness.Result list = run("mlflow", "models", "list", "--filter", "name = '" + modelName + "'");
        assertEquals(0, list.code(), list::toString);
        List<String> rows = lines(list.out());
        assertEquals(2, rows.size(), list::toString);
        assertTrue(rows.get(0).matches("NAME +LATEST VERSIONS +ALIASES +UPDATED +DESCRIPTION"), rows.get(0));
        assertTrue(rows.get(1).matches(modelName + " +3, 1 \\(Production\\) +champion=2 +\\S+ \\S+ +Predicts churn"), rows.get(1));

        CliHarness.Result get = run("mlflow", "models", "get", modelName);
        assertEquals(0, get.code(), get::toString);
        String out = get.out();
        assertTrue(out.startsWith("name                " + modelName + "\ndescription         Predicts churn\n"), out);
        assertTrue(out.contains("\naliases             champion=2\n"), out);
        assertTrue(out.contains("\n  owner             ds\n"), out);
        List<String> versions = lines(out.substring(out.indexOf("\nversions\n") + "\nversions\n".length()));
        assertEquals(4, versions.size(), out);
        assertTrue(versions.get(0).matches("VERSION +STATUS +STAGE +ALIASES +CREATED +RUN ID +SOURCE"), versions.get(0));
        assertTrue(versions.get(1).matches(" +3 +READY +None +\\S+ \\S+ +" + artifactRun + " +mlflow-artifacts:.*"), versions.get(1));
        assertTrue(versions.get(2).matches(" +2 +READY +None +champion +.*"), versions.get(2));
        assertTrue(versions.get(3).matches(" +1 +READY +Production +\\S+ \\S+ +" + artifactRun + " .*"), versions.get(3));

        CliHarness.Result json = run("--json", "mlflow", "models", "get", modelName, "--max-results", "2");
        assertEquals(0, json.code(), json::toString);
        Map<String, Object> doc = jsonObject(json);
        assertEquals(modelName, ((Map<?, ?>) doc.get("registered_model")).get("name"));
        assertEquals(List.of("3", "2"), ((List<?>) doc.get("model_versions")).stream().map(v -> ((Map<?, ?>) v).get("version")).toList());

        CliHarness.Result jsonList = run("--json", "mlflow", "models", "list", "--filter", "name LIKE '" + modelName + "%'");
        assertEquals(List.of(modelName), jsonArray(jsonList).stream().map(m -> m.get("name")).toList());
    }

    @Test
    void unknownModelFailsWithTheServersMessage() {
        CliHarness.Result r = run("mlflow", "models", "get", "no-such-model-" + SUFFIX);
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("dataops4j: MLFLOW 404 RESOURCE_DOES_NOT_EXIST: Registered Model with name=no-such-model-"
                + SUFFIX + " not found"), r::toString);
    }

    // ---- artifacts

    @Test
    void artifactsListOneLevelOrRecursively() {
        CliHarness.Result top = run("mlflow", "artifacts", "list", artifactRun);
        assertEquals(0, top.code(), top::toString);
        assertEquals(List.of("SIZE  PATH", "   -  données/", "   -  model/", "   3  top.txt"), lines(top.out()));

        CliHarness.Result model = run("mlflow", "artifacts", "list", artifactRun, "model");
        assertEquals(List.of("SIZE  PATH", "  12  model/MLmodel", "   -  model/data/"), lines(model.out()));

        CliHarness.Result all = run("mlflow", "artifacts", "list", artifactRun, "--recursive");
        assertEquals(List.of(" SIZE  PATH", "    3  top.txt", "    7  données/notes.txt", "   12  model/MLmodel",
                "1,234  model/data/weights.bin"), lines(all.out()), "depth first, files before folders");

        CliHarness.Result json = run("--json", "mlflow", "artifacts", "list", artifactRun, "-r", "model");
        assertEquals(List.of(Map.of("path", "model/MLmodel", "is_dir", false, "file_size", 12L),
                Map.of("path", "model/data/weights.bin", "is_dir", false, "file_size", 1234L)),
                jsonArray(json).stream().map(m -> Map.of("path", m.get("path"), "is_dir", m.get("is_dir"),
                        "file_size", ((Number) m.get("file_size")).longValue())).toList());

        CliHarness.Result limited = run("mlflow", "artifacts", "list", artifactRun, "-r", "--max-results", "1");
        assertEquals(2, lines(limited.out()).size(), limited::toString);
        assertEquals("(more entries exist than the 1 shown; raise --max-results to see them)", limited.err().strip());

        assertEquals("no artifacts\n", run("mlflow", "artifacts", "list", runIds.get(1)).out());
    }

    @Test
    void artifactsDownloadEverythingADirectoryOrAFile(@TempDir Path dest) throws Exception {
        CliHarness.Result all = run("mlflow", "artifacts", "download", artifactRun, "--dest", dest.resolve("all").toString());
        assertEquals(0, all.code(), all::toString);
        assertEquals("Downloaded 4 files (1,256 bytes) to " + dest.resolve("all") + "\n", all.out());
        assertEquals("top", Files.readString(dest.resolve("all/top.txt")));
        assertEquals("unicode", Files.readString(dest.resolve("all/données/notes.txt")));
        assertEquals(1234, Files.size(dest.resolve("all/model/data/weights.bin")));
        assertTrue(all.err().startsWith("progress: 0 done "), all::toString);

        CliHarness.Result dir = run("--json", "mlflow", "artifacts", "download", artifactRun, "model/", "-d", dest.toString());
        assertEquals(0, dir.code(), dir::toString);
        assertEquals(Map.of("runId", artifactRun, "path", "model", "local", dest.resolve("model").toString(), "files", 2L, "bytes", 1246L),
                normalizeNumbers(jsonObject(dir)));
        assertEquals("flavors: {}\n", Files.readString(dest.resolve("model/MLmodel")));
        assertEquals(1234, Files.size(dest.resolve("model/data/weights.bin")));
        for (String line : lines(dir.err())) {
            Map<?, ?> event = (Map<?, ?>) Json.shared().parseValue(line);
            assertEquals("progress", event.get("event"), dir::toString);
        }

        CliHarness.Result file = run("mlflow", "artifacts", "download", artifactRun, "model/data/weights.bin", "--dest",
                dest.resolve("one").toString());
        assertEquals(0, file.code(), file::toString);
        assertEquals("Downloaded 1 file (1,234 bytes) to " + dest.resolve("one/weights.bin") + "\n", file.out());

        CliHarness.Result missing = run("mlflow", "artifacts", "download", artifactRun, "no/such.file", "--dest", dest.toString());
        assertEquals(1, missing.code(), missing::toString);
        // the artifact proxy of MLflow 3.8.1 answers a missing file with 500 INTERNAL_ERROR and the file system's message
        assertTrue(missing.err().contains("dataops4j: MLFLOW 500 INTERNAL_ERROR: "), missing::toString);
        assertTrue(missing.err().contains("No such file or directory"), missing::toString);
        assertFalse(Files.exists(dest.resolve("such.file")));
    }

    private static Map<String, Object> normalizeNumbers(Map<String, Object> doc) {
        Map<String, Object> m = new java.util.HashMap<>(doc);
        m.replaceAll((k, v) -> v instanceof Number n ? n.longValue() : v);
        return m;
    }

    // ---- configuration

    @Test
    void theTrackingUriComesFromTheOptionBeforeTheEnvironment() {
        String filter = "name = '" + experimentName + "'";
        CliHarness.Result env = run("mlflow", "experiments", "list", "--filter", filter);
        CliHarness.Result after = CliHarness.in(home).env("MLFLOW_TRACKING_URI", "http://127.0.0.1:9")
                .run("mlflow", "experiments", "list", "--filter", filter, "--tracking-uri", server.trackingUri());
        CliHarness.Result before = CliHarness.in(home)
                .run("mlflow", "--tracking-uri", server.trackingUri(), "experiments", "list", "--filter", filter);
        assertEquals(0, env.code(), env::toString);
        assertEquals(0, after.code(), after::toString);
        assertEquals(0, before.code(), before::toString);
        assertEquals(env.out(), after.out());
        assertEquals(env.out(), before.out());
        assertTrue(env.out().contains(experimentName), env::toString);
    }

    @Test
    void noTrackingServerIsAConfigurationError() {
        CliHarness.Result r = CliHarness.in(home).run("mlflow", "experiments", "list");
        assertEquals(2, r.code(), r::toString);
        assertEquals("dataops4j: MLflow tracking server not set; looked in: option --tracking-uri, environment variable "
                + "MLFLOW_TRACKING_URI", r.err().strip());
        CliHarness.Result json = CliHarness.in(home).run("--json", "mlflow", "runs", "get", "x");
        assertEquals("configuration", error(json).get("kind"));
    }

    @Test
    void theGroupsNeedASubcommandAndListThemInTheirHelp() {
        CliHarness.Result none = run("mlflow");
        assertEquals(2, none.code(), none::toString);
        assertEquals("dataops4j: Missing required subcommand (see 'dataops4j mlflow --help')", none.err().strip());
        CliHarness.Result help = run("mlflow", "--help");
        assertEquals(0, help.code(), help::toString);
        for (String sub : List.of("experiments", "runs", "models", "artifacts")) {
            assertTrue(help.out().contains("\n  " + sub + " "), help::toString);
        }
        CliHarness.Result runsHelp = run("help", "mlflow", "runs");
        assertEquals(0, runsHelp.code(), runsHelp::toString);
        assertTrue(runsHelp.out().contains("\n  search ") && runsHelp.out().contains("\n  get "), runsHelp::toString);
        assertEquals(2, run("mlflow", "runs").code());
    }
}
