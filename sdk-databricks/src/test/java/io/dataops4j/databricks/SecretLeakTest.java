package io.dataops4j.databricks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.Secret;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.testkit.Faults;
import io.dataops4j.testkit.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PAT and the OAuth client secret never reach a log line, an exception message or a toString(). */
class SecretLeakTest {
    private static final String PAT = "dapi0123456789abcdef0123456789abcdef";
    private static final String CLIENT_SECRET = "dose0123456789abcdefSECRETvalue";

    @TempDir
    Path home;

    @Test
    void secretsStayHidden() throws Exception {
        List<String> texts = new ArrayList<>();
        LogCapture logs = LogCapture.start();
        try (logs; MockWebServer server = new MockWebServer()) {
            // the service echoes what it was sent, in an error and in a retried 503
            server.enqueue(Faults.json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"token " + PAT + " busy\"}"));
            server.enqueue(Faults.json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid token: Bearer " + PAT + "\"}"));
            server.enqueue(Faults.json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid token: Bearer " + PAT + "\"}"));
            server.enqueue(Faults.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + CLIENT_SECRET + "\"}"));
            server.start();
            Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = " + server.url("/") + "\ntoken = " + PAT + "\n");
            DatabricksClient dbx = DatabricksClient.builder().environment(Environment.of(Map.of())).home(home)
                    .timing(TestSupport.clock(), d -> { }).build();
            texts.add(dbx.toString());
            texts.add(dbx.config().toString());
            texts.add(dbx.config().values().toString());
            texts.add(dbx.http().toString());
            texts.add(dbx.http().credential().toString());
            DataOpsException e = assertThrows(DataOpsException.class, () -> dbx.jobs().get(1));
            texts.add(e.getMessage());
            texts.add(String.valueOf(e));

            DatabricksClient m2m = DatabricksClient.builder().environment(Environment.of(Map.of()))
                    .home(home.resolve("none")).host(server.url("/").toString())
                    .oauthM2m("client-id", Secret.of(CLIENT_SECRET)).timing(TestSupport.clock(), d -> { }).build();
            texts.add(m2m.toString());
            texts.add(m2m.config().values().toString());
            DataOpsException e2 = assertThrows(DataOpsException.class, () -> m2m.jobs().get(1));
            texts.add(e2.getMessage());
            for (Throwable t = e2.getCause(); t != null; t = t.getCause()) {
                texts.add(String.valueOf(t));
            }
        }
        texts.add(logs.text());
        for (String t : texts) {
            assertFalse(t.contains(PAT), "PAT leaked in: " + t);
            assertFalse(t.contains(CLIENT_SECRET), "client secret leaked in: " + t);
            assertFalse(t.contains("Y2xpZW50LWlkOmRvc2U"), "Basic credentials leaked in: " + t);
        }
    }
}
