package io.dataops4j.core.http;

import java.util.function.BiConsumer;

/**
 * A user hook run on every attempt, after authentication and before logging: it may add or replace headers
 * (tracing, routing, tenant headers).
 *
 * <pre>{@code
 * ApiInterceptor trace = (request, attempt, header) -> header.accept("traceparent", currentTraceParent());
 * }</pre>
 */
@FunctionalInterface
public interface ApiInterceptor {
    /**
     * @param request   the request being sent
     * @param attempt   1 for the first attempt
     * @param setHeader sets a header on this attempt
     */
    void beforeAttempt(ApiRequest request, int attempt, BiConsumer<String, String> setHeader);
}
