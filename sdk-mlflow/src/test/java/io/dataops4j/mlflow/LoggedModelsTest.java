package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.paging.Page;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.tracking.CreateLoggedModel;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.LoggedModelStatus;
import io.dataops4j.mlflow.tracking.LoggedModels;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.SearchLoggedModels;
import io.dataops4j.testkit.MlflowServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logged models (MLflow 3) against the shared real MLflow 3.8.1 server. */
class LoggedModelsTest {
    private final MlflowClient mlflow = TestSupport.client();
    private final LoggedModels models = mlflow.loggedModels();
    private final String experimentId = mlflow.experiments().create(TestSupport.unique("logged-models"));

    @Test
    void createGetTagParamsFinalizeDelete() {
        Run run = mlflow.runs().create(experimentId, "trainer");
        LoggedModel m = models.create(CreateLoggedModel.builder(experimentId).name("classifier").modelType("sklearn")
                .sourceRunId(run.id()).param("alpha", "0.5").param("l1", "0.1")
                .tag("équipe", "données 📊").tag("temp", "x").build());

        assertTrue(m.id().startsWith("m-"), m.id());
        assertEquals("models:/" + m.id(), m.uri());
        assertEquals(experimentId, m.info().experimentId());
        assertEquals("classifier", m.info().name());
        assertEquals("sklearn", m.info().modelType());
        assertEquals(run.id(), m.info().sourceRunId());
        assertEquals(LoggedModelStatus.LOGGED_MODEL_PENDING, m.info().status());
        assertEquals("mlflow-artifacts:/" + experimentId + "/models/" + m.id() + "/artifacts", m.info().artifactUri());
        assertNotNull(m.info().creationTimestamp());
        assertEquals(Map.of("alpha", "0.5", "l1", "0.1"), m.data().paramMap());
        assertEquals("données 📊", m.info().tag("équipe"));

        models.setTag(m.id(), "stage", "candidate");
        models.deleteTag(m.id(), "temp");
        models.logParams(m.id(), List.of(Param.of("depth", "7")));
        LoggedModel read = models.get(m.id());
        assertEquals("candidate", read.info().tag("stage"));
        assertNull(read.info().tag("temp"));
        assertEquals("données 📊", read.info().tag("équipe"));
        assertEquals("7", read.data().param("depth"));
        assertEquals(3, read.data().params().size());

        LoggedModel ready = models.finalize(m.id(), LoggedModelStatus.LOGGED_MODEL_READY);
        assertEquals(LoggedModelStatus.LOGGED_MODEL_READY, ready.info().status());
        assertTrue(!ready.info().lastUpdatedTimestamp().isBefore(m.info().creationTimestamp()));
        assertEquals(LoggedModelStatus.LOGGED_MODEL_READY, models.get(m.id()).info().status());

        models.delete(m.id());
        assertThrows(ResourceNotFoundException.class, () -> models.get(m.id()));
        assertEquals(m.id(), models.get(m.id(), true).id());
    }

    @Test
    void manyParamsGoInBatches() {
        List<Param> params = IntStream.range(0, 230).mapToObj(i -> Param.of("p" + i, "v" + i)).toList();
        LoggedModel m = models.create(CreateLoggedModel.builder(experimentId).params(params).build());
        assertNotNull(m.info().name());                         // made up by the server
        assertEquals(230, m.data().params().size());
        assertEquals("v229", m.data().param("p229"));

        LoggedModel other = models.create(experimentId);
        models.logParams(other.id(), params.subList(0, 150));
        assertEquals(150, models.get(other.id()).data().params().size());
    }

