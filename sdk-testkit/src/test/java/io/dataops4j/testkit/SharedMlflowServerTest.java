package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JVM-wide server, injected by the extension's default form. */
@ExtendWith(MlflowServerExtension.class)
class SharedMlflowServerTest {
    private final MlflowServer fromConstructor;

    SharedMlflowServerTest(MlflowServer server) {
        this.fromConstructor = server;
    }

    @Test
    void injectsTheSharedServerEverywhere(MlflowServer fromMethod) {
        assertSame(MlflowServer.shared(), fromConstructor);
        assertSame(fromConstructor, fromMethod);
        assertEquals("shared", fromMethod.name());
        String id = TestHttp.createExperiment(fromMethod, "shared-" + System.nanoTime());
        assertEquals(200, TestHttp.get(fromMethod.uri(), "/api/2.0/mlflow/experiments/get?experiment_id=" + id).status());
    }

    @Test
    void closingTheSharedServerDoesNothing(MlflowServer server) {
        server.close();

        assertTrue(server.isRunning());
        assertEquals(200, TestHttp.get(server.uri(), "/health").status());
        assertSame(server, MlflowServer.shared());
    }
}
