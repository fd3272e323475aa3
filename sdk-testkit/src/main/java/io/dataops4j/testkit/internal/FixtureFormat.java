package io.dataops4j.testkit.internal;

import io.dataops4j.core.json.RawJson;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of a fixture file, read by the core's {@code Json} (records must be public for it). */
public final class FixtureFormat {
    /** Keys allowed in a fixture object; keys starting with {@code _} are comments and always allowed. */
    public static final Set<String> FIXTURE_KEYS = Set.of("name", "description", "when", "then");
    /** Keys allowed in {@code when}. */
    public static final Set<String> WHEN_KEYS = Set.of(
            "method", "path", "pathRegex", "query", "headers", "body", "bodyText", "strictQuery", "strictBody");
    /** Keys allowed in a {@code then}. */
    public static final Set<String> THEN_KEYS = Set.of("status", "headers", "body", "bodyText", "delayMs", "fault");

    private FixtureFormat() {
    }

    /** One fixture; {@code then} is an object or an array of objects. */
    public record FixtureJson(String name, String description, RawJson when, RawJson then) {
    }

    /** What a request must look like. */
    public record WhenJson(String method, String path, String pathRegex, Map<String, Object> query,
                           Map<String, Object> headers, RawJson body, String bodyText, Boolean strictQuery,
                           Boolean strictBody) {
    }

    /** One response. */
    public record ThenJson(Integer status, Map<String, Object> headers, RawJson body, String bodyText, Long delayMs,
                           String fault) {
    }
}