    @Test
    void searchFiltersAndPages() {
        String exp = mlflow.experiments().create(TestSupport.unique("logged-models-search"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(models.create(CreateLoggedModel.builder(exp).name("lm-" + i).param("i", Integer.toString(i))
                    .tag("parity", i % 2 == 0 ? "even" : "odd").build()).id());
        }
        models.finalize(ids.get(3), LoggedModelStatus.LOGGED_MODEL_READY);

        SearchLoggedModels byName = SearchLoggedModels.builder().experimentIds(exp)
                .orderBy(SearchLoggedModels.OrderBy.asc("name")).pageSize(2).build();
        List<Integer> pageSizes = new ArrayList<>();
        for (Page<LoggedModel> page : models.search(byName).byPage()) {
            pageSizes.add(page.items().size());
        }
        assertEquals(List.of(2, 2, 1), pageSizes);
        assertEquals(List.of("lm-0", "lm-1", "lm-2", "lm-3", "lm-4"),
                models.search(byName).stream().map(m -> m.info().name()).toList());
        assertEquals(List.of("lm-4", "lm-3"), models.search(SearchLoggedModels.builder().experimentIds(exp)
                .orderBy(SearchLoggedModels.OrderBy.desc("name")).pageSize(1).build()).stream().limit(2)
                .map(m -> m.info().name()).toList());

        assertEquals(List.of("lm-0", "lm-2", "lm-4"), models.search(SearchLoggedModels.builder().experimentIds(exp)
                .filter("tags.parity = 'even'").orderBy(SearchLoggedModels.OrderBy.asc("name")).pageSize(2).build())
                .stream().map(m -> m.info().name()).toList());
        List<LoggedModel> byId = models.search(SearchLoggedModels.builder().experimentIds(exp)
                .filter("model_id = '" + ids.get(3) + "'").build()).toList();
        assertEquals(List.of(ids.get(3)), byId.stream().map(LoggedModel::id).toList());
        assertEquals(LoggedModelStatus.LOGGED_MODEL_READY, byId.get(0).info().status());
        assertEquals(List.of("lm-1"), models.search(SearchLoggedModels.builder().experimentIds(exp)
                .filter("params.i = '1'").build()).stream().map(m -> m.info().name()).toList());
        assertEquals(5, models.search(SearchLoggedModels.inExperiments(exp)).stream().count());
    }

    @Test
    void artifactsRoundTripAndRegistration(@TempDir Path tmp) throws IOException {
        Run run = mlflow.runs().create(experimentId, "producer");
        LoggedModel m = models.create(CreateLoggedModel.builder(experimentId).name("with-files").sourceRunId(run.id()).build());
        byte[] weights = new byte[300_000];
        new Random(42).nextBytes(weights);
        byte[] mlmodel = ("artifact_path: x\nmodel_id: " + m.id() + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(tmp.resolve("model/data"));
        Files.write(tmp.resolve("model/MLmodel"), mlmodel);
        Files.write(dir.resolve("weights.bin"), weights);

        ArtifactRepository repo = models.artifacts(m);
        assertEquals(m.info().artifactUri(), repo.rootUri());
        repo.uploadFile(tmp.resolve("model"), "");

        // through the artifact proxy
        assertEquals(List.of("MLmodel", "data/weights.bin"), repo.listRecursive("").stream().map(ArtifactFile::path).sorted().toList());
        assertArrayEquals(mlmodel, read(repo.open("MLmodel")));
        assertArrayEquals(weights, read(models.artifacts(m.id()).open("data/weights.bin")));

        // through the tracking server's logged model routes
        List<ArtifactFile> top = models.listArtifacts(m.id(), "").toList();
        assertEquals(List.of("MLmodel", "data"), top.stream().map(ArtifactFile::path).sorted().toList());
        assertTrue(top.stream().filter(f -> f.path().equals("data")).findFirst().orElseThrow().isDir());
        List<ArtifactFile> inData = models.listArtifacts(m.id(), "data").toList();
        assertEquals(1, inData.size());
        assertEquals("data/weights.bin", inData.get(0).path());
        assertEquals(weights.length, inData.get(0).fileSize());
        assertArrayEquals(weights, read(models.openArtifact(m.id(), "data/weights.bin")));
        assertArrayEquals(mlmodel, read(models.openArtifact(m.id(), "MLmodel")));
        Path downloaded = models.serverArtifacts(m.id()).download("", tmp.resolve("dl"));
        assertArrayEquals(weights, Files.readAllBytes(downloaded.resolve("data/weights.bin")));
        assertArrayEquals(mlmodel, Files.readAllBytes(downloaded.resolve("MLmodel")));
        assertThrows(ServiceException.class, () -> read(models.openArtifact(m.id(), "missing.txt")));
        assertThrows(UnsupportedOperationException.class,
                () -> models.serverArtifacts(m.id()).uploadFile(tmp.resolve("model/MLmodel"), ""));

        models.finalize(m.id(), LoggedModelStatus.LOGGED_MODEL_READY);
        String name = TestSupport.unique("from-logged-model");
        mlflow.registeredModels().create(name);
        ModelVersion v = mlflow.modelVersions().createAndWait(CreateModelVersion.builder(name, m.uri()).modelId(m.id()).build(),
                Duration.ofMinutes(1));
        assertEquals(ModelVersionStatus.READY, v.status());
        assertEquals("models:/" + m.id(), v.source());
        assertEquals(run.id(), v.runId());                     // taken from the logged model's source run
        // MLflow 3.8.1's SQL registry does not store model_id: the version's model_id comes back empty, and the
        // link lives in the source, the download URI and the logged model's mlflow.modelVersions tag
        assertEquals(m.info().artifactUri(), mlflow.modelVersions().downloadUri(name, v.version()));
        String registered = models.get(m.id()).info().tag("mlflow.modelVersions");
        assertNotNull(registered);
        assertTrue(registered.contains("\"" + name + "\""), registered);
    }

    /** A model that MLflow's own Python client logs and registers ({@code mlflow.pyfunc.log_model}), read back here. */
    @Test
    void readsWhatPythonLogs(@TempDir Path tmp) throws Exception {
        String exp = TestSupport.unique("python-logged");
        String registered = TestSupport.unique("python-registered");
        String code = String.join("\n",
                "import sys, mlflow, mlflow.pyfunc",
                "mlflow.set_tracking_uri(sys.argv[1])",
                "mlflow.set_experiment(sys.argv[2])",
                "class Echo(mlflow.pyfunc.PythonModel):",
                "    def predict(self, context, model_input, params=None):",
                "        return model_input",
                "with mlflow.start_run() as run:",
                "    info = mlflow.pyfunc.log_model(name='echo', python_model=Echo(), pip_requirements=['mlflow'],",
                "                                   registered_model_name=sys.argv[3], params={'alpha': '0.5'})",
                "print('MODEL_ID=' + info.model_id)",
                "print('RUN_ID=' + run.info.run_id)");
        Path log = tmp.resolve("python.log");
        ProcessBuilder pb = new ProcessBuilder(MlflowServer.pinnedTool().python().toString(), "-c", code,
                TestSupport.server().trackingUri(), exp, registered)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(MlflowServer.defaultEnvironment());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        String modelId = value(out, "MODEL_ID=");
        String runId = value(out, "RUN_ID=");

        LoggedModel m = models.get(modelId);
        assertEquals("echo", m.info().name());
        assertEquals(runId, m.info().sourceRunId());
        assertEquals(LoggedModelStatus.LOGGED_MODEL_READY, m.info().status());
        assertEquals("0.5", m.data().param("alpha"));
        assertEquals(m.info().experimentId(), mlflow.experiments().getByName(exp).experimentId());
        assertTrue(m.info().tag("mlflow.modelVersions").contains(registered), m.info().tagMap().toString());
        assertEquals(List.of(modelId), models.search(SearchLoggedModels.inExperiments(m.info().experimentId())).stream()
                .map(LoggedModel::id).toList());

        List<String> files = models.listArtifacts(modelId, "").stream().map(ArtifactFile::path).toList();
        assertTrue(files.containsAll(List.of("MLmodel", "python_model.pkl", "requirements.txt")), files.toString());
        String viaServer = new String(read(models.openArtifact(modelId, "MLmodel")), StandardCharsets.UTF_8);
        String viaProxy = new String(read(models.artifacts(m).open("MLmodel")), StandardCharsets.UTF_8);
        assertEquals(viaServer, viaProxy);
        assertTrue(viaServer.contains("model_id: " + modelId), viaServer);

        List<ModelVersion> versions = mlflow.modelVersions().search(SearchModelVersions.ofModel(registered)).toList();
        assertEquals(1, versions.size());
        assertEquals("models:/" + modelId, versions.get(0).source());
        assertEquals(runId, versions.get(0).runId());
    }

    private static String value(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in:\n" + out));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
