package io.dataops4j.core.auth;

import io.dataops4j.core.Redactor;
import java.util.Map;

/** A credential whose headers never change. */
final class StaticCredential implements Credential {
    static final StaticCredential NONE = new StaticCredential("none", Map.of());

    private final String kind;
    private final Map<String, String> headers;

    StaticCredential(String kind, Map<String, String> headers) {
        this.kind = kind;
        this.headers = Map.copyOf(headers);
        headers.values().forEach(v -> {
            int space = v.indexOf(' ');
            io.dataops4j.core.Secret.ofNullable(space < 0 ? v : v.substring(space + 1));
        });
    }

    @Override
    public Map<String, String> headers(boolean forceRefresh) {
        return headers;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "Credential[" + kind + (headers.isEmpty() ? "" : ", " + Redactor.MASK) + "]";
    }
}
