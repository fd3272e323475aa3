package io.dataops4j.dataiku.internal;

import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.json.Json;
import io.dataops4j.dataiku.DssErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads DSS error bodies ({@code {"errorType","message","detailedMessage"}}, and a {@code code} when one is sent):
 * the code is the first {@code ERR_...} (or {@code AADSTS...}) named, else the error type; the message carries the
 * hint of a known code. DSS answers many "does not exist" errors with 500: those are classified as not found.
 */
public final class DssErrorParser implements ErrorParser {
    public static final DssErrorParser INSTANCE = new DssErrorParser();

    private DssErrorParser() {
    }

    @Override
    public ServiceError parse(int status, String body) {
        String trimmed = body == null ? "" : body.strip();
        if (!trimmed.startsWith("{")) {
            ServiceError generic = ErrorParser.GENERIC.parse(status, body);
            List<String> codes = DssErrors.codesIn(generic.message());
            return codes.isEmpty() ? generic : withHint(codes.get(0), generic.message(), generic.details());
        }
        Map<String, Object> map;
        try {
            map = Values.object(Json.shared().parseValue(trimmed));
        } catch (RuntimeException e) {
            return ErrorParser.GENERIC.parse(status, body);
        }
        if (!map.containsKey("errorType") && !map.containsKey("detailedMessage") && !map.containsKey("message")) {
            return ErrorParser.GENERIC.parse(status, body);
        }
        String errorType = Values.string(map, "errorType");
        String message = Values.string(map, "message");
        String detailed = Values.string(map, "detailedMessage");
        String explicit = Values.string(map, "code");
        String code = explicit;
        if (code == null) {
            List<String> codes = DssErrors.codesIn(message);
            if (codes.isEmpty()) {
                codes = DssErrors.codesIn(detailed);
            }
            code = codes.isEmpty() ? errorType : codes.get(0);
        }
        String text = message != null && !message.isBlank() ? message : detailed;
        if (text == null && errorType != null) {
            text = errorType;
        }
        return withHint(code, text, detailed);
    }

    private static ServiceError withHint(String code, String message, String details) {
        String hinted = DssErrors.hint(code).map(h -> (message == null ? "" : message + "; ") + "hint: " + h).orElse(message);
        return new ServiceError(code, hinted, details);
    }

    @Override
    public int classify(int status, ServiceError error) {
        if (status == 401 || status == 403 || status == 404 || status == 409 || status == 429) {
            return status;
        }
        String code = error == null || error.code() == null ? "" : error.code();
        String text = ((error == null || error.message() == null ? "" : error.message()) + " "
                + (error == null || error.details() == null ? "" : error.details())).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'');
        if (code.endsWith("NotFoundException") || code.equals("ERR_PROJECT_UNKNOWN_PROJECT_KEY")
                || text.contains("does not exist") || text.contains("doesn't exist") || text.contains("not found")) {
            if (!code.startsWith("ERR_FSPROVIDER") && !code.startsWith("ERR_SQL") && !code.startsWith("ERR_DATASET")) {
                return 404;
            }
        }
        if (text.contains("already exists")) {
            return 409;
        }
        if (code.equals("ERR_NOT_USABLE_FOR_USER") || code.endsWith("UnauthorizedException")
                || text.contains("license does not allow")) {
            return 403;
        }
        return ErrorParser.GENERIC.classify(status, error);
    }
}
