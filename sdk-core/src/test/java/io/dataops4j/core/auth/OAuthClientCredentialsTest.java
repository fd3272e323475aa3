package io.dataops4j.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.UnauthenticatedException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.testsupport.FakeClock;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthClientCredentialsTest {
    static final String SECRET = "oauth-test-client-secret-9f8e7d";

    private MockWebServer idp;
    private MockWebServer api;
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void start() throws Exception {
        idp = new MockWebServer();
        idp.start();
        api = new MockWebServer();
        api.start();
    }

    @AfterEach
    void stop() {
        idp.close();
        api.close();
    }

    private static MockResponse token(String value, int expiresIn) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}").build();
    }

    private OAuthClientCredentials.Builder m2m() {
        return OAuthClientCredentials.builder()
                .tokenEndpoint(idp.url("/oidc/v1/token").toString())
                .clientId("app-1234")
                .clientSecret(Secret.of(SECRET))
                .scope("all-apis")
                .clock(clock)
                .http(ApiClient.builder("OAUTH", "sdk-core").sleeper(new RecordingSleeper()));
    }

    @Test
    void tokenRequestIsAFormWithBasicClientAuthentication() throws Exception {
        idp.enqueue(token("oauth-access-token-1", 3600));
        TokenCredential cred = m2m().build();
        assertEquals("Bearer oauth-access-token-1", cred.headers(false).get("Authorization"));
        RecordedRequest r = idp.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/oidc/v1/token", r.getTarget());
        assertEquals("grant_type=client_credentials&scope=all-apis", r.getBody().utf8());
        assertEquals("application/x-www-form-urlencoded", r.getHeaders().get("Content-Type"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("app-1234:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                r.getHeaders().get("Authorization"));
        assertEquals("oauth-m2m", cred.kind());
    }

    @Test
    void secretInBodyWhenAskedFor() throws Exception {
        idp.enqueue(token("oauth-access-token-2", 3600));
        m2m().secretInBody(true).build().headers(false);
        RecordedRequest r = idp.takeRequest();
        assertEquals("grant_type=client_credentials&scope=all-apis&client_id=app-1234&client_secret=" + SECRET, r.getBody().utf8());
        assertNull(r.getHeaders().get("Authorization"));
    }

    @Test
    void theTokenIsCachedAndRefreshedAheadOfExpiry() throws Exception {
        idp.enqueue(token("oauth-access-token-3", 3600));
        idp.enqueue(token("oauth-access-token-4", 3600));
        for (int i = 0; i < 3; i++) {
            api.enqueue(new MockResponse.Builder().body("{}").build());
        }
        ApiClient client = ApiClient.builder("DATABRICKS", "sdk-test").baseUrl(api.url("/").toString())
                .credential(m2m().build()).build();
        client.send(ApiRequest.get("api/2.0/clusters/list").build());
        client.send(ApiRequest.get("api/2.0/clusters/list").build());
        assertEquals(1, idp.getRequestCount(), "one token for both calls");
        clock.advance(Duration.ofSeconds(3600 - 119));
        client.send(ApiRequest.get("api/2.0/clusters/list").build());
        assertEquals(2, idp.getRequestCount(), "refreshed two minutes before expiry");
        assertEquals("Bearer oauth-access-token-3", api.takeRequest().getHeaders().get("Authorization"));
        assertEquals("Bearer oauth-access-token-3", api.takeRequest().getHeaders().get("Authorization"));
        assertEquals("Bearer oauth-access-token-4", api.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void theTokenEndpointIsRetriedLikeAnyIdempotentCall() {
        idp.enqueue(new MockResponse.Builder().code(503).build());
        idp.enqueue(token("oauth-access-token-5", 60));
        assertEquals("Bearer oauth-access-token-5", m2m().build().headers(false).get("Authorization"));
        assertEquals(2, idp.getRequestCount());
    }

    @Test
    void aRejectedClientIsUnauthenticatedWithTheOAuthCode() {
        idp.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed for secret " + SECRET + "\"}").build());
        ApiClient client = ApiClient.builder("DATABRICKS", "sdk-test").baseUrl(api.url("/").toString())
                .credential(m2m().build()).build();
        UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> client.send(ApiRequest.get("api/x").build()));
        assertEquals("OAUTH", e.service());
        assertEquals("invalid_client", e.errorCode());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.serviceMessage().contains(SECRET), e.serviceMessage());
        assertEquals(0, api.getRequestCount(), "nothing is sent without a token");
    }

    @Test
    void anAnswerWithoutTokenFails() {
        idp.enqueue(new MockResponse.Builder().body("{\"token_type\":\"Bearer\"}").build());
        DataOpsException e = assertThrows(DataOpsException.class, () -> m2m().build().headers(false));
        assertTrue(e.getMessage().contains("returned no access_token"), e.getMessage());
        assertThrows(NullPointerException.class, () -> OAuthClientCredentials.builder().clientId("x").build());
    }

    @Test
    void tokenResponseToStringHidesTheToken() {
        OAuthClientCredentials.TokenResponse r = new OAuthClientCredentials.TokenResponse("oauth-access-token-6", "Bearer", 60L);
        assertEquals("TokenResponse[****, Bearer, 60]", r.toString());
    }
}
