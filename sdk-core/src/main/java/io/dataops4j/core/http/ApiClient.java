package io.dataops4j.core.http;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.Versions;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.internal.HttpPipeline;
import io.dataops4j.core.json.Json;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP client every service module stands on: base URL, credential, retries, errors, logging and JSON in one
 * immutable, thread-safe object. Service clients hold one and never touch the wire library directly.
 *
 * <p>The pipeline of one call, closest to the API first: user agent, request id (the same on every attempt),
 * retry, authentication (headers per attempt, one forced refresh after a 401), user interceptors, logging
 * (slf4j DEBUG; TRACE adds allow-listed headers; secrets never logged).
 *
 * <pre>{@code
 * ApiClient http = ApiClient.builder("MLFLOW", "sdk-mlflow")
 *     .baseUrl("http://127.0.0.1:5000/")
 *     .credential(Credential.bearer(Secret.of(token)))
 *     .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3))
 *     .build();
 * Experiment e = http.send(ApiRequest.get("api/2.0/mlflow/experiments/get")
 *     .query("experiment_id", "0").build(), ExperimentResponse.class).experiment();
 * }</pre>
 */
public final class ApiClient implements AutoCloseable {
    private final Builder config;
    private final HttpPipeline pipeline;

    private ApiClient(Builder b) {
        this.config = b.copy();
        this.pipeline = new HttpPipeline(config.service, config.baseUrl, config.credential, config.retryPolicy,
                config.errorParser, config.connectTimeout, config.readTimeout, config.callTimeout, config.allowInsecureHttp,
                config.requestIdHeader, Versions.userAgent(config.module), Map.copyOf(config.defaultHeaders),
                List.copyOf(config.interceptors), config.sleeper, config.sslContext, config.trustManager, config.insecureTls);
    }

    /**
     * @param service the service's name in errors and logs ("MLFLOW", "DATABRICKS", "ARM", "DSS", "DEVOPS")
     * @param module  the module in the user agent ("sdk-mlflow")
     */
    public static Builder builder(String service, String module) {
        return new Builder(service, module);
    }

    /** A builder holding this client's settings, to derive a variant (it shares the connection pool). */
    public Builder newBuilder() {
        return config.copy();
    }

    /** The base URL, ending in '/'. */
    public URI baseUrl() {
        return config.baseUrl;
    }

    /** The service name used in errors. */
    public String service() {
        return config.service;
    }

    /** The credential (its toString never shows the secret). */
    public Credential credential() {
        return config.credential;
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return config.retryPolicy;
    }

    /** The shared JSON codec. */
    public Json json() {
        return Json.shared();
    }

    /**
     * Sends a request and returns the open answer; the caller closes it. Error statuses throw the matching
     * {@link io.dataops4j.core.error.ServiceException} subclass after retries.
     */
    public ApiResponse execute(ApiRequest request) {
        return pipeline.execute(request);
    }

    /** Sends a request and decodes the JSON answer; a 204 or an empty body gives null. */
    public <T> T send(ApiRequest request, Type type) {
        return pipeline.send(request, type);
    }

    /** Sends a request and decodes the JSON answer into a class. */
    public <T> T send(ApiRequest request, Class<T> type) {
        return pipeline.send(request, type);
    }

    /** Sends a request and discards the answer's body. */
    public void send(ApiRequest request) {
        pipeline.send(request, Void.class);
    }

    /** Resolves a path against the base URL (absolute URLs are returned as they are). */
    public URI resolve(String path) {
        return pipeline.resolve(path).uri();
    }

    /** Releases nothing shared; present so that service clients can be used in try-with-resources. */
    @Override
    public void close() {
        // the connection pool is shared by every client in the process and outlives this one
    }

    @Override
    public String toString() {
        return "ApiClient[" + config.service + " " + Redactor.url(config.baseUrl) + ", " + config.credential.kind() + "]";
    }

    /** Builds an {@link ApiClient}; validates in {@link #build()}. */
    public static final class Builder {
        private final String service;
        private final String module;
        private URI baseUrl;
        private Credential credential = Credential.none();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ErrorParser errorParser = ErrorParser.GENERIC;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ZERO;
        private boolean allowInsecureHttp;
        private String requestIdHeader = "x-request-id";
        private Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private List<ApiInterceptor> interceptors = new ArrayList<>();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private SSLContext sslContext;
        private X509TrustManager trustManager;
        private boolean insecureTls;

        private Builder(String service, String module) {
            this.service = Objects.requireNonNull(service, "service");
            this.module = Objects.requireNonNull(module, "module");
        }

        /** The base URL; https, or http on a loopback host (or anywhere with {@link #allowInsecureHttp(boolean)}). */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            try {
                return baseUrl(URI.create(baseUrl.strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(service + " base URL is not a valid URL: " + Redactor.url(baseUrl));
            }
        }

        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String s = baseUrl.toString();
            this.baseUrl = URI.create(s.endsWith("/") ? s : s + "/");
            return this;
        }

        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder errorParser(ErrorParser errorParser) {
            this.errorParser = Objects.requireNonNull(errorParser, "errorParser");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The longest silence while reading an answer. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The longest time for one whole attempt (zero: no limit); a request can override it. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Allows plain http to hosts other than loopback. Off by default: tokens would travel in clear. */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** Trusts any TLS certificate and host name. Off by default; for self-signed test servers only. */
        public Builder insecureTls(boolean insecure) {
            this.insecureTls = insecure;
            return this;
        }

        /** A custom trust store (corporate CA, self-signed DSS), as an SSL context and its trust manager. */
        public Builder tls(SSLContext sslContext, X509TrustManager trustManager) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /** The header that carries the request id ({@code x-request-id}; ARM uses {@code x-ms-client-request-id}). */
        public Builder requestIdHeader(String name) {
            this.requestIdHeader = Objects.requireNonNull(name, "name");
            return this;
        }

        /** A header sent on every request. */
        public Builder defaultHeader(String name, String value) {
            this.defaultHeaders.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder interceptor(ApiInterceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** How retries wait (tests pass one that does not sleep). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public ApiClient build() {
            if (baseUrl == null) {
                throw new ConfigurationException(service + " base URL required.");
            }
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new ConfigurationException(service + " base URL must be https (or http on loopback), but was "
                        + Redactor.url(baseUrl));
            }
            if (baseUrl.getHost() == null) {
                throw new ConfigurationException(service + " base URL has no host: " + Redactor.url(baseUrl));
            }
            if (scheme.equals("http") && !allowInsecureHttp && !HttpPipeline.isLoopback(baseUrl.getHost())) {
                throw new ConfigurationException(service + " base URL " + Redactor.url(baseUrl) + " is plain http to a host "
                        + "that is not loopback; use https, or allow insecure http explicitly");
            }
            return new ApiClient(this);
        }

        Builder copy() {
            Builder b = new Builder(service, module);
            b.baseUrl = baseUrl;
            b.credential = credential;
            b.retryPolicy = retryPolicy;
            b.errorParser = errorParser;
            b.connectTimeout = connectTimeout;
            b.readTimeout = readTimeout;
            b.callTimeout = callTimeout;
            b.allowInsecureHttp = allowInsecureHttp;
            b.requestIdHeader = requestIdHeader;
            b.defaultHeaders = new LinkedHashMap<>(defaultHeaders);
            b.interceptors = new ArrayList<>(interceptors);
            b.sleeper = sleeper;
            b.sslContext = sslContext;
            b.trustManager = trustManager;
            b.insecureTls = insecureTls;
            return b;
        }
    }

}
