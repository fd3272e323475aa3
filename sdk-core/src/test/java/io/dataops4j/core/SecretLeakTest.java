package io.dataops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.AccessToken;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.OAuthClientCredentials;
import io.dataops4j.core.auth.TokenCredential;
import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.config.Setting;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.core.testsupport.CapturingLogs;
import io.dataops4j.core.testsupport.FakeClock;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

/**
 * Runs clients at DEBUG and TRACE with known secrets of every kind, including failing calls whose error bodies echo
 * the secrets, then scans every captured log line, every exception message (and cause), and the toString() of
 * credentials, clients, requests and results for each secret.
 */
class SecretLeakTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // registered through Secret (the normal way), fresh per run
    private final String pat = "dapi" + random(16);
    private final String basicUser = "svc-etl";
    private final String basicPassword = "Pw-" + random(8);
    private final String apiKey = "dkuaps-" + random(12);
    private final String oauthClientSecret = "dose" + random(16);
    private final String webhookSecret = "whsec-" + random(12);
    // never wrapped in a Secret by the test: masked by their shape (sig=, password=) or by the pipeline
    private final String sasSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(random(24).getBytes(StandardCharsets.UTF_8));
    private final String jdbcPassword = "jdbcPw" + random(8);
    // the token the identity provider hands out
    private final String issuedAccessToken = "eyJ0eXAiOiJKV1Qi." + random(20) + ".sig";

    private MockWebServer server;
    private final List<Throwable> thrown = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        CapturingLogs.clear();
    }

    @AfterEach
    void stop() {
        CapturingLogs.level(Level.INFO);
        server.close();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> secrets() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("PAT", pat);
        all.put("basic password", basicPassword);
        all.put("basic header", b64(basicUser + ":" + basicPassword));
        all.put("API key", apiKey);
        all.put("API key header", b64(apiKey + ":"));
        all.put("OAuth client secret", oauthClientSecret);
        all.put("OAuth basic header", b64("app-77:" + oauthClientSecret));
        all.put("issued access token", issuedAccessToken);
        all.put("webhook secret", webhookSecret);
        all.put("SAS sig", sasSignature);
        all.put("JDBC password", jdbcPassword);
        return all;
    }

    private ApiClient.Builder client(String service) {
        return ApiClient.builder(service, "sdk-core-test").baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)).sleeper(new RecordingSleeper());
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** Runs a call that must fail, keeping what it threw for the scan. */
    private void failing(Runnable call) {
        thrown.add(assertThrows(DataOpsException.class, call::run));
    }

    private <T> T keep(T o) {
        objects.add(o);
        return o;
    }

    @ParameterizedTest
    @EnumSource(value = Level.class, names = {"DEBUG", "TRACE"})
    void noSecretReachesLogsMessagesOrToString(Level level) throws Exception {
        CapturingLogs.level(level);

        // 1. a PAT: a call that works (with a webhook secret in its body), 5xx and 401 answers that echo the token
        ApiClient dbx = keep(client("DATABRICKS").credential(keep(Credential.bearer(Secret.of(pat)))).build());
        server.enqueue(answer(200, "{\"webhook\":{\"id\":\"w1\"}}"));
        dbx.send(keep(ApiRequest.post("api/2.0/mlflow/registry-webhooks/create").json(Map.of("model_name", "m", "events",
                List.of("MODEL_VERSION_CREATED"), "http_url_spec", Map.of("url", "https://hooks.example.com/x", "secret", Secret.of(webhookSecret).reveal())))
                .idempotent().build()));
        String echoPat = "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"token " + pat + " could not be checked\"}";
        server.enqueue(answer(500, echoPat));
        server.enqueue(answer(500, echoPat));
        keep(io.dataops4j.core.error.ErrorParser.GENERIC.parse(500, echoPat));
        failing(() -> dbx.send(ApiRequest.get("api/2.1/jobs/list").build()));
        server.enqueue(answer(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid access token " + pat + "\"}"));
        server.enqueue(answer(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Authorization: Bearer " + pat + "\"}"));
        failing(() -> dbx.send(ApiRequest.get("api/2.1/jobs/list").build()));
        server.enqueue(answer(200, "{\"id\":\"" + pat + "\"}"));
        failing(() -> dbx.send(ApiRequest.get("api/2.1/jobs/get").build(), IntHolder.class));

        // 2. basic auth: a 403 echoing the password and the header
        ApiClient basic = keep(client("MLFLOW").credential(keep(Credential.basic(basicUser, Secret.of(basicPassword)))).build());
        server.enqueue(answer(403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"user svc-etl with password " + basicPassword
                + " (Basic " + b64(basicUser + ":" + basicPassword) + ") may not\"}"));
        failing(() -> basic.send(ApiRequest.get("api/2.0/mlflow/experiments/search").build()));

        // 3. an API key (DSS) echoed in the detailed message
        ApiClient dss = keep(client("DSS").credential(keep(Credential.apiKey(Secret.of(apiKey)))).build());
        server.enqueue(answer(404, "{\"errorType\":\"com.dataiku.dip.exceptions.UnauthorizedException\",\"message\":\"no such key\","
                + "\"detailedMessage\":\"API key " + apiKey + " is not valid\"}"));
        failing(() -> dss.send(ApiRequest.get("public/api/projects/").build()));

        // 4. OAuth client credentials: a rejection echoing the client secret, then a token, then an API error echoing it
        MockWebServer idp = new MockWebServer();
        idp.start();
        try {
            TokenCredential m2m = keep(OAuthClientCredentials.builder().tokenEndpoint(idp.url("/oidc/v1/token").toString())
                    .clientId("app-77").clientSecret(Secret.of(oauthClientSecret)).scope("all-apis")
                    .http(ApiClient.builder("OAUTH", "sdk-core").sleeper(new RecordingSleeper())).build());
            ApiClient viaOauth = keep(client("DATABRICKS").credential(m2m).build());
            idp.enqueue(answer(401, "{\"error\":\"invalid_client\",\"error_description\":\"secret " + oauthClientSecret + " does not match\"}"));
            failing(() -> viaOauth.send(ApiRequest.get("api/2.0/clusters/list").build()));
            idp.enqueue(answer(200, "{\"access_token\":\"" + issuedAccessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
            server.enqueue(answer(400, "{\"error_code\":\"BAD_REQUEST\",\"message\":\"token " + issuedAccessToken + " lacks scope\"}"));
            failing(() -> viaOauth.send(ApiRequest.get("api/2.0/clusters/list").build()));
            assertEquals("grant_type=client_credentials&scope=all-apis", idp.takeRequest().getBody().utf8());
        } finally {
            idp.close();
        }

        // 5. a pre-signed link with a SAS signature, refused with an answer that echoes the signature
        ApiClient blob = keep(client("DATABRICKS").credential(Credential.bearer(Secret.of(pat))).build());
        String link = server.url("/container/part-0001.parquet").newBuilder().addQueryParameter("sv", "2022-11-02")
                .addQueryParameter("se", "2026-01-01T00:00:00Z").addQueryParameter("sig", sasSignature).build().toString();
        server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/xml").body(
                "<?xml version=\"1.0\"?><Error><Code>AuthenticationFailed</Code><Message>Signature " + sasSignature
                        + " did not match for " + link + "</Message></Error>").build());
        failing(() -> blob.send(keep(ApiRequest.get(link).unauthenticated().build())));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String deadLink = "http://127.0.0.1:" + closedPort + "/c/b?sv=1&sig=" + sasSignature;
        failing(() -> blob.send(keep(ApiRequest.get(deadLink).unauthenticated().build())));

        // 6. a JDBC URL with a password in a request body (DSS connection params), echoed by the error
        String jdbc = "jdbc:postgresql://db.internal:5432/sales?user=etl&password=" + jdbcPassword + "&ssl=true";
        server.enqueue(answer(400, "{\"errorType\":\"java.sql.SQLException\",\"message\":\"cannot connect to " + jdbc + "\"}"));
        failing(() -> dss.send(ApiRequest.put("public/api/admin/connections/pg").json(Map.of("name", "pg", "type", "PostgreSQL",
                "params", keep(RawJson.of("{\"url\":\"" + jdbc + "\",\"password\":\"" + jdbcPassword + "\"}")))).build()));

        // 7. an ARM operation that fails with a message echoing the token
        FakeClock clock = new FakeClock();
        ArmClient arm = keep(ArmClient.builder().endpoint(server.url("/").toString()).credential(Credential.bearer(Secret.of(pat)))
                .timing(clock, new RecordingSleeper(clock)).build());
        server.enqueue(answer(201, "{}").newBuilder().addHeader("Azure-AsyncOperation", server.url("/ops/1").toString()).build());
        server.enqueue(answer(200, "{\"status\":\"Failed\",\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"token " + pat + " expired\"}}"));
        Poller<RawJson> poller = keep(arm.beginPut("/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/y/z", "2025-01-01", Map.of()));
        failing(() -> poller.waitForCompletion(Duration.ofMinutes(1)));
        keep(poller.latestResponse());

        // 8. configuration and tokens
        keep(ConfigResolver.of("Databricks", Environment.of(Map.of("DATABRICKS_TOKEN", pat)))
                .require(Setting.of("token", "personal access token").env("DATABRICKS_TOKEN").asSecret(), null));
        keep(new AccessToken(Secret.of(issuedAccessToken), Instant.now()));
        keep(TokenCredential.of("custom", () -> new AccessToken(Secret.of(pat), Instant.MAX)));
        keep(Credential.patAsBasicPassword(Secret.of(pat)));

        // the secrets really went on the wire (so the scan below is not vacuous)
        List<RecordedRequest> seen = new ArrayList<>();
        while (server.getRequestCount() > seen.size()) {
            seen.add(server.takeRequest());
        }
        String wire = seen.stream().map(r -> r.getHeaders().toMultimap() + " " + r.getTarget() + " " + (r.getBody() == null ? "" : r.getBody().utf8())).reduce("", String::concat);
        for (String s : List.of(pat, b64(basicUser + ":" + basicPassword), b64(apiKey + ":"), issuedAccessToken, sasSignature, jdbcPassword,
                webhookSecret)) {
            assertTrue(wire.contains(s), "sent on the wire: " + s);
        }

        // every exception was a service or transport failure with a useful message
        assertEquals(11, thrown.size());
        for (Throwable t : thrown) {
            assertFalse(t.getMessage().isBlank());
        }
        assertTrue(thrown.stream().anyMatch(t -> t instanceof ServiceException se && se.serviceMessage() != null
                && se.serviceMessage().contains("could not be checked")), "messages keep their non-secret words");

        // the scan
        List<String> texts = new ArrayList<>();
        List<String> logs = CapturingLogs.lines();
        assertTrue(logs.stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("--> GET")), "DEBUG lines were captured");
        if (level == Level.TRACE) {
            assertTrue(logs.stream().anyMatch(l -> l.contains("--> Authorization: ****")), "TRACE shows headers, masked");
            assertTrue(logs.stream().anyMatch(l -> l.contains("--> body:") && l.contains("\"secret\":\"****\"")), "TRACE shows JSON bodies, masked");
        }
        texts.addAll(logs);
        for (Throwable t : thrown) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                texts.add(c.getClass().getName() + ": " + c.getMessage());
                texts.add(c.toString());
                if (c instanceof ServiceException se) {
                    texts.add(String.valueOf(se.serviceMessage()));
                    texts.add(String.valueOf(se.url()));
                }
            }
        }
        for (Object o : objects) {
            texts.add(String.valueOf(o));
        }
        Map<String, String> secrets = secrets();
        List<String> leaks = new ArrayList<>();
        for (String text : texts) {
            secrets.forEach((what, value) -> {
                if (text.contains(value)) {
                    leaks.add(what + " in: " + text);
                }
            });
        }
        assertEquals(List.of(), leaks);
        assertTrue(texts.size() > 30, "scanned " + texts.size() + " texts");
    }

    /** A shape that cannot hold the answer, so that decoding fails with the value in Moshi's message. */
    public record IntHolder(int id) {
    }
}
