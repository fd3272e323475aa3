package io.dataops4j.databricks.entra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.testkit.Faults;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Replays what msgraph-sdk 1.65.0 was recorded doing (fixtures/recorded/graph.json): transitiveMembers with
 * {@code $select}, a 429 with {@code Retry-After: 1} on the second page, then the page; our reader sends the same
 * requests, waits as asked and lists the same members.
 */
class GraphRecordedTest {
    private static String recorded(MockWebServer server) throws Exception {
        String text = new String(GraphRecordedTest.class.getClassLoader().getResourceAsStream("fixtures/recorded/graph.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        String base = server.url("/").toString();
        return text.replace("{{baseUrl}}", base.substring(0, base.length() - 1));
    }

    @Test
    void transitiveMembersMatchTheGraphSdk() throws Exception {
        TestSupport.FakeClock clock = TestSupport.clock();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            FixtureDispatcher fixtures = FixtureDispatcher.builder().json("graph.json", recorded(server)).build();
            server.setDispatcher(fixtures);
            GraphClient graph = GraphClient.builder().baseUrl(server.url("/").toString())
                    .credential(Credential.bearer(Secret.of("eyJ-graph-test-token"))).sleeper(clock.sleeper()).build();
            List<DirectoryObject> members = graph.transitiveMembers("0b7c3f55-1111-4c4c-9d9d-000000000001").toList();
            assertEquals(List.of("11111111-aaaa-4aaa-8aaa-000000000001", "0b7c3f55-1111-4c4c-9d9d-000000000002",
                    "22222222-bbbb-4bbb-8bbb-000000000001", "11111111-aaaa-4aaa-8aaa-000000000002"),
                    members.stream().map(DirectoryObject::id).toList());
            assertEquals(List.of(DirectoryObject.Kind.USER, DirectoryObject.Kind.GROUP, DirectoryObject.Kind.SERVICE_PRINCIPAL,
                    DirectoryObject.Kind.USER), members.stream().map(DirectoryObject::kind).toList());
            assertEquals("ada@contoso.com", members.get(0).userPrincipalName());
            assertEquals("6f1a4f0e-0000-4000-8000-000000000001", members.get(2).appId());
            assertEquals(List.of(Duration.ofSeconds(1)), clock.sleeps, "Retry-After honoured");
            fixtures.assertAllMatched();
            fixtures.assertAllUsed();
        }
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Faults.json(200, "{\"value\":[],\"@odata.nextLink\":\"https://evil.example.com/v1.0/steal?x=1\"}"));
            server.start();
            GraphClient graph = GraphClient.builder().baseUrl(server.url("/").toString())
                    .credential(Credential.bearer(Secret.of("eyJ-graph-test-token"))).build();
            DataOpsException e = assertThrows(DataOpsException.class, () -> graph.transitiveMembers("g1").toList());
            assertTrue(e.getMessage().contains("another host"), e.getMessage());
            assertEquals(1, server.getRequestCount());
        }
    }
}
