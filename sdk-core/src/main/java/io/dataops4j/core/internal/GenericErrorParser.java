package io.dataops4j.core.internal;

import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the error bodies of every service dataops4j knows; see {@link ErrorParser#GENERIC}. */
public final class GenericErrorParser implements ErrorParser {
    public static final GenericErrorParser INSTANCE = new GenericErrorParser();

    private GenericErrorParser() {
    }

    @Override
    public ServiceError parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return ServiceError.of(null, null);
        }
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            // HTML error pages and plain text: keep a short first line, never a whole page
            String text = trimmed.startsWith("<") ? null : firstLine(trimmed);
            return ServiceError.of(null, text);
        }
        Object parsed;
        try {
            parsed = Json.shared().parseValue(trimmed);
        } catch (RuntimeException e) {
            return ServiceError.of(null, firstLine(trimmed));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return ServiceError.of(null, firstLine(trimmed));
        }
        // ARM / Graph: {"error":{"code","message","details"}}
        if (map.get("error") instanceof Map<?, ?> inner) {
            return new ServiceError(str(inner.get("code")), str(inner.get("message")), details(inner.get("details")));
        }
        // Databricks / MLflow: {"error_code","message","details"}
        if (map.containsKey("error_code")) {
            return new ServiceError(str(map.get("error_code")), str(map.get("message")), details(map.get("details")));
        }
        // SCIM: {"schemas":[...Error], "detail", "status", "scimType"}
        if (map.containsKey("detail") && map.containsKey("status")) {
            String scimType = str(map.get("scimType"));
            return new ServiceError(scimType != null ? scimType : "SCIM_" + str(map.get("status")), str(map.get("detail")), null);
        }
        // DSS: {"errorType","message","detailedMessage"}
        if (map.containsKey("errorType")) {
            return new ServiceError(str(map.get("errorType")), str(map.get("message")), str(map.get("detailedMessage")));
        }
        // Azure DevOps: {"$id","innerException","message","typeName","typeKey","errorCode","eventId"}
        if (map.containsKey("typeKey")) {
            return new ServiceError(str(map.get("typeKey")), str(map.get("message")), null);
        }
        // OAuth2 token endpoint: {"error":"invalid_client","error_description":"..."}
        if (map.get("error") instanceof String code) {
            return new ServiceError(code, str(map.get("error_description")), null);
        }
        return ServiceError.of(str(map.get("code")), str(map.get("message")));
    }

    /** Maps well-known "not found" and "already exists" codes to 404 and 409, whatever status carried them. */
    public static int classifyByCode(int status, ServiceError error) {
        String code = error == null ? null : error.code();
        if (code == null) {
            return status;
        }
        String c = code.toUpperCase(Locale.ROOT);
        if (c.equals("RESOURCE_DOES_NOT_EXIST") || c.equals("NOT_FOUND") || c.equals("RESOURCENOTFOUND")
                || c.equals("RESOURCEGROUPNOTFOUND") || c.equals("ENTITY_NOT_FOUND") || c.equals("FEATURE_DISABLED_NOT_FOUND")) {
            return 404;
        }
        if (c.equals("RESOURCE_ALREADY_EXISTS") || c.equals("ALREADY_EXISTS") || c.equals("RESOURCE_CONFLICT")
                || c.equals("CONFLICT")) {
            return 409;
        }
        if (status >= 500 && (c.equals("INVALID_PARAMETER_VALUE") || c.equals("BAD_REQUEST") || c.equals("INVALID_STATE"))) {
            return 400;
        }
        return status;
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return o.toString();
    }

    private static String details(Object o) {
        if (o == null || (o instanceof List<?> l && l.isEmpty())) {
            return null;
        }
        return Json.shared().toJson(o);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
