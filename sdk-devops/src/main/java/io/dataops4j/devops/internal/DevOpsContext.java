package io.dataops4j.devops.internal;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.devops.Variable;
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
     * Sets a JSON body that holds variables. When one of them is secret the request is marked
     * {@link ApiRequest.Builder#sensitiveBody()}, so that the core's TRACE logging shows only the body's type and length:
     * its JSON would otherwise be logged, and a variable's value is not under a field name that redaction knows
     * ({@code {"TOKEN": {"value": "...", "isSecret": true}}}).
     */
    public static ApiRequest.Builder jsonWithVariables(ApiRequest.Builder b, Object value, Map<String, Variable> variables) {
        b.json(value);
        if (variables != null && variables.values().stream().anyMatch(v -> Boolean.TRUE.equals(v.isSecret()))) {
            b.sensitiveBody();
        }
        return b;
    }

    /** A path segment, URL-encoded (project names may hold spaces). */
    public static String seg(String s) {
        Objects.requireNonNull(s, "path segment");
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
