package io.dataops4j.mlflow.internal;

import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.json.Json;
import java.util.Locale;

/**
 * Reads MLflow error bodies ({@code {"error_code": "...", "message": "..."}}) and maps MLflow's codes to the core
 * exception families, the way the MLflow server itself maps them ({@code mlflow/exceptions.py}), except that
 * {@code RESOURCE_ALREADY_EXISTS} (sent with 400) becomes a conflict and {@code INVALID_STATE} (sent with 500) a bad
 * request. Bodies that are not MLflow JSON (the artifact proxy's plain-text 503, an HTML page from a gateway) go to
 * the generic parser.
 */
public final class MlflowErrorParser implements ErrorParser {
    /** The one instance. */
    public static final MlflowErrorParser INSTANCE = new MlflowErrorParser();

    private MlflowErrorParser() {
    }

    @Override
    public ServiceError parse(int status, String body) {
        if (body != null) {
            String trimmed = body.strip();
            if (trimmed.startsWith("{") && trimmed.contains("\"error_code\"")) {
                try {
                    Wire.ErrorBody e = Json.shared().fromJson(trimmed, Wire.ErrorBody.class);
                    if (e != null && e.errorCode() != null) {
                        return ServiceError.of(e.errorCode(), e.message());
                    }
                } catch (RuntimeException ignored) {
                    // not the shape we expected: let the generic parser have a go
                }
            }
        }
        return ErrorParser.GENERIC.parse(status, body);
    }

    @Override
    public int classify(int status, ServiceError error) {
        String code = error == null || error.code() == null ? null : error.code().toUpperCase(Locale.ROOT);
        if (code == null) {
            return status;
        }
        return switch (code) {
            case "RESOURCE_ALREADY_EXISTS", "ALREADY_EXISTS", "RESOURCE_CONFLICT", "ABORTED" -> 409;
            case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND", "ENDPOINT_NOT_FOUND" -> 404;
            case "INVALID_PARAMETER_VALUE", "BAD_REQUEST", "INVALID_STATE" -> 400;
            case "PERMISSION_DENIED" -> 403;
            case "UNAUTHENTICATED", "CUSTOMER_UNAUTHORIZED" -> 401;
            case "REQUEST_LIMIT_EXCEEDED", "RESOURCE_EXHAUSTED" -> 429;
            case "TEMPORARILY_UNAVAILABLE" -> 503;
            case "NOT_IMPLEMENTED" -> 501;
            case "DEADLINE_EXCEEDED" -> 504;
            case "INTERNAL_ERROR", "DATA_LOSS" -> status >= 500 ? status : 500;
            default -> status;
        };
    }
}
