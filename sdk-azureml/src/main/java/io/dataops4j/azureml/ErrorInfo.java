package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import java.util.Map;

/**
 * An ARM error detail ({@code ErrorDetail}: code, message, target), as found in an extension's {@code errorInfo}, a
 * compute's {@code provisioningErrors} or a failed operation.
 *
 * @param code    the error code, or null
 * @param message the message, or null
 * @param target  what the error is about, or null
 */
public record ErrorInfo(String code, String message, String target) {
    static ErrorInfo from(Map<String, Object> m) {
        if (m == null || (m.get("code") == null && m.get("message") == null)) {
            return null;
        }
        return new ErrorInfo(JsonMaps.string(m, "code"), JsonMaps.string(m, "message"), JsonMaps.string(m, "target"));
    }

    @Override
    public String toString() {
        return (code == null ? "" : code + ": ") + (message == null ? "" : message) + (target == null ? "" : " (" + target + ")");
    }
}
