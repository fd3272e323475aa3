package io.dataops4j.databricks.internal;

import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.ServiceError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Databricks error bodies: {@code {"error_code", "message", "details"}}, SCIM's {@code {"detail", "status"}}, API
 * 1.2's {@code {"error"}}, HTML pages (all read by the core's generic parser), with Databricks' codes mapped to the core
 * families as the official SDKs map them: {@code RESOURCE_DOES_NOT_EXIST} is a 404, {@code RESOURCE_ALREADY_EXISTS} a
 * 409, and a 400 {@code INVALID_PARAMETER_VALUE} "Job 42 does not exist" or "Run 7 does not exist" a 404 too.
 */
public final class DatabricksErrorParser implements ErrorParser {
    /** The one instance. */
    public static final DatabricksErrorParser INSTANCE = new DatabricksErrorParser();
    private static final Pattern MISSING_JOB_OR_RUN = Pattern.compile("(?i)^(Job|Run) .* does not exist\\.?$");

    private DatabricksErrorParser() {
    }

    @Override
    public ServiceError parse(int status, String body) {
        return ErrorParser.GENERIC.parse(status, body);
    }

    @Override
    public int classify(int status, ServiceError error) {
        String code = error == null || error.code() == null ? null : error.code().toUpperCase(Locale.ROOT);
        if (code == null) {
            return status;
        }
        if (code.equals("INVALID_PARAMETER_VALUE") && error.message() != null
                && MISSING_JOB_OR_RUN.matcher(error.message().strip()).matches()) {
            return 404;
        }
        return switch (code) {
            case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND", "ENDPOINT_NOT_FOUND", "FEATURE_DISABLED" -> status == 501 ? 501 : 404;
            case "RESOURCE_ALREADY_EXISTS", "ALREADY_EXISTS", "RESOURCE_CONFLICT", "ABORTED" -> 409;
            case "INVALID_PARAMETER_VALUE", "BAD_REQUEST", "INVALID_STATE", "MALFORMED_REQUEST" -> 400;
            case "PERMISSION_DENIED" -> 403;
            case "UNAUTHENTICATED" -> 401;
            case "SCIM_404" -> 404;
            case "SCIM_409" -> 409;
            default -> status;
        };
    }
}
