package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dataops4j.core.error.ServiceError;
import io.dataops4j.mlflow.internal.MlflowErrorParser;
import org.junit.jupiter.api.Test;

class MlflowErrorParserTest {
    private final MlflowErrorParser parser = MlflowErrorParser.INSTANCE;

    @Test
    void readsMlflowBodies() {
        // as the 3.8.1 server wrote it for a missing experiment
        ServiceError e = parser.parse(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"No Experiment with id=999 exists\"}");
        assertEquals("RESOURCE_DOES_NOT_EXIST", e.code());
        assertEquals("No Experiment with id=999 exists", e.message());
    }

    @Test
    void classifiesMlflowCodes() {
        assertEquals(409, parser.classify(400, ServiceError.of("RESOURCE_ALREADY_EXISTS", "x")));
        assertEquals(404, parser.classify(404, ServiceError.of("RESOURCE_DOES_NOT_EXIST", "x")));
        assertEquals(400, parser.classify(400, ServiceError.of("INVALID_PARAMETER_VALUE", "x")));
        assertEquals(400, parser.classify(500, ServiceError.of("INVALID_STATE", "x")));
        assertEquals(403, parser.classify(403, ServiceError.of("PERMISSION_DENIED", "x")));
        assertEquals(401, parser.classify(401, ServiceError.of("UNAUTHENTICATED", "x")));
        assertEquals(501, parser.classify(501, ServiceError.of("NOT_IMPLEMENTED", "x")));
        assertEquals(404, parser.classify(404, ServiceError.of("ENDPOINT_NOT_FOUND", "x")));
        assertEquals(500, parser.classify(500, ServiceError.of("INTERNAL_ERROR", "x")));
        assertEquals(418, parser.classify(418, ServiceError.of(null, null)));
    }

    @Test
    void otherBodiesGoToTheGenericParser() {
        // the artifact proxy's answer when the server runs with --no-serve-artifacts (handlers.py)
        ServiceError text = parser.parse(503, "Endpoint: /api/2.0/mlflow-artifacts/artifacts disabled due to the mlflow server running with `--no-serve-artifacts`.");
        assertNull(text.code());
        assertEquals("Endpoint: /api/2.0/mlflow-artifacts/artifacts disabled due to the mlflow server running with `--no-serve-artifacts`.", text.message());
        assertNull(parser.parse(502, "<html><body>Bad gateway</body></html>").code());
        assertNull(parser.parse(500, "").code());
    }
}
