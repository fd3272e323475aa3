package io.dataops4j.devops;

import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.error.UnauthenticatedException;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.logicapps.LogicAppTrigger;
import io.dataops4j.devops.pipelines.Pipeline;
import io.dataops4j.devops.releases.Release;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entra ID tokens for the DevOps scope, and a Logic App trigger's callback URL through ARM, against MockWebServer. */
class EntraIdAndLogicAppTest {
    private static final String DEVOPS_SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";
    private MockWebServer server;
    private final List<List<String>> scopesAsked = new CopyOnWriteArrayList<>();

    /** A fake azure-identity credential: numbered tokens, valid for long, recording the scopes it is asked for. */
    private final com.azure.core.credential.TokenCredential fakeAzure = ctx -> {
        scopesAsked.add(ctx.getScopes());
        return Mono.just(new com.azure.core.credential.AccessToken("entra-devops-token-" + scopesAsked.size() + "-zq81",
                OffsetDateTime.of(2099, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    };

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private DevOpsClient entraClient() {
        return DevOpsClient.builder(server.url("/myorg").toString()).credential(EntraIdCredential.of(fakeAzure, Scopes.DEVOPS))
                .releaseUrl(server.url("/vsrm/myorg").toString())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))).build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void entraIdTokenForTheDevOpsScopeIsSentAsBearerAndRefreshedOnceAfterA401() throws Exception {
        assertEquals(DEVOPS_SCOPE, Scopes.DEVOPS);
        try (DevOpsClient devops = entraClient()) {
            server.enqueue(json("{\"id\":7,\"name\":\"deploy\"}"));
            Pipeline p = devops.pipelines().get("proj", 7);
            assertEquals("deploy", p.name());
            RecordedRequest first = server.takeRequest();
            assertEquals("Bearer entra-devops-token-1-zq81", first.getHeaders().get("Authorization"));
            assertEquals("Suppress", first.getHeaders().get("X-TFS-FedAuthRedirect"));

            // the release host uses the same cached token
            server.enqueue(json("{\"id\":17,\"name\":\"Release-17\"}"));
            Release r = devops.releases().get("proj", 17);
            assertEquals(17, r.id());
            RecordedRequest vsrm = server.takeRequest();
            assertEquals("/vsrm/myorg/proj/_apis/release/releases/17", vsrm.getUrl().encodedPath());
            assertEquals("Bearer entra-devops-token-1-zq81", vsrm.getHeaders().get("Authorization"), "cached, not fetched again");
            assertEquals(List.of(List.of(DEVOPS_SCOPE)), scopesAsked);

            // an expired token: 401, one forced refresh, the same request again with the new token
            server.enqueue(new MockResponse.Builder().code(401).body("").build());
            server.enqueue(json("{\"id\":7,\"name\":\"deploy\"}"));
            assertEquals(7, devops.pipelines().get("proj", 7).id());
            assertEquals("Bearer entra-devops-token-1-zq81", server.takeRequest().getHeaders().get("Authorization"));
            assertEquals("Bearer entra-devops-token-2-zq81", server.takeRequest().getHeaders().get("Authorization"));
            assertEquals(List.of(List.of(DEVOPS_SCOPE), List.of(DEVOPS_SCOPE)), scopesAsked, "one refresh, same scope");

            // a token the service keeps refusing: one refresh only, then UnauthenticatedException without the token
            server.enqueue(new MockResponse.Builder().code(401).body("").build());
            server.enqueue(new MockResponse.Builder().code(401).body("").build());
            UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> devops.pipelines().get("proj", 7));
            assertEquals(3, scopesAsked.size(), "exactly one more token after the first 401");
            assertEquals(6, server.getRequestCount(), "two attempts, not more");
            assertFalse(e.getMessage().contains("entra-devops-token"), e.getMessage());
            assertFalse(devops.toString().contains("entra-devops-token"), devops.toString());
        }
    }

    @Test
    void logicAppCallbackUrlComesFromArmListCallbackUrlAndItsSignatureNeverShows() throws Exception {
        // answer shaped as the ARM spec's example (Microsoft.Logic 2016-06-01 WorkflowTriggersListCallbackUrl.json)
        String sig = "IxEQ_ygZf6WNEQCbjV0Vs6p6Y4DyNEJVAa86U5Bscan";
        String invoke = server.url("/workflows/fb9c8d79b15f41ce9b12861862f43546/triggers/manual/paths/invoke").toString();
        String value = invoke + "?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + sig;
        server.enqueue(json(Json.shared().toJson(Map.of("value", value, "method", "POST", "basePath", invoke,
                "queries", Map.of("api-version", "2016-10-01", "sp", "/triggers/manual/run", "sv", "1.0", "sig", sig)))));
        String workflow = "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/test-resource-group"
                + "/providers/Microsoft.Logic/workflows/test-workflow";
        Secret url;
        try (ArmClient arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(EntraIdCredential.of(fakeAzure, Scopes.ARM)).build()) {
            url = LogicAppTrigger.callbackUrl(arm, workflow, "manual");
        }
        RecordedRequest list = server.takeRequest();
        assertEquals("POST", list.getMethod());
        assertEquals(workflow + "/triggers/manual/listCallbackUrl", list.getUrl().encodedPath());
        assertEquals(LogicAppTrigger.API_VERSION, list.getUrl().queryParameter("api-version"));
        assertEquals("2016-06-01", LogicAppTrigger.API_VERSION);
        assertEquals("Bearer entra-devops-token-1-zq81", list.getHeaders().get("Authorization"));
        assertEquals(List.of(List.of(Scopes.ARM)), scopesAsked, "ARM is called with the ARM scope");
        assertEquals(value, url.reveal(), "the callback URL is the answer's value");
        assertFalse(url.toString().contains(sig), url.toString());

        LogicAppTrigger trigger = LogicAppTrigger.of(url);
        assertFalse(trigger.toString().contains(sig), trigger.toString());
        server.enqueue(new MockResponse.Builder().code(202).build());
        assertEquals(202, trigger.invoke(Map.of("model", "churn", "version", "3")));
        RecordedRequest call = server.takeRequest();
        assertEquals("POST", call.getMethod());
        assertEquals(sig, call.getUrl().queryParameter("sig"));
        assertNull(call.getHeaders().get("Authorization"), "the SAS signature is the only credential");
        assertEquals(Map.of("model", "churn", "version", "3"), Json.shared().parseValue(call.getBody().utf8()));

        // the answer carries no value: a DeserializationException, not a null URL
        server.enqueue(json("{\"method\":\"POST\"}"));
        try (ArmClient arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("arm-token-scan-55"))).build()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> LogicAppTrigger.callbackUrl(arm, workflow, "manual"));
            assertTrue(e.getMessage().contains("without a value"), e.getMessage());
        }
    }
}
