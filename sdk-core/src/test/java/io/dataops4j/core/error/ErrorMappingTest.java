package io.dataops4j.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.RetryPolicy;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
    private MockWebServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = ApiClient.builder("DATABRICKS", "sdk-test").baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServiceException fail(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());
        return assertThrows(ServiceException.class, () -> client.send(ApiRequest.get("api/2.1/jobs/get").query("job_id", 42).build()));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(422, BadRequestException.class),
                Arguments.of(401, UnauthenticatedException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, ResourceNotFoundException.class),
                Arguments.of(410, ResourceNotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(412, ConflictException.class),
                Arguments.of(429, TooManyRequestsException.class),
                Arguments.of(500, ServerErrorException.class),
                Arguments.of(501, ServerErrorException.class),
                Arguments.of(503, ServerErrorException.class),
                Arguments.of(418, ServiceException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void statusChoosesTheExceptionClass(int status, Class<? extends ServiceException> type) {
        ServiceException e = fail(status, "");
        assertSame(type, e.getClass());
        assertEquals(status, e.status());
        assertEquals("GET", e.method());
        assertEquals(server.url("/api/2.1/jobs/get?job_id=42").toString(), e.url());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "400, RESOURCE_DOES_NOT_EXIST, io.dataops4j.core.error.ResourceNotFoundException",
            "500, RESOURCE_DOES_NOT_EXIST, io.dataops4j.core.error.ResourceNotFoundException",
            "400, RESOURCE_ALREADY_EXISTS, io.dataops4j.core.error.ConflictException",
            "400, ALREADY_EXISTS, io.dataops4j.core.error.ConflictException",
            "500, INVALID_PARAMETER_VALUE, io.dataops4j.core.error.BadRequestException",
            "500, INVALID_STATE, io.dataops4j.core.error.BadRequestException",
            "400, INVALID_PARAMETER_VALUE, io.dataops4j.core.error.BadRequestException",
            "403, PERMISSION_DENIED, io.dataops4j.core.error.PermissionDeniedException",
            "400, ENTITY_NOT_FOUND, io.dataops4j.core.error.ResourceNotFoundException"})
    void serviceCodesWinOverTheStatus(int status, String code, String type) {
        ServiceException e = fail(status, "{\"error_code\":\"" + code + "\",\"message\":\"Job 42 does not exist.\"}");
        assertEquals(type, e.getClass().getName());
        assertEquals(code, e.errorCode());
        assertEquals(status, e.status(), "the status stays what the service sent");
    }

    @Test
    void messageFormat() throws Exception {
        ServiceException e = fail(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Job 42 does not exist.\"}");
        String id = server.takeRequest().getHeaders().get("x-request-id");
        assertEquals("DATABRICKS 404 RESOURCE_DOES_NOT_EXIST: Job 42 does not exist. [GET " + server.url("/api/2.1/jobs/get?job_id=42")
                + "]; request-id: " + id, e.getMessage());
        assertEquals("Job 42 does not exist.", e.serviceMessage());
        assertEquals("DATABRICKS", e.service());
    }

    @Test
    void anEmptyBodyStillGivesAUsefulMessage() {
        ServiceException e = fail(503, "");
        assertTrue(e.getMessage().startsWith("DATABRICKS 503: (no message) [GET "), e.getMessage());
        assertNull(e.errorCode());
    }

    @Test
    void databricksAndMlflowBody() {
        ServiceException e = fail(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"X\"}]}");
        assertEquals("INVALID_PARAMETER_VALUE", e.errorCode());
        assertEquals("bad", e.serviceMessage());
    }

    @Test
    void armBody() {
        ServiceException e = fail(404, "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'rg' could not be found.\",\"target\":null,\"details\":[]}}");
        assertEquals("ResourceGroupNotFound", e.errorCode());
        assertEquals("Resource group 'rg' could not be found.", e.serviceMessage());
        assertSame(ResourceNotFoundException.class, e.getClass());
    }

    @Test
    void armDetailsAreKept() {
        ServiceError err = ErrorParser.GENERIC.parse(400, "{\"error\":{\"code\":\"InvalidTemplate\",\"message\":\"m\","
                + "\"details\":[{\"code\":\"Inner\",\"message\":\"inner\"}]}}");
        assertEquals("InvalidTemplate", err.code());
        assertTrue(err.details().contains("\"Inner\""), err.details());
    }

    @Test
    void scimBody() {
        ServiceException e = fail(409, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"User already exists\",\"status\":\"409\",\"scimType\":\"uniqueness\"}");
        assertEquals("SCIM_409", e.errorCode());
        assertEquals("uniqueness User already exists", e.serviceMessage());
        assertSame(ConflictException.class, e.getClass());
        ServiceError noType = ErrorParser.GENERIC.parse(404, "{\"schemas\":[],\"detail\":\"User 7 not found\",\"status\":404}");
        assertEquals("SCIM_404", noType.code());
        assertEquals("User 7 not found", noType.message());
    }

    @Test
    void dssBody() {
        ServiceException e = fail(404, "{\"errorType\":\"com.dataiku.dip.exceptions.CodedIOException\",\"message\":\"Project does not exist: X\",\"detailedMessage\":\"Project does not exist: X, caused by: ...\"}");
        assertEquals("com.dataiku.dip.exceptions.CodedIOException", e.errorCode());
        assertEquals("Project does not exist: X", e.serviceMessage());
        ServiceError onlyDetailed = ErrorParser.GENERIC.parse(500, "{\"errorType\":\"java.lang.Exception\",\"detailedMessage\":\"d\"}");
        assertEquals("d", onlyDetailed.message());
    }

    @Test
    void devopsBody() {
        ServiceException e = fail(404, "{\"$id\":\"1\",\"innerException\":null,\"message\":\"VS402881: No artifact version is specified.\","
                + "\"typeName\":\"Microsoft.VisualStudio.Services.ReleaseManagement.Data.Exceptions.InvalidRequestException, "
                + "Microsoft.VisualStudio.Services.ReleaseManagement2.Data\",\"typeKey\":\"InvalidRequestException\",\"errorCode\":0,\"eventId\":3000}");
        assertEquals("InvalidRequestException", e.errorCode());
        assertEquals("VS402881: No artifact version is specified.", e.serviceMessage());
    }

    @Test
    void oauthBody() {
        ServiceException e = fail(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
        assertEquals("invalid_client", e.errorCode());
        assertEquals("Client authentication failed", e.serviceMessage());
        assertSame(UnauthenticatedException.class, e.getClass());
        assertEquals("invalid_scope", ErrorParser.GENERIC.parse(400, "{\"error\":\"invalid_scope\"}").code());
    }

    @Test
    void databricksLegacyErrorSentence() {
        ServiceError err = ErrorParser.GENERIC.parse(400, "{\"error\":\"Cluster 0123 does not exist\"}");
        assertNull(err.code());
        assertEquals("Cluster 0123 does not exist", err.message());
    }

    @Test
    void htmlErrorPagesGiveTheirPreOrTitleNotThePage() {
        ServiceException e = fail(502, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>"
                + "<hr><center>nginx</center>\n" + "<p>padding</p>".repeat(500) + "</body></html>");
        assertEquals("502 Bad Gateway", e.serviceMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        ServiceError pre = ErrorParser.GENERIC.parse(500, "<html><body><h2>HTTP ERROR 500</h2><pre>Problem accessing /api/2.0/x. Reason:\n\n    Server Error</pre></body></html>");
        assertEquals("Problem accessing /api/2.0/x. Reason: Server Error", pre.message());
        assertNull(ErrorParser.GENERIC.parse(500, "<html><body>nothing</body></html>").message());
    }

    @Test
    void plainTextAndBrokenJsonKeepAShortFirstLine() {
        assertEquals("upstream connect error", ErrorParser.GENERIC.parse(503, "upstream connect error\nreset reason: overflow").message());
        assertEquals("{\"error_code\": \"X\", trunc", ErrorParser.GENERIC.parse(500, "{\"error_code\": \"X\", trunc").message());
        String longLine = "e".repeat(2000);
        assertTrue(ErrorParser.GENERIC.parse(500, longLine).message().length() <= 503);
    }

    @Test
    void aServiceParserCanReclassify() {
        ErrorParser custom = new ErrorParser() {
            @Override
            public ServiceError parse(int status, String body) {
                return ServiceError.of("MY_CODE", body);
            }

            @Override
            public int classify(int status, ServiceError error) {
                return error.message().contains("does not exist") ? 404 : status;
            }
        };
        ApiClient c = client.newBuilder().errorParser(custom).build();
        server.enqueue(new MockResponse.Builder().code(400).body("Run 7 does not exist").build());
        ServiceException e = assertThrows(ServiceException.class, () -> c.send(ApiRequest.get("x").build()));
        assertSame(ResourceNotFoundException.class, e.getClass());
        assertEquals("MY_CODE", e.errorCode());
    }

    @Test
    void aParserThatThrowsDoesNotHideTheError() {
        ApiClient c = client.newBuilder().errorParser((status, body) -> {
            throw new IllegalStateException("parser bug");
        }).build();
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        ServiceException e = assertThrows(ResourceNotFoundException.class, () -> c.send(ApiRequest.get("x").build()));
        assertFalse(e.getMessage().contains("parser bug"));
    }

    @Test
    void exceptionsAreUncheckedAndShareTheRoot() {
        assertTrue(RuntimeException.class.isAssignableFrom(DataOpsException.class));
        for (Class<?> c : new Class<?>[] {ServiceException.class, TransportException.class, DeserializationException.class,
                PollTimeoutException.class, OperationFailedException.class, ConfigurationException.class}) {
            assertTrue(DataOpsException.class.isAssignableFrom(c), c.getName());
        }
        assertEquals("state", new PollTimeoutException("m", "state").lastState());
        assertEquals("final", new OperationFailedException("m", "final").finalState());
    }
}
