package io.dataops4j.mlflow;

import io.dataops4j.testkit.MlflowServer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared real MLflow server of the test JVM and unique names (the server is shared by every test class). */
final class TestSupport {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private TestSupport() {
    }

    static MlflowServer server() {
        return MlflowServer.shared();
    }

    static MlflowClient client() {
        return MlflowClient.builder().trackingUri(server().trackingUri()).build();
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }
}
