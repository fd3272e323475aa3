package io.dataops4j.core.arm;

import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.Poller;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Azure Resource Manager: GET, PUT, PATCH, POST and DELETE on resource paths with an api-version per call, lists
 * that follow {@code nextLink}, long-running operations as {@link Poller}s ({@code Azure-AsyncOperation}, then
 * {@code Location}, then {@code provisioningState}; only Succeeded, Failed and Canceled end an operation), the ARM
 * error body {@code {error:{code,message,details}}}, and throttling (429 + Retry-After) through the core retry.
 *
 * <pre>{@code
 * ArmClient arm = ArmClient.builder()
 *     .credential(EntraIdCredential.defaultAzure(Scopes.ARM))
 *     .build();                                              // https://management.azure.com/ by default
 * RawJson factory = arm.get("/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/f", "2018-06-01");
 * RawJson cluster = arm.beginPut(aksId.path(), "2025-10-01", body).waitForCompletion(Duration.ofMinutes(30));
 * arm.list(ResourceId.resourceGroup("s", "rg").path() + "/resources", "2021-04-01").forEach(System.out::println);
 * }</pre>
 */
public final class ArmClient implements AutoCloseable {
    /** The public cloud's management endpoint. */
    public static final String PUBLIC_CLOUD = "https://management.azure.com/";

    private final ApiClient http;
    private final ArmLro.Timing timing;

    private ArmClient(ApiClient http, ArmLro.Timing timing) {
        this.http = http;
        this.timing = timing;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP client underneath (for modules that add ARM-hosted data-plane calls). */
    public ApiClient http() {
        return http;
    }

    /** GETs a resource as raw JSON. */
    public RawJson get(String path, String apiVersion) {
        return get(path, apiVersion, RawJson.class);
    }

    /** GETs a resource into a type. */
    public <T> T get(String path, String apiVersion, Type type) {
        return http.send(request("GET", path, apiVersion, null).build(), type);
    }

    /** A lazy list that follows {@code nextLink}. */
    public Paged<RawJson> list(String path, String apiVersion) {
        return list(path, apiVersion, RawJson.class);
    }

    /** A lazy list of a type that follows {@code nextLink}. */
    public <T> Paged<T> list(String path, String apiVersion, Class<T> itemType) {
        return Paged.nextLinks(http, request("GET", path, apiVersion, null).operation("arm.list").build(), itemType);
    }

    /** POSTs an action that is not long-running (register a provider, list keys, listCallbackUrl). */
    public RawJson post(String path, String apiVersion, Object body) {
        ApiRequest.Builder b = request("POST", path, apiVersion, null);
        if (body != null) {
            b.json(body);
        }
        return http.send(b.build(), RawJson.class);
    }

    /** PUT as a long-running operation; the poller ends with the resource. */
    public Poller<RawJson> beginPut(String path, String apiVersion, Object body) {
        return beginPut(path, apiVersion, body, null);
    }

    /** PUT with {@code If-Match} (optimistic concurrency) as a long-running operation. */
    public Poller<RawJson> beginPut(String path, String apiVersion, Object body, String ifMatch) {
        ApiRequest.Builder b = request("PUT", path, apiVersion, null).json(body).header("If-Match", ifMatch);
        return begin(b.build(), path, apiVersion);
    }

    /** PATCH as a long-running operation. */
    public Poller<RawJson> beginPatch(String path, String apiVersion, Object body) {
        return begin(request("PATCH", path, apiVersion, null).json(body).idempotent().build(), path, apiVersion);
    }

    /** POST as a long-running operation (start/stop a trigger, ...). */
    public Poller<RawJson> beginPost(String path, String apiVersion, Object body) {
        ApiRequest.Builder b = request("POST", path, apiVersion, null);
        if (body != null) {
            b.json(body);
        }
        return begin(b.build(), path, apiVersion);
    }

    /** DELETE as a long-running operation; extra query parameters (e.g. underlyingResourceAction) may be given. */
    public Poller<RawJson> beginDelete(String path, String apiVersion, Map<String, String> query) {
        return begin(request("DELETE", path, apiVersion, query).build(), path, apiVersion);
    }

    /** A poller rebuilt from {@link Poller#id()} of an earlier one (e.g. after a restart). */
    public Poller<RawJson> resume(String pollerId) {
        return ArmLro.resume(http, pollerId, timing);
    }

    private Poller<RawJson> begin(ApiRequest request, String path, String apiVersion) {
        ApiResponse response = http.execute(request);
        return ArmLro.start(http, request.method(), http.resolve(withVersion(path, apiVersion)).toString(), response, timing);
    }

    private ApiRequest.Builder request(String method, String path, String apiVersion, Map<String, String> query) {
        Objects.requireNonNull(apiVersion, "apiVersion");
        ApiRequest.Builder b = ApiRequest.method(method, path).query("api-version", apiVersion);
        if (query != null) {
            query.forEach(b::query);
        }
        return b;
    }

    private static String withVersion(String path, String apiVersion) {
        return path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ArmClient[" + io.dataops4j.core.Redactor.url(http.baseUrl()) + "]";
    }

    /** An ARM list page ({@link Paged#nextLinks} reads {@link io.dataops4j.core.paging.ValuePage}, which also knows Graph's link). */
    public record ListPage<T>(List<T> value, String nextLink) {
    }

    /** Builds an {@link ArmClient}. */
    public static final class Builder {
        private String endpoint = PUBLIC_CLOUD;
        private Credential credential;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private io.dataops4j.core.Sleeper sleeper = io.dataops4j.core.Sleeper.SYSTEM;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private java.time.Duration pollInterval = java.time.Duration.ofSeconds(5);
        private final List<io.dataops4j.core.http.ApiInterceptor> interceptors = new ArrayList<>();

        private Builder() {
        }

        /** The management endpoint: sovereign clouds, or a local fake in tests. */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
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

        /** The default interval between polls of a long-running operation (the service's Retry-After wins). */
        public Builder pollInterval(java.time.Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Clock and sleeper for retries and polls; tests pass fakes. */
        public Builder timing(java.time.Clock clock, io.dataops4j.core.Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder interceptor(io.dataops4j.core.http.ApiInterceptor interceptor) {
            interceptors.add(interceptor);
            return this;
        }

        public ArmClient build() {
            if (credential == null) {
                throw new io.dataops4j.core.error.ConfigurationException(
                        "ARM credential required (EntraIdCredential.defaultAzure(Scopes.ARM), or a bearer token)");
            }
            ApiClient.Builder b = ApiClient.builder("ARM", "sdk-core")
                    .baseUrl(endpoint)
                    .credential(credential)
                    .retryPolicy(retryPolicy)
                    .sleeper(sleeper)
                    .requestIdHeader("x-ms-client-request-id");
            interceptors.forEach(b::interceptor);
            return new ArmClient(b.build(), new ArmLro.Timing(pollInterval, clock, sleeper));
        }
    }
}
