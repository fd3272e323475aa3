package io.dataops4j.cli.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.ExternalProcess;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.testkit.MlflowServer;
import io.dataops4j.testkit.MlflowServerExtension;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/notebook.jsh} run the way a user runs it ({@code jshell examples/notebook.jsh} from the repository
 * root, with the JDK that runs the build) against the testkit's real MLflow server, then checked on the server. An
 * integration test (failsafe): it needs {@code sdk-cli/target/dataops4j.jar}, which {@code package} builds.
 */
@ExtendWith(MlflowServerExtension.class)
class NotebookIT {
    private static final Pattern RUN_ID = Pattern.compile("^run id: ([0-9a-f]{32})$", Pattern.MULTILINE);

    @Test
    void theNotebookLogsARunWithMetricsAndAnArtifact(MlflowServer server) throws Exception {
        Path root = ExternalProcess.repositoryRoot();
        assertTrue(Files.isRegularFile(root.resolve("examples/notebook.jsh")));
        assertTrue(Files.isRegularFile(root.resolve("sdk-cli/target/dataops4j.jar")), "the package phase builds the jar first");
        Path jshell = Path.of(System.getProperty("java.home"), "bin", System.getProperty("os.name").startsWith("Windows")
                ? "jshell.exe" : "jshell");
        assertTrue(Files.isExecutable(jshell), jshell + ": the build must run on a JDK");

        ExternalProcess.Result r = ExternalProcess.run(List.of(jshell.toString(), "examples/notebook.jsh"), root,
                Map.of("MLFLOW_TRACKING_URI", server.trackingUri()), Duration.ofMinutes(5));
        String out = r.output();
        assertEquals(0, r.exitCode(), r::toString);
        for (String line : out.lines().toList()) {
            assertTrue(!line.startsWith("Error:") && !line.contains("|  Exception") && !line.contains("|  Error")
                    && !line.startsWith("Exception"), "a snippet failed: " + line + "\n" + r);
        }
        assertTrue(out.contains("tracking server: " + server.trackingUri() + "/\n"), r::toString);
        assertTrue(out.contains("\nExperiment[experimentId="), "experiments print as records: " + r);
        assertTrue(out.contains("\nLogBatchResult[requests=1, metrics=40, params=2, tags=0]\n"), r::toString);
        assertTrue(out.contains("\nmetrics: {loss=0.05, accuracy=0.975}\n"), r::toString);
        assertTrue(out.contains("\nArtifactFile[path=reports/summary.txt, dir=false, fileSize=16]\n"), r::toString);
        assertTrue(out.contains("\nsummary.txt: final loss 0.05\n"), r::toString);
        assertTrue(out.strip().endsWith("notebook done"), r::toString);
        Matcher m = RUN_ID.matcher(out);
        assertTrue(m.find(), r::toString);
        String runId = m.group(1);

        try (MlflowClient mlflow = MlflowClient.of(server.trackingUri())) {
            Run run = mlflow.runs().get(runId);
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertEquals("dataops4j-notebook", mlflow.experiments().get(run.info().experimentId()).name());
            assertEquals("examples/notebook.jsh", run.data().tag("source"));
            assertEquals(Map.of("learning_rate", "0.01", "epochs", "20"), run.data().paramMap());
            List<Metric> loss = mlflow.runs().metricHistory(runId, "loss").toList();
            assertEquals(20, loss.size());
            for (int step = 0; step < 20; step++) {
                assertEquals(step, loss.get(step).step());
                assertEquals(1.0 / (step + 1), loss.get(step).value());
            }
            assertEquals(20, mlflow.runs().metricHistory(runId, "accuracy").toList().size());
            List<ArtifactFile> files = mlflow.artifacts().listRecursive(runId, "").toList();
            assertEquals(List.of(new ArtifactFile("reports/summary.txt", false, 16L)), files);
            try (InputStream in = mlflow.artifacts().open(runId, "reports/summary.txt")) {
                assertEquals("final loss 0.05\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
