package io.dataops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    @Test
    void registeredSecretsAreMaskedAnywhere() {
        Secret s = Secret.of("redactor-test-secret-4711");
        assertEquals("a **** b ****c", Redactor.text("a redactor-test-secret-4711 b redactor-test-secret-4711c"));
        assertEquals("Secret[****]", s.toString());
        assertEquals("nothing here", Redactor.text("nothing here"));
        assertNull(Redactor.text(null));
        assertEquals("", Redactor.text(""));
    }

    @Test
    void aReplacementCannotRebuildTheSecret() {
        Secret.of("**ab**");
        String out = Redactor.text("**ab**ab**");
        assertFalse(out.contains("**ab**"), out);
    }

    @Test
    void veryShortValuesAreNotRegistered() {
        Secret.of("abc");
        assertEquals("abc def", Redactor.text("abc def"), "too short to mask without ruining ordinary text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJzdWIiOiIx.sig | Authorization: Bearer ****",
            "Authorization: Basic YWxpY2U6c2VjcmV0 | Authorization: Basic ****",
            "SharedKey account:c2lnbmF0dXJl== | SharedKey ****",
            "Basic authentication failed | Basic authentication failed",
            "Bearer realm | Bearer realm"})
    void authorizationValues(String in, String out) {
        assertEquals(out, Redactor.text(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret", "password", "access_token", "refresh_token", "secret", "apiKey", "api_key",
            "private_key", "sasToken", "authorization", "accountKey", "webhook_secret", "token"})
    void secretJsonFields(String field) {
        String in = "{\"name\":\"n\",\"" + field + "\":\"v4lue-to-hide\",\"other\":1}";
        assertEquals("{\"name\":\"n\",\"" + field + "\":\"****\",\"other\":1}", Redactor.text(in));
    }

    @Test
    void escapedQuotesInsideSecretJsonValues() {
        assertEquals("{\"password\":\"****\",\"x\":2}", Redactor.text("{\"password\":\"a\\\"b\",\"x\":2}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/sales?user=etl&password=Pg-Pass-1;ssl=true | jdbc:postgresql://db:5432/sales?user=etl&password=****;ssl=true",
            "jdbc:sqlserver://s.database.windows.net:1433;database=d;user=u;password=Sq!P4ss;encrypt=true | jdbc:sqlserver://s.database.windows.net:1433;database=d;user=u;password=****;encrypt=true",
            "DefaultEndpointsProtocol=https;AccountName=acc;AccountKey=AbC+/1==;EndpointSuffix=core.windows.net | DefaultEndpointsProtocol=https;AccountName=acc;AccountKey=****;EndpointSuffix=core.windows.net",
            "pwd = hunter22 and more | pwd = **** and more",
            "see https://acc.blob.core.windows.net/c/b?sv=2022-11-02&sig=AbCd%2Fef%3D&se=x | see https://acc.blob.core.windows.net/c/b?sv=2022-11-02&sig=****&se=x"})
    void keyValueSecrets(String in, String out) {
        assertEquals(out, Redactor.text(in));
    }

    @Test
    void userInfoInUrls() {
        assertEquals("git clone https://build:****@dev.azure.com/org/_git/repo",
                Redactor.text("git clone https://build:ghp_pat_value@dev.azure.com/org/_git/repo"));
        assertEquals("https://user:****@host/p?q=1", Redactor.url("https://user:pw-x@host/p?q=1"));
    }

    @Test
    void urlsKeepTheirShapeAndLoseTheirSecrets() {
        String logicApp = "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
                + "?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zm9vYmFyYmF6cXV4";
        assertEquals("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
                + "?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=****", Redactor.url(logicApp));
        assertEquals("https://h/p?code=****&state=s#frag", Redactor.url("https://h/p?code=abc&state=s#frag"));
        assertEquals("https://h/p?SIG=****&x", Redactor.url("https://h/p?SIG=abc&x"));
        assertEquals("https://h/p", Redactor.url("https://h/p"));
        assertEquals("https://h/p?", Redactor.url("https://h/p?"));
        assertEquals("https://h/p?api-key=****", Redactor.url(java.net.URI.create("https://h/p?api-key=k")));
        assertNull(Redactor.url((String) null));
    }

    @ParameterizedTest
    @CsvSource({"Authorization,false", "Cookie,false", "X-Databricks-Azure-SP-Management-Token,false", "X-API-Key,false",
            "Content-Type,true", "x-request-id,true", "Retry-After,true", "x-ms-ratelimit-remaining-subscription-reads,true",
            "Location,true", "X-MS-ContinuationToken,true"})
    void onlyAllowListedHeadersAreLoggable(String header, boolean loggable) {
        assertEquals(loggable, Redactor.isLoggableHeader(header));
    }

    @Test
    void secretParameterNames() {
        for (String p : new String[] {"sig", "Signature", "token", "access_token", "code", "client_secret", "password", "key", "api-key"}) {
            assertTrue(Redactor.isSecretParam(p), p);
        }
        for (String p : new String[] {"api-version", "sv", "sp", "page_token", "continuationToken", "run_id"}) {
            assertFalse(Redactor.isSecretParam(p), p);
        }
    }
}
