package io.dataops4j.databricks.entra;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.paging.ValuePage;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A small Microsoft Graph reader: the transitive members of an Entra ID group (nested groups flattened by Graph),
 * paged lazily through {@code @odata.nextLink}; throttling (429 with {@code Retry-After}) is waited out by the core's
 * retries. The credential is any {@link Credential}, usually Entra ID with the Graph scope; the application needs
 * {@code GroupMember.Read.All}.
 *
 * <pre>{@code
 * GraphClient graph = GraphClient.builder()
 *     .credential(EntraIdCredential.defaultAzure(Scopes.GRAPH))
 *     .build();
 * graph.transitiveMembers("0b7c3f55-...").stream()
 *     .filter(m -> m.kind() == DirectoryObject.Kind.USER)
 *     .forEach(m -> System.out.println(m.userPrincipalName()));
 * }</pre>
 */
public final class GraphClient implements AutoCloseable {
    /** Microsoft Graph's global endpoint. */
    public static final String DEFAULT_BASE_URL = "https://graph.microsoft.com/";
    /** The properties asked for by default: enough to match users and service principals. */
    public static final List<String> MEMBER_PROPERTIES = List.of("id", "displayName", "userPrincipalName", "mail", "appId");

    private static final Type PAGE = Json.parameterized(ValuePage.class, DirectoryObject.class);
    private final ApiClient http;

    private GraphClient(ApiClient http) {
        this.http = http;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The group's users, service principals, groups and other members, at any depth, lazily. */
    public Paged<DirectoryObject> transitiveMembers(String groupId) {
        return transitiveMembers(groupId, MEMBER_PROPERTIES);
    }

    /**
     * The group's members at any depth, with these properties ({@code $select}; {@code @odata.type} always comes),
     * lazily: {@code GET /v1.0/groups/{id}/transitiveMembers?$select=...}, then each {@code @odata.nextLink}.
     */
    public Paged<DirectoryObject> transitiveMembers(String groupId, List<String> select) {
        Objects.requireNonNull(groupId, "groupId");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId is blank");
        }
        ApiRequest first = ApiRequest.get("v1.0/groups/" + URLEncoder.encode(groupId, StandardCharsets.UTF_8)
                        + "/transitiveMembers")
                .query("$select", select == null || select.isEmpty() ? null : String.join(",", select))
                .operation("graph.transitiveMembers").build();
        return Paged.tokens(link -> {
            ApiRequest request = link == null ? first
                    : ApiRequest.get(sameOrigin(link)).operation("graph.transitiveMembers").build();
            ValuePage<DirectoryObject> page = http.send(request, PAGE);
            if (page == null) {
                return new Page<>(List.of(), null);
            }
            List<DirectoryObject> items = page.value() == null ? new ArrayList<>() : page.value();
            return Page.wrap(items, page.next());
        });
    }

    /** A nextLink must stay on Graph's host: the token is not sent anywhere else. */
    private String sameOrigin(String link) {
        URI u;
        try {
            u = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new DataOpsException("Graph answered a nextLink that is not a URL: " + Redactor.url(link));
        }
        URI base = http.baseUrl();
        if (!u.isAbsolute() || !base.getScheme().equalsIgnoreCase(u.getScheme()) || !base.getHost().equalsIgnoreCase(u.getHost())
                || base.getPort() != u.getPort()) {
            throw new DataOpsException("Graph answered a nextLink to another host (" + Redactor.url(link)
                    + "); not following it with the Graph token");
        }
        return link;
    }

    /** The HTTP client, for Graph endpoints this class does not model (paths relative to the base URL). */
    public ApiClient http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "GraphClient[" + Redactor.url(http.baseUrl()) + ", " + http.credential().kind() + "]";
    }

    /** Builds a {@link GraphClient}; a credential is required. */
    public static final class Builder {
        private Credential credential;
        private String baseUrl = DEFAULT_BASE_URL;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private final List<Consumer<ApiClient.Builder>> customizers = new ArrayList<>();

        private Builder() {
        }

        /** The credential: Entra ID with scope {@code https://graph.microsoft.com/.default}, or a static token. */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** Graph's endpoint (a national cloud's, a proxy, a test server); {@value #DEFAULT_BASE_URL} by default. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** How retries wait (tests pass one that does not sleep). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Changes the HTTP client's settings before it is built. */
        public Builder http(Consumer<ApiClient.Builder> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        public GraphClient build() {
            if (credential == null) {
                throw new ConfigurationException("Microsoft Graph credential required (Entra ID with scope "
                        + "https://graph.microsoft.com/.default, or a token)");
            }
            ApiClient.Builder b = ApiClient.builder("GRAPH", "sdk-databricks").baseUrl(baseUrl).credential(credential)
                    .retryPolicy(retryPolicy).sleeper(sleeper).requestIdHeader("client-request-id");
            customizers.forEach(c -> c.accept(b));
            return new GraphClient(b.build());
        }
    }
}
