package io.dataops4j.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One HTTP request, immutable. The path is relative to the client's base URL unless it is absolute (a nextLink,
 * an external result link).
 *
 * <pre>{@code
 * ApiRequest get = ApiRequest.get("api/2.0/mlflow/experiments/get").query("experiment_id", "1").build();
 * ApiRequest runNow = ApiRequest.post("api/2.2/jobs/run-now").body(ApiBody.json(spec))
 *     .idempotent()          // the body carries an idempotency_token: safe to repeat
 *     .build();
 * ApiRequest charge = ApiRequest.post("v1/charges").json(body)
 *     .idempotencyKey("Idempotency-Key")   // a key generated once, sent on every attempt
 *     .build();
 * ApiRequest download = ApiRequest.get("files/a.bin")
 *     .retryOn(Set.of(429, 502, 503, 504))  // this service's 500 here is deterministic: not retried
 *     .build();
 * ApiRequest release = ApiRequest.post("_apis/release/releases").json(withSecretVariables)
 *     .sensitiveBody()       // TRACE logs show only the body's content type and length
 *     .build();
 * }</pre>
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final List<String[]> query;
    private final Map<String, String> headers;
    private final ApiBody body;
    private final boolean idempotent;
    private final boolean authenticated;
    private final Duration timeout;
    private final String operation;
    private final Set<Integer> retryStatuses;
    private final boolean sensitiveBody;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        // nothing allocated for what a request does not have (most have no headers of their own)
        this.query = b.query == null ? List.of() : List.copyOf(b.query);
        this.headers = b.headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.idempotent = b.idempotent != null ? b.idempotent : !(method.equals("POST") || method.equals("PATCH"));
        this.authenticated = b.authenticated;
        this.timeout = b.timeout;
        this.operation = b.operation;
        this.retryStatuses = b.retryStatuses;
        this.sensitiveBody = b.sensitiveBody;
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder put(String path) {
        return new Builder("PUT", path);
    }

    public static Builder patch(String path) {
        return new Builder("PATCH", path);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    public static Builder head(String path) {
        return new Builder("HEAD", path);
    }

    public static Builder method(String method, String path) {
        return new Builder(method, path);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Query parameters in order, as name/value pairs (a name may repeat). */
    public List<String[]> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null. */
    public ApiBody body() {
        return body;
    }

    /** Whether the request may be sent more than once. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Whether the client's credential is applied (false for pre-signed external links). */
    public boolean authenticated() {
        return authenticated;
    }

    /** The per-call timeout, or null for the client's. */
    public Duration timeout() {
        return timeout;
    }

    /** A short name of the operation for logs and errors ("jobs.runNow"), or null. */
    public String operation() {
        return operation;
    }

    /**
     * The HTTP statuses this request is retried on, instead of the client's {@link RetryPolicy#retryStatuses()};
     * null when the policy's apply.
     */
    public Set<Integer> retryStatuses() {
        return retryStatuses;
    }

    /**
     * Whether the body holds secrets that the client's own redaction cannot recognise (values of secret variables,
     * keys under arbitrary names): its content is never logged, TRACE shows only its content type and length.
     */
    public boolean sensitiveBody() {
        return sensitiveBody;
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(method, path);
        if (!query.isEmpty()) {
            b.query = new ArrayList<>(query);
        }
        if (!headers.isEmpty()) {
            b.headers = new LinkedHashMap<>(headers);
        }
        b.body = body;
        b.idempotent = idempotent;
        b.authenticated = authenticated;
        b.timeout = timeout;
        b.operation = operation;
        b.retryStatuses = retryStatuses;
        b.sensitiveBody = sensitiveBody;
        return b;
    }

    @Override
    public String toString() {
        return method + " " + io.dataops4j.core.Redactor.url(path);
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        /** Created on the first parameter. */
        private List<String[]> query;
        /** Created on the first header. */
        private Map<String, String> headers;
        private ApiBody body;
        private Boolean idempotent;
        private boolean authenticated = true;
        private Duration timeout;
        private String operation;
        private Set<Integer> retryStatuses;
        private boolean sensitiveBody;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        /** Adds a query parameter; a null value is skipped. */
        public Builder query(String name, Object value) {
            if (value != null) {
                if (query == null) {
                    query = new ArrayList<>(4);
                }
                query.add(new String[] {name, value.toString()});
            }
            return this;
        }

        /** Adds a query parameter once per value. */
        public Builder queryAll(String name, Iterable<?> values) {
            if (values != null) {
                values.forEach(v -> query(name, v));
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headerMap().put(name, value);
            }
            return this;
        }

        private Map<String, String> headerMap() {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            return headers;
        }

        public Builder body(ApiBody body) {
            this.body = body;
            return this;
        }

        /** A JSON body. */
        public Builder json(Object value) {
            this.body = ApiBody.json(value);
            return this;
        }

        /** Marks the request safe to send more than once (so it is retried). */
        public Builder idempotent() {
            this.idempotent = true;
            return this;
        }

        /** Marks the request unsafe to repeat (never retried after it may have reached the service). */
        public Builder notIdempotent() {
            this.idempotent = false;
            return this;
        }

        /**
         * Sends {@code Idempotency-Key}-style header {@code name} with a key generated now and reused on every
         * attempt, and makes the request retryable.
         */
        public Builder idempotencyKey(String name) {
            return idempotencyKey(name, UUID.randomUUID().toString());
        }

        /** Sends header {@code name: key} on every attempt, and makes the request retryable. */
        public Builder idempotencyKey(String name, String key) {
            headerMap().put(name, key);
            this.idempotent = true;
            return this;
        }

        /** Sends the request without the client's credential (pre-signed URLs). */
        public Builder unauthenticated() {
            this.authenticated = false;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        /**
         * Retries this request on these HTTP statuses instead of the client's {@link RetryPolicy#retryStatuses()}
         * (attempts, backoff and budget stay the policy's; only idempotent requests are retried on a status). For
         * a service whose 500 is deterministic for one operation: {@code .retryOn(Set.of(429, 502, 503, 504))}.
         * An empty set: never retried on a status.
         */
        public Builder retryOn(Set<Integer> statuses) {
            this.retryStatuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
            return this;
        }

        /**
         * Marks the body as holding secrets that redaction cannot recognise by name or shape (the values of secret
         * variables, for example): the client never logs its content, TRACE shows only its content type and length.
         */
        public Builder sensitiveBody() {
            this.sensitiveBody = true;
            return this;
        }

        public ApiRequest build() {
            if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
                throw new IllegalStateException(method + " " + path + " cannot carry a body");
            }
            return new ApiRequest(this);
        }
    }
}
