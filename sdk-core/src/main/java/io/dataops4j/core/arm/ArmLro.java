package io.dataops4j.core.arm;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.internal.HttpPipeline;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * ARM long-running operations, as the ARM async-operations guide and azure-core-management's PollingState do them:
 * prefer {@code Azure-AsyncOperation}, else {@code Location}, else the resource's {@code provisioningState}; only
 * Succeeded, Failed and Canceled are terminal (case-insensitive); Retry-After refreshes the delay on every poll.
 */
final class ArmLro {
    record Timing(Duration interval, Clock clock, Sleeper sleeper) {
    }

    private enum Kind { ASYNC_OPERATION, LOCATION, PROVISIONING_STATE, DONE }

    private ArmLro() {
    }

    static Poller<RawJson> start(ApiClient http, String method, String resourceUrl, ApiResponse initial, Timing timing) {
        int status;
        String asyncOp;
        String location;
        Duration retryAfter;
        String body;
        try (initial) {
            status = initial.status();
            asyncOp = initial.header("Azure-AsyncOperation");
            location = initial.header("Location");
            retryAfter = HttpPipeline.parseRetryAfter(initial.header("Retry-After"), System.currentTimeMillis());
            body = status == 204 ? "" : initial.bodyString();
        }
        RawJson value = body == null || body.isBlank() ? null : new RawJson(body);
        Kind kind;
        String pollUrl;
        if (asyncOp != null) {
            kind = Kind.ASYNC_OPERATION;
            pollUrl = asyncOp;
        } else if (location != null && (status == 202 || status == 201)) {
            kind = Kind.LOCATION;
            pollUrl = location;
        } else if (!method.equals("DELETE") && !method.equals("POST") && value != null
                && provisioningState(value) != null && !isTerminal(provisioningState(value))) {
            kind = Kind.PROVISIONING_STATE;
            pollUrl = resourceUrl;
        } else {
            kind = Kind.DONE;
            pollUrl = resourceUrl;
        }
        PollResponse<RawJson> first;
        if (kind == Kind.DONE) {
            String state = value == null ? null : provisioningState(value);
            if (state != null && isTerminal(state) && !state.equalsIgnoreCase("Succeeded")) {
                first = PollResponse.failed(value, method + " ended " + state + errorOf(value));
            } else {
                first = PollResponse.succeeded(value);
            }
        } else {
            first = PollResponse.inProgress(value).withRetryAfter(retryAfter);
        }
        return build(http, method, kind, pollUrl, resourceUrl, first, timing);
    }

    static Poller<RawJson> resume(ApiClient http, String id, Timing timing) {
        String[] parts = id.split("\\|", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an ARM poller id: " + io.dataops4j.core.Redactor.url(id));
        }
        Kind kind = Kind.valueOf(parts[0]);
        return build(http, parts[1], kind, parts[2], parts[3], null, timing);
    }

    private static Poller<RawJson> build(ApiClient http, String method, Kind kind, String pollUrl, String resourceUrl,
                                         PollResponse<RawJson> first, Timing timing) {
        String id = kind + "|" + method + "|" + pollUrl + "|" + resourceUrl;
        String description = method + " " + io.dataops4j.core.Redactor.url(stripQuery(resourceUrl));
        return Poller.<RawJson>builder(id, description, () -> pollOnce(http, method, kind, pollUrl, resourceUrl))
                .interval(timing.interval(), timing.interval().multipliedBy(6))
                .timing(timing.clock(), timing.sleeper())
                .initial(first)
                .build();
    }

    private static PollResponse<RawJson> pollOnce(ApiClient http, String method, Kind kind, String pollUrl, String resourceUrl) {
        switch (kind) {
            case ASYNC_OPERATION -> {
                try (ApiResponse r = http.execute(ApiRequest.get(pollUrl).operation("arm.pollAsyncOperation").build())) {
                    Duration retryAfter = HttpPipeline.parseRetryAfter(r.header("Retry-After"), System.currentTimeMillis());
                    RawJson op = new RawJson(r.bodyString());
                    String status = str(op.asMap().get("status"));
                    if (!isTerminal(status)) {
                        return PollResponse.inProgress(op).withRetryAfter(retryAfter);
                    }
                    if (!status.equalsIgnoreCase("Succeeded")) {
                        PollStatus s = status.equalsIgnoreCase("Canceled") ? PollStatus.CANCELLED : PollStatus.FAILED;
                        return new PollResponse<>(s, op, null, "operation " + status + errorOf(op));
                    }
                    return PollResponse.succeeded(finalResource(http, method, resourceUrl, op));
                }
            }
            case LOCATION -> {
                try (ApiResponse r = http.execute(ApiRequest.get(pollUrl).operation("arm.pollLocation").build())) {
                    Duration retryAfter = HttpPipeline.parseRetryAfter(r.header("Retry-After"), System.currentTimeMillis());
                    if (r.status() == 202) {
                        return PollResponse.<RawJson>inProgress(null).withRetryAfter(retryAfter);
                    }
                    String body = r.status() == 204 ? "" : r.bodyString();
                    return PollResponse.succeeded(body.isBlank() ? null : new RawJson(body));
                }
            }
            case PROVISIONING_STATE -> {
                RawJson resource = http.send(ApiRequest.get(resourceUrl).operation("arm.pollProvisioningState").build(), RawJson.class);
                String state = resource == null ? null : provisioningState(resource);
                if (state == null) {
                    // a resource that does not report a provisioningState is done (as azure-core-management has it)
                    return PollResponse.succeeded(resource);
                }
                if (!isTerminal(state)) {
                    return PollResponse.inProgress(resource);
                }
                if (!state.equalsIgnoreCase("Succeeded")) {
                    PollStatus s = state.equalsIgnoreCase("Canceled") ? PollStatus.CANCELLED : PollStatus.FAILED;
                    return new PollResponse<>(s, resource, null, "provisioningState " + state + errorOf(resource));
                }
                return PollResponse.succeeded(resource);
            }
            default -> {
                return PollResponse.succeeded(null);
            }
        }
    }

    private static RawJson finalResource(ApiClient http, String method, String resourceUrl, RawJson op) {
        if (method.equals("PUT") || method.equals("PATCH")) {
            return http.send(ApiRequest.get(resourceUrl).operation("arm.getFinalResource").build(), RawJson.class);
        }
        return op;
    }

    /** {@code properties.provisioningState}, or a top-level {@code provisioningState}, or null. */
    static String provisioningState(RawJson json) {
        Object v;
        try {
            v = json.value();
        } catch (RuntimeException e) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.get("properties") instanceof Map<?, ?> p && p.get("provisioningState") != null) {
                return str(p.get("provisioningState"));
            }
            return str(m.get("provisioningState"));
        }
        return null;
    }

    static boolean isTerminal(String state) {
        if (state == null) {
            return false;
        }
        String s = state.toLowerCase(Locale.ROOT);
        return s.equals("succeeded") || s.equals("failed") || s.equals("canceled") || s.equals("cancelled");
    }

    private static String errorOf(RawJson json) {
        try {
            Map<String, Object> m = json.asMap();
            Object err = m.get("error");
            if (err == null && m.get("properties") instanceof Map<?, ?> p) {
                err = p.get("error");
            }
            if (err instanceof Map<?, ?> e) {
                return ": " + str(e.get("code")) + " " + str(e.get("message"));
            }
        } catch (RuntimeException ignored) {
            // no error detail
        }
        return "";
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

}
