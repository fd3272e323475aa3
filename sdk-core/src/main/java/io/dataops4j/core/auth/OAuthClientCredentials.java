package io.dataops4j.core.auth;

import com.squareup.moshi.Json;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4): the client id and secret go in a Basic header to a token
 * endpoint, with a scope. Databricks OAuth M2M uses it with {@code {host}/oidc/v1/token} and scope {@code all-apis}.
 *
 * <pre>{@code
 * Credential m2m = OAuthClientCredentials.builder()
 *     .tokenEndpoint("https://adb-123.azuredatabricks.net/oidc/v1/token")
 *     .clientId(clientId).clientSecret(Secret.of(secret)).scope("all-apis")
 *     .build();
 * }</pre>
 */
public final class OAuthClientCredentials {
    private OAuthClientCredentials() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The token endpoint's answer. */
    public record TokenResponse(@Json(name = "access_token") String accessToken,
                                @Json(name = "token_type") String tokenType,
                                @Json(name = "expires_in") Long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[****, " + tokenType + ", " + expiresIn + "]";
        }
    }

    /** Builds an OAuth client-credentials {@link TokenCredential}. */
    public static final class Builder {
        private String tokenEndpoint;
        private String clientId;
        private Secret clientSecret;
        private String scope;
        private boolean secretInBody;
        private Clock clock = Clock.systemUTC();
        private ApiClient.Builder http;

        private Builder() {
        }

        public Builder tokenEndpoint(String url) {
            this.tokenEndpoint = url;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(Secret clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** Sends the id and secret as form fields instead of a Basic header (some providers ask for it). */
        public Builder secretInBody(boolean inBody) {
            this.secretInBody = inBody;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The HTTP settings to reach the token endpoint with (retries, TLS, timeouts); its base URL is replaced. */
        public Builder http(ApiClient.Builder http) {
            this.http = http;
            return this;
        }

        public TokenCredential build() {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            ApiClient.Builder hb = http != null ? http : ApiClient.builder("OAUTH", "sdk-core");
            ApiClient client = hb.baseUrl(tokenEndpoint).credential(Credential.none()).build();
            String endpoint = tokenEndpoint;
            String id = clientId;
            Secret secret = clientSecret;
            String sc = scope;
            boolean inBody = secretInBody;
            Clock c = clock;
            return TokenCredential.of("oauth-m2m", () -> {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("grant_type", "client_credentials");
                if (sc != null) {
                    form.put("scope", sc);
                }
                ApiRequest.Builder rb = ApiRequest.post(endpoint).idempotent().operation("oauth.token");
                if (inBody) {
                    form.put("client_id", id);
                    form.put("client_secret", secret.reveal());
                } else {
                    rb.header("Authorization", BasicAuth.header(id, secret.reveal()));
                }
                TokenResponse r = client.send(rb.body(ApiBody.form(form)).unauthenticated().build(), TokenResponse.class);
                if (r == null || r.accessToken() == null) {
                    throw new DataOpsException("token endpoint " + endpoint + " returned no access_token");
                }
                long ttl = r.expiresIn() == null ? 3600 : r.expiresIn();
                return new AccessToken(Secret.of(r.accessToken()), Instant.now(c).plusSeconds(ttl));
            }).withRefresh(TokenCredential.DEFAULT_REFRESH_AHEAD, c);
        }
    }
}
