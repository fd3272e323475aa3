package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.error.PermissionDeniedException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.dataiku.internal.DssErrorParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DSS error bodies ({@code errorType}, {@code message}, {@code detailedMessage}) mapped to the core's exceptions. */
class ErrorMappingTest {
    private static final DssErrorParser P = DssErrorParser.INSTANCE;

    private static ServiceException error(int status, String body) {
        String json = "[{\"name\":\"e\",\"when\":{\"path\":\"/public/api/projects/X\"},\"then\":{\"status\":" + status
                + ",\"headers\":{\"Content-Type\":\"application/json\"},\"bodyText\":" + io.dataops4j.core.json.Json.shared().toJson(body) + "}}]";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            return assertThrows(ServiceException.class, () -> f.client(DssFixtures.NEW).projects().get("X"));
        }
    }

    @Test
    void codeFromTheMessageAndHintInTheExceptionMessage() {
        ServiceError e = P.parse(500, "{\"errorType\":\"com.dataiku.dip.exceptions.CodedIOException\","
                + "\"message\":\"ERR_SQL_CANNOT_LOAD_DRIVER: Failed to load database driver\",\"detailedMessage\":\"d\"}");
        assertEquals("ERR_SQL_CANNOT_LOAD_DRIVER", e.code());
        assertTrue(e.message().startsWith("ERR_SQL_CANNOT_LOAD_DRIVER: Failed to load database driver; hint: the SQL Server JDBC "
                + "driver (mssql-jdbc) is missing from DATA_DIR/lib/jdbc on the DSS host; install it and restart DSS"), e.message());
        assertEquals("d", e.details());
    }

    @Test
    void codeFromTheDetailedMessageOrAnExplicitCodeField() {
        assertEquals("ERR_CONNECTION_AZURE_INVALID_CONFIG", P.parse(400, "{\"errorType\":\"x.Y\",\"message\":\"bad config\","
                + "\"detailedMessage\":\"bad config, caused by: ERR_CONNECTION_AZURE_INVALID_CONFIG: no account\"}").code());
        assertEquals("ERR_PLUGIN_NOT_INSTALLED", P.parse(500, "{\"errorType\":\"x.Y\",\"code\":\"ERR_PLUGIN_NOT_INSTALLED\","
                + "\"message\":\"m\"}").code());
        assertEquals("AADSTS7000218", P.parse(500, "{\"errorType\":\"x.Y\",\"message\":\"AADSTS7000218: The request body must "
                + "contain client_secret\"}").code());
        ServiceError noCode = P.parse(500, "{\"errorType\":\"java.lang.IllegalStateException\",\"message\":\"boom\"}");
        assertEquals("java.lang.IllegalStateException", noCode.code());
        assertEquals("boom", noCode.message());
    }

    @Test
    void doesNotExistAnswersAreNotFoundWhateverTheStatus() {
        ServiceException e = error(500, "{\"errorType\":\"com.dataiku.dip.server.controllers.NotFoundException\","
                + "\"message\":\"project does not exist: X\"}");
        assertInstanceOf(ResourceNotFoundException.class, e);
        assertInstanceOf(ResourceNotFoundException.class, error(500, "{\"errorType\":\"java.lang.IllegalArgumentException\","
                + "\"message\":\"Dataset X.y doesn\u2019t exist\"}"));
        assertInstanceOf(ResourceNotFoundException.class, error(400, "{\"errorType\":\"a.B\","
                + "\"message\":\"ERR_PROJECT_UNKNOWN_PROJECT_KEY: unknown project\"}"));
        assertInstanceOf(ConflictException.class, error(500, "{\"errorType\":\"a.B\",\"message\":\"Project X already exists\"}"));
        assertInstanceOf(PermissionDeniedException.class, error(500, "{\"errorType\":\"a.B\","
                + "\"message\":\"Your license does not allow this\"}"));
        assertInstanceOf(ServerErrorException.class, error(500, "{\"errorType\":\"a.B\",\"message\":\"boom\"}"));
        assertInstanceOf(BadRequestException.class, error(400, "{\"errorType\":\"a.B\",\"message\":\"bad\"}"));
    }

    @Test
    void storagePathsThatDoNotExistStayServerErrorsWithTheirHint() {
        ServiceException e = error(500, "{\"errorType\":\"a.B\",\"message\":\"ERR_FSPROVIDER_ROOT_PATH_DOES_NOT_EXIST: "
                + "root path does not exist\"}");
        assertInstanceOf(ServerErrorException.class, e);
        assertEquals("ERR_FSPROVIDER_ROOT_PATH_DOES_NOT_EXIST", e.errorCode());
        assertTrue(DssErrors.hint(e).orElseThrow().contains("container"));
    }

    @Test
    void htmlFromAProxyAndPlainText() {
        ServiceException html = error(404, "<html><head><title>404 Not Found</title></head><body>nginx</body></html>");
        assertInstanceOf(ResourceNotFoundException.class, html);
        assertTrue(html.getMessage().contains("404 Not Found"), html.getMessage());
        ServiceError text = P.parse(502, "ERR_CONNECTION_SQL_INVALID_CONFIG while connecting");
        assertEquals("ERR_CONNECTION_SQL_INVALID_CONFIG", text.code());
        ServiceError empty = P.parse(503, "");
        assertNull(empty.code());
    }

    @Test
    void errorsCarryMethodUrlAndRequestId() {
        ServiceException e = error(500, "{\"errorType\":\"a.B\",\"message\":\"boom\"}");
        assertEquals("DSS", e.service());
        assertEquals("GET", e.method());
        assertTrue(e.url().endsWith("/public/api/projects/X"), e.url());
        assertTrue(e.getMessage().contains("request-id: " + e.requestId()), e.getMessage());
    }

    @Test
    void codesAndHints() {
        assertEquals(List.of("ERR_A_B", "AADSTS700016"), DssErrors.codesIn("x ERR_A_B y AADSTS700016: z ERR_A_B"));
        assertTrue(DssErrors.hint("err_sql_cannot_load_driver").isPresent());
        assertTrue(DssErrors.hint("ERR_NOBODY_KNOWS").isEmpty());
        assertTrue(DssErrors.knownCodes().contains("ERR_NOT_USABLE_FOR_USER"));
        assertTrue(DssErrors.hint(new RuntimeException("wrapped", new IllegalStateException("AADSTS700016: app not found")))
                .orElseThrow().contains("tenant"));
    }
}
