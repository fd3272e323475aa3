package io.dataops4j.core.internal;

import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the error bodies of every service dataops4j knows; see {@link ErrorParser#GENERIC}. */
public final class GenericErrorParser implements ErrorParser {
    public static final GenericErrorParser INSTANCE = new GenericErrorParser();
    private static final Pattern OAUTH_CODE = Pattern.compile("[a-z_]+");
    private static final Pattern HTML_PRE = Pattern.compile("(?is)<pre>(.*?)</pre>");
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title>(.*?)</title>");

    private GenericErrorParser() {
    }

    @Override
    public ServiceError parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return ServiceError.of(null, null);
        }
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            // HTML error pages (gateways, proxies, Databricks' servlet pages): the <pre> or <title> text, never a
            // whole page; plain text: a short first line
            return ServiceError.of(null, trimmed.startsWith("<") ? htmlMessage(trimmed) : firstLine(trimmed));
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
        // SCIM: {"schemas":[...Error], "detail", "status", "scimType"}; code SCIM_<status> as the Databricks SDKs do
        if (map.containsKey("detail") && map.containsKey("status")) {
            String scimType = str(map.get("scimType"));
            String detail = str(map.get("detail"));
            String message = scimType == null ? detail : detail == null ? scimType : scimType + " " + detail;
            return new ServiceError("SCIM_" + str(map.get("status")), message, null);
        }
        // DSS: {"errorType","message","detailedMessage"}
        if (map.containsKey("errorType")) {
            String message = str(map.get("message"));
            String detailed = str(map.get("detailedMessage"));
            return new ServiceError(str(map.get("errorType")), message != null ? message : detailed, detailed);
        }
        // Azure DevOps: {"$id","innerException","message","typeName","typeKey","errorCode","eventId"}
        if (map.containsKey("typeKey")) {
            return new ServiceError(str(map.get("typeKey")), str(map.get("message")), null);
        }
        // OAuth2 token endpoint: {"error":"invalid_client","error_description":"..."}; Databricks API 1.2:
        // {"error":"a sentence"}
        if (map.get("error") instanceof String error) {
            if (map.containsKey("error_description") || OAUTH_CODE.matcher(error).matches()) {
                return new ServiceError(error, str(map.get("error_description")), null);
            }
            return ServiceError.of(null, error);
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
        if (c.equals("RESOURCE_DOES_NOT_EXIST") || c.equals("NOT_FOUND") || c.equals("NOTFOUND") || c.equals("RESOURCENOTFOUND")
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

    private static String htmlMessage(String html) {
        for (Pattern p : new Pattern[] {HTML_PRE, HTML_TITLE}) {
            Matcher m = p.matcher(html);
            if (m.find()) {
                String text = m.group(1).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    return firstLine(text);
                }
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
