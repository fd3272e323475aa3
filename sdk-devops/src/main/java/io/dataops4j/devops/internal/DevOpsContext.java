package io.dataops4j.devops.internal;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.Variable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import io.dataops4j.core.http.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the sub-clients share: the organization host ({@code dev.azure.com/{org}}), the release host
 * ({@code vsrm.dev.azure.com/{org}}), and the polling timing.
 */
public record DevOpsContext(ApiClient http, ApiClient vsrm, Duration pollInterval, Clock clock, Sleeper sleeper) {
    public DevOpsContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(vsrm, "vsrm");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Sets the api-version the way the official client does ({@code Accept: application/json;api-version=X}),
     * recorded from azure-devops 7.1.
     */
    public static ApiRequest.Builder version(ApiRequest.Builder b, String apiVersion) {
        return b.header("Accept", "application/json;api-version=" + apiVersion);
    }

    /**
     * A JSON body that holds variables. When one of them is secret the body is sent as a stream, which the core's
     * TRACE logging shows only as its type and length: its JSON would otherwise be logged, and a variable's value is
     * not under a field name that redaction knows ({@code {"TOKEN": {"value": "...", "isSecret": true}}}).
     */
    public static ApiBody jsonWithVariables(Object value, Map<String, Variable> variables) {
        boolean secret = variables != null && variables.values().stream().anyMatch(v -> Boolean.TRUE.equals(v.isSecret()));
        if (!secret) {
            return ApiBody.json(value);
        }
        byte[] data = Json.shared().toJson(value).getBytes(StandardCharsets.UTF_8);
        return ApiBody.stream(() -> new ByteArrayInputStream(data), data.length, "application/json; charset=utf-8");
    }

    /** A path segment, URL-encoded (project names may hold spaces). */
    public static String seg(String s) {
        Objects.requireNonNull(s, "path segment");
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
