package io.dataops4j.core.auth;

import io.dataops4j.core.Secret;
import java.util.Map;

/**
 * Yields the headers that authenticate one request attempt. Implementations cache tokens and refresh them ahead
 * of expiry; after a 401 the client asks once more with {@code forceRefresh = true}.
 *
 * <pre>{@code
 * Credential pat = Credential.bearer(Secret.of(System.getenv("DATABRICKS_TOKEN")));
 * Credential dss = Credential.apiKey(Secret.of(System.getenv("DKU_API_KEY")));
 * Credential arm = EntraIdCredential.defaultAzure(Scopes.ARM);
 * }</pre>
 */
public interface Credential {
    /**
     * The headers to add (usually just {@code Authorization}); an empty map for none.
     *
     * @param forceRefresh true after the service answered 401: drop any cached token
     */
    Map<String, String> headers(boolean forceRefresh);

    /** A short name of the kind of credential, safe to print ("pat", "basic", "oauth-m2m", "entra-id", "none"). */
    String kind();

    /** No authentication. */
    static Credential none() {
        return StaticCredential.NONE;
    }

    /** {@code Authorization: Bearer <token>}: personal access tokens, pre-fetched tokens. */
    static Credential bearer(Secret token) {
        return new StaticCredential("bearer", Map.of("Authorization", "Bearer " + token.reveal()));
    }

    /** HTTP Basic with a user name and a password. */
    static Credential basic(String user, Secret password) {
        return new StaticCredential("basic", Map.of("Authorization", BasicAuth.header(user, password.reveal())));
    }

    /** An API key sent as the Basic user name with an empty password (Dataiku DSS). */
    static Credential apiKey(Secret key) {
        return new StaticCredential("api-key", Map.of("Authorization", BasicAuth.header(key.reveal(), "")));
    }

    /** A personal access token sent as the Basic password with an empty user name (Azure DevOps). */
    static Credential patAsBasicPassword(Secret pat) {
        return new StaticCredential("pat", Map.of("Authorization", BasicAuth.header("", pat.reveal())));
    }
}
