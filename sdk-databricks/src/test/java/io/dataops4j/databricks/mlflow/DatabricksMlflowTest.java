package io.dataops4j.databricks.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.testkit.FixtureDispatcher;
import io.dataops4j.testkit.MlflowServer;
import io.dataops4j.testkit.MlflowServerExtension;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MlflowServerExtension.class)
class DatabricksMlflowTest {
    @TempDir
    Path home;

    /** dbfs:/ run artifacts go through the workspace's DBFS API, as the Python client sends it (fixtures/recorded/dbfs.json). */
    @Test
    void dbfsArtifactsThroughTheWorkspaceApi() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/recorded/dbfs.json");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            MlflowClient mlflow = dbx.mlflow();
            ArtifactRepository run1 = mlflow.artifacts().forUri("dbfs:/databricks/mlflow-tracking/1/r1/artifacts");
            assertInstanceOf(DbfsArtifactRepository.class, run1);
            List<ArtifactFile> top = run1.list("").toList();
            assertEquals(List.of(new ArtifactFile("model", true, null), new ArtifactFile("metrics.json", false, 11L)), top);
            assertEquals(List.of(new ArtifactFile("model/MLmodel", false, 5L)), run1.list("model").toList());
            try (InputStream in = run1.open("metrics.json")) {
                assertEquals("{\"auc\": 1.0", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            ArtifactRepository run2 = mlflow.artifacts().forUri("dbfs:/databricks/mlflow-tracking/2/r2/artifacts");
            run2.upload("metrics.json", ApiBody.bytes("{\"auc\": 1.0}".getBytes(StandardCharsets.UTF_8), "application/json"));
            run2.delete("metrics.json");
            fixtures.assertAllMatched();
            assertEquals(fixtures.requestCount(), fixtures.requests().stream()
                    .filter(r -> ("Bearer " + TestSupport.PAT).equals(r.getHeaders().get("Authorization"))).count(),
                    "every DBFS call carries the workspace's credential");
        }
    }

    /** The workspace's MLflow, here a real MLflow server standing for it: tracking and artifacts with its credential. */
    @Test
    void mlflowBoundToTheWorkspace(MlflowServer server) throws Exception {
        String uri = server.trackingUri();
        DatabricksClient dbx = DatabricksClient.builder().host(uri)
                .token(io.dataops4j.core.Secret.of(TestSupport.PAT))
                .environment(io.dataops4j.core.config.Environment.of(Map.of())).home(home).build();
        MlflowClient mlflow = dbx.mlflow();
        assertEquals(URI.create(dbx.host() + "/"), mlflow.trackingUri());
        assertEquals("bearer", mlflow.http().credential().kind());
        String exp = mlflow.experiments().create("dbx-bound-" + System.nanoTime());
        Run run = mlflow.runs().create(exp, "r");
        mlflow.runs().logMetric(run.id(), "auc", 0.91, 0);
        mlflow.artifacts().upload(run.id(), "notes.txt", ApiBody.bytes("hello".getBytes(StandardCharsets.UTF_8), "text/plain"));
        try (InputStream in = mlflow.artifacts().open(run.id(), "notes.txt")) {
            assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(0.91, mlflow.runs().get(run.id()).data().metrics().get(0).value());

        // the "databricks" tracking URI through ServiceLoader, configured from DATABRICKS_* variables
        MlflowClient viaUri = MlflowClient.builder().fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "databricks",
                "DATABRICKS_HOST", uri, "DATABRICKS_TOKEN", TestSupport.PAT,
                "DATABRICKS_CONFIG_FILE", home.resolve("none.cfg").toString())::get).build();
        assertEquals(mlflow.trackingUri(), viaUri.trackingUri());
        assertTrue(viaUri.experiments().get(exp).name().startsWith("dbx-bound-"));
    }
}
