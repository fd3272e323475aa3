package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.DataOpsException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop and failure of servers this class owns. */
class MlflowServerLifecycleTest {

    @Test
    void closeStopsTheWholeProcessTreeReleasesThePortAndKeepsAGivenWorkDir(@TempDir Path work) throws IOException {
        MlflowServer server = MlflowServer.builder()
                .name("lifecycle")
                .workDir(work)
                .env("MLFLOW_WEBHOOK_ALLOWED_SCHEMES", "https")   // overrides the testkit's default
                .startupTimeout(Duration.ofMinutes(3))
                .start();
        int port = server.port();
        ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        tree.add(root);
        assertTrue(tree.size() >= 2, "mlflow server runs its web server as a child process: " + tree);
        assertEquals(work.toAbsolutePath(), server.workDir());
        assertEquals(work.toAbsolutePath().resolve("mlflow.db"), server.databaseFile());
        assertTrue(Files.isDirectory(server.artifactsDir()));

        // the environment reached the server: plain-http webhooks are refused now
        TestHttp.Reply refused = TestHttp.post(server.uri(), "/api/2.0/mlflow/webhooks",
                "{\"name\":\"w\",\"url\":\"http://127.0.0.1:9/hook\","
                        + "\"events\":[{\"entity\":\"REGISTERED_MODEL\",\"action\":\"CREATED\"}]}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("INVALID_PARAMETER_VALUE", refused.json().get("error_code"));

        server.close();

        assertFalse(server.isRunning());
        for (ProcessHandle handle : tree) {
            assertFalse(handle.isAlive(), "still alive: " + handle.pid() + " " + handle.info().commandLine().orElse(""));
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort());
        }
        assertTrue(Files.isRegularFile(work.resolve("mlflow.db")), "a given work dir is kept");
        String log = Files.readString(server.logFile());
        assertTrue(log.contains("--backend-store-uri sqlite:////"), log);
        // SIGTERM first: uvicorn (MLflow 3.8's web server) shut down gracefully
        assertTrue(log.contains("Application shutdown complete"), server.logTail(20));
        server.close();   // idempotent
        assertTrue(server.toString().endsWith("stopped]"), server.toString());
    }

    @Test
    void aTemporaryWorkDirIsDeletedOnClose() {
        Path dir;
        try (MlflowServer server = MlflowServer.start()) {
            dir = server.workDir();
            assertTrue(Files.isRegularFile(server.logFile()));
            assertTrue(dir.getFileName().toString().startsWith("dataops4j-mlflow-mlflow-"), dir.toString());
            assertEquals(200, TestHttp.get(server.uri(), "/health").status());
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void aServerThatExitsDuringStartupFailsAtOnceWithItsLog() {
        DataOpsException failure = assertThrows(DataOpsException.class,
                () -> MlflowServer.builder().name("bad-args").args("--no-such-option").start());

        assertTrue(failure.getMessage().startsWith("MLflow server 'bad-args' exited with code "), failure.getMessage());
        assertTrue(failure.getMessage().contains("No such option '--no-such-option'"), failure.getMessage());
    }

    @Test
    void aServerThatIsNotHealthyInTimeFailsWithItsLogTail(@TempDir Path work) {
        DataOpsException failure = assertThrows(DataOpsException.class,
                () -> MlflowServer.builder().name("slow").workDir(work).startupTimeout(Duration.ofMillis(300)).start());

        assertTrue(failure.getMessage().contains("did not become healthy within PT0.3S"), failure.getMessage());
        assertTrue(failure.getMessage().contains("last lines of " + work.toAbsolutePath().resolve("server.log")),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("=== dataops4j testkit: "), failure.getMessage());
        // the process it started is gone: nothing holds the work dir's log open for writing any more
        assertTrue(ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().commandLine().orElse("").contains(work.toString())));
    }

    @Test
    void builderArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> MlflowServer.builder().name("no spaces"));
        assertThrows(IllegalArgumentException.class, () -> MlflowServer.builder().port(0));
        assertThrows(IllegalArgumentException.class, () -> MlflowServer.builder().startupTimeout(Duration.ZERO));
        assertEquals("3.8.1", MlflowServer.PINNED_VERSION);
        assertEquals("http,https", MlflowServer.defaultEnvironment().get("MLFLOW_WEBHOOK_ALLOWED_SCHEMES"));
        assertEquals("true", MlflowServer.defaultEnvironment().get("MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS"));
        assertEquals("mlflow-3.8.1", MlflowServer.pinnedTool().home().getFileName().toString());
    }
}
