package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

    @Test
    void fromEnvironmentSendsTheKeyAsBasicUser() {
        try (DssFixtures f = DssFixtures.of("projects-get")) {
            DssClient dss = DssClient.fromEnvironment(Map.of(DssClient.ENV_URL, f.url() + "/", DssClient.ENV_API_KEY, DssFixtures.API_KEY));
            assertEquals("DATAOPS", dss.projects().get("DATAOPS").projectKey());
            assertEquals(f.url(), dss.url().toString());
            assertTrue(dss.http().baseUrl().toString().endsWith("/public/api/"));
            assertFalse(dss.toString().contains(DssFixtures.API_KEY), dss.toString());
            f.verify();
        }
    }

    @Test
    void bearerIsAnOptionAndAGivenApiPathIsNotDoubled() {
        String json = "[{\"name\":\"p\",\"when\":{\"method\":\"GET\",\"path\":\"/public/api/projects/P\","
                + "\"headers\":{\"Authorization\":\"Bearer bearer-fixture-key-77\"}},\"then\":{\"body\":{\"projectKey\":\"P\"}}}]";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            DssClient dss = DssClient.builder().url(f.url() + "/public/api").bearer(Secret.of("bearer-fixture-key-77"))
                    .serverVersion(DssFixtures.NEW).build();
            assertEquals("P", dss.projects().get("P").projectKey());
            RecordedRequest r = f.fixtures.requests().get(0);
            assertEquals("application/json", r.getHeaders().get("Accept"));
            f.verify();
        }
    }

    @Test
    void missingSettingsNameWhereTheyWereLookedFor() {
        ConfigurationException noUrl = assertThrows(ConfigurationException.class, () -> DssClient.fromEnvironment(Map.of()));
        assertTrue(noUrl.getMessage().contains("DKU_DSS_URL"), noUrl.getMessage());
        ConfigurationException noKey = assertThrows(ConfigurationException.class,
                () -> DssClient.fromEnvironment(Map.of(DssClient.ENV_URL, "https://dss.example.com")));
        assertTrue(noKey.getMessage().contains("DKU_API_KEY"), noKey.getMessage());
        ConfigurationException badFlag = assertThrows(ConfigurationException.class, () -> DssClient.fromEnvironment(Map.of(
                DssClient.ENV_URL, "https://dss.example.com", DssClient.ENV_API_KEY, "k-123456", DssClient.ENV_NO_CHECK_CERTIFICATE, "maybe")));
        assertTrue(badFlag.getMessage().contains(DssClient.ENV_NO_CHECK_CERTIFICATE));
        ConfigurationException plainHttp = assertThrows(ConfigurationException.class,
                () -> DssClient.builder("http://dss.example.com", Secret.of("k-123456")).build());
        assertTrue(plainHttp.getMessage().contains("not loopback"), plainHttp.getMessage());
    }

    @Test
    void insecureTlsIsAnExplicitOptIn() {
        DssClient dss = DssClient.fromEnvironment(Map.of(DssClient.ENV_URL, "https://dss.example.com",
                DssClient.ENV_API_KEY, "k-1234567", DssClient.ENV_NO_CHECK_CERTIFICATE, "true"));
        assertEquals("https://dss.example.com", dss.url().toString());
    }

    @Test
    void trustStoreFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ca.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "changeit".toCharArray());
        }
        DssClient dss = DssClient.builder("https://dss.example.com", Secret.of("k-1234567"))
                .trustStore(file, "changeit".toCharArray()).build();
        assertEquals("DSS", dss.http().service());
        Files.writeString(dir.resolve("bad.p12"), "not a key store");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DssClient.builder("https://dss.example.com",
                Secret.of("k-1234567")).trustStore(dir.resolve("bad.p12"), "x".toCharArray()));
        assertTrue(e.getMessage().contains("bad.p12"), e.getMessage());
    }

    @Test
    void versions() {
        assertTrue(DssVersion.parse("14.2.0").orElseThrow().hasConnectionTest());
        assertTrue(DssVersion.parse("15.0").orElseThrow().hasConnectionTest());
        assertFalse(DssVersion.parse("14.1.9").orElseThrow().hasConnectionTest());
        assertFalse(DssVersion.parse("9.0.5").orElseThrow().hasConnectionTest());
        DssVersion rc = DssVersion.parse("14.3.3-rc1").orElseThrow();
        assertEquals(0, rc.compareTo(DssVersion.of(14, 3, 3)), "the suffix does not count");
        assertEquals("14.3.3-rc1", rc.text());
        assertTrue(DssVersion.parse("dev/master").isEmpty());
        assertTrue(DssVersion.parse(null).isEmpty());
    }
}
