package io.dataops4j.databricks.entra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.testkit.Faults;
import io.dataops4j.testkit.LogCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace PAT and the Graph token never reach a log line, an exception message or a toString() of the sync. */
class ScimSecretLeakTest {
    private static final String PAT = "dapi0123456789abcdefSCIMLEAK0123456789";
    private static final String GRAPH_TOKEN = "eyJ0eXAiOiJKV1QiGRAPHLEAKTOKEN.payload.signature";

    @TempDir
    Path home;

    @Test
    void tokensStayHidden() throws Exception {
        List<String> texts = new ArrayList<>();
        LogCapture logs = LogCapture.start();
        try (logs; MockWebServer server = new MockWebServer()) {
            // SCIM echoes the token in an error; Graph throttles, then echoes its token in a 403
            server.enqueue(Faults.json(401, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                    + "\"detail\":\"Invalid token Bearer " + PAT + "\",\"status\":\"401\"}"));
            server.enqueue(Faults.json(401, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                    + "\"detail\":\"Invalid token Bearer " + PAT + "\",\"status\":\"401\"}"));
            server.enqueue(Faults.json(200, "{\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0}"));
            server.enqueue(Faults.json(200, "{\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0}"));
            server.enqueue(Faults.json(200, "{\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0}"));
            server.enqueue(Faults.tooManyRequests(java.time.Duration.ofSeconds(1)));
            server.enqueue(Faults.json(403, "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"token "
                    + GRAPH_TOKEN + " lacks GroupMember.Read.All\"}}"));
            server.start();
            DatabricksClient dbx = TestSupport.builder(server, home, TestSupport.clock()).token(Secret.of(PAT)).build();
            GraphClient graph = GraphClient.builder().baseUrl(server.url("/").toString())
                    .credential(Credential.bearer(Secret.of(GRAPH_TOKEN))).sleeper(d -> { }).build();
            GroupSync sync = GroupSync.builder().entraGroup(graph, "g1").databricksGroup(dbx.scim(), "data-eng").build();
            texts.add(graph.toString());
            texts.add(graph.http().toString());
            texts.add(sync.toString());
            texts.add(dbx.scim().toString());
            texts.add(dbx.scim().users().toString());
            DataOpsException e1 = assertThrows(DataOpsException.class, () -> dbx.scim().users().get("1"));
            texts.add(e1.getMessage());
            texts.add(String.valueOf(e1));
            DataOpsException e2 = assertThrows(DataOpsException.class, () -> sync.plan(ProgressListener.NONE));
            texts.add(e2.getMessage());
            texts.add(String.valueOf(e2));
            for (Throwable t = e2.getCause(); t != null; t = t.getCause()) {
                texts.add(String.valueOf(t));
            }
        }
        texts.add(logs.text());
        for (String t : texts) {
            assertFalse(t.contains(PAT), "PAT leaked in: " + t);
            assertFalse(t.contains(GRAPH_TOKEN), "Graph token leaked in: " + t);
            assertFalse(t.contains("GRAPHLEAKTOKEN"), "part of the Graph token leaked in: " + t);
        }
    }
}
