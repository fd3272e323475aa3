package io.dataops4j.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenRequestContext;
import io.dataops4j.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CredentialTest {
    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void staticKinds() {
        assertEquals(Map.of("Authorization", "Bearer dapi-cred-test-0001"), Credential.bearer(Secret.of("dapi-cred-test-0001")).headers(false));
        assertEquals(Map.of("Authorization", basic("alice:pw-cred-test-0002")),
                Credential.basic("alice", Secret.of("pw-cred-test-0002")).headers(true));
        assertEquals(Map.of("Authorization", basic("dss-key-cred-test-0003:")), Credential.apiKey(Secret.of("dss-key-cred-test-0003")).headers(false));
        assertEquals(Map.of("Authorization", basic(":ado-pat-cred-test-0004")),
                Credential.patAsBasicPassword(Secret.of("ado-pat-cred-test-0004")).headers(false));
        assertEquals(Map.of(), Credential.none().headers(false));
        assertEquals(List.of("bearer", "basic", "api-key", "pat", "none"), List.of(
                Credential.bearer(Secret.of("dapi-cred-test-0001")).kind(), Credential.basic("a", Secret.of("pw-cred-test-0002")).kind(),
                Credential.apiKey(Secret.of("dss-key-cred-test-0003")).kind(),
                Credential.patAsBasicPassword(Secret.of("ado-pat-cred-test-0004")).kind(), Credential.none().kind()));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        Credential c = Credential.basic("alice", Secret.of("pw-cred-test-0005"));
        assertEquals("Credential[basic, ****]", c.toString());
        assertEquals("Credential[none]", Credential.none().toString());
        assertEquals("Secret[****]", Secret.of("pw-cred-test-0005").toString());
    }

    @Test
    void secretsCompareByValueWithoutShowingIt() {
        assertEquals(Secret.of("same-secret-value"), Secret.of("same-secret-value"));
        assertFalse(Secret.of("same-secret-value").equals(Secret.of("other-secret-value")));
        assertEquals(null, Secret.ofNullable(""));
        assertEquals(null, Secret.ofNullable(null));
        assertThrows(IllegalArgumentException.class, () -> Secret.of(""));
        assertThrows(NullPointerException.class, () -> Secret.of(null));
    }

    @Test
    void entraIdWrapsAnAzureCredentialForOneScopeWithCaching() {
        List<List<String>> asked = new CopyOnWriteArrayList<>();
        com.azure.core.credential.TokenCredential azure = ctx -> {
            asked.add(ctx.getScopes());
            return Mono.just(new com.azure.core.credential.AccessToken("entra-token-" + asked.size() + "-abcdef",
                    OffsetDateTime.of(2099, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        };
        TokenCredential cred = EntraIdCredential.of(azure, Scopes.ARM);
        assertEquals("Bearer entra-token-1-abcdef", cred.headers(false).get("Authorization"));
        assertEquals("Bearer entra-token-1-abcdef", cred.headers(false).get("Authorization"), "cached");
        assertEquals("Bearer entra-token-2-abcdef", cred.headers(true).get("Authorization"), "forced");
        assertEquals(List.of(List.of("https://management.azure.com/.default"), List.of("https://management.azure.com/.default")), asked);
        assertEquals(Instant.parse("2099-01-01T00:00:00Z"), cred.cachedExpiry());
        assertEquals("entra-id", cred.kind());
        assertTrue(EntraIdCredential.available());
        assertEquals(new TokenRequestContext().addScopes(Scopes.DEVOPS).getScopes(), List.of("499b84ac-1321-427f-aa17-267ca6975798/.default"));
    }
}
