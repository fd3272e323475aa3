package io.dataops4j.core.auth;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import java.util.Objects;

/**
 * Entra ID (Azure AD) tokens through azure-identity, for one scope. azure-identity is an optional dependency of
 * sdk-core: add {@code com.azure:azure-identity} (without azure-core-http-netty) and
 * {@code com.azure:azure-core-http-jdk-httpclient} to use this class; every builder here sets azure-core on the
 * JDK's own HTTP client.
 *
 * <pre>{@code
 * Credential arm = EntraIdCredential.defaultAzure(Scopes.ARM);                 // env, managed identity, az CLI...
 * Credential sp = EntraIdCredential.clientSecret(tenant, appId, Secret.of(secret), Scopes.DATABRICKS);
 * Credential any = EntraIdCredential.of(myTokenCredential, Scopes.GRAPH);
 * }</pre>
 */
public final class EntraIdCredential {
    private EntraIdCredential() {
    }

    /** Wraps any azure-identity {@code TokenCredential} for a scope, with caching and refresh ahead of expiry. */
    public static TokenCredential of(com.azure.core.credential.TokenCredential azure, String scope) {
        Objects.requireNonNull(azure, "azure credential");
        Objects.requireNonNull(scope, "scope");
        TokenRequestContext ctx = new TokenRequestContext().addScopes(scope);
        return TokenCredential.of("entra-id", () -> {
            com.azure.core.credential.AccessToken t = azure.getTokenSync(ctx);
            if (t == null) {
                throw new ConfigurationException("Entra ID returned no token for scope " + scope);
            }
            return new AccessToken(Secret.of(t.getToken()), t.getExpiresAt().toInstant());
        });
    }

    /** DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, ...) for a scope. */
    public static TokenCredential defaultAzure(String scope) {
        requireAzureIdentity();
        return of(new DefaultAzureCredentialBuilder().httpClient(jdkHttpClient()).build(), scope);
    }

    /** A service principal with a client secret. */
    public static TokenCredential clientSecret(String tenantId, String clientId, Secret clientSecret, String scope) {
        requireAzureIdentity();
        return of(new ClientSecretCredentialBuilder().tenantId(tenantId).clientId(clientId)
                .clientSecret(clientSecret.reveal()).httpClient(jdkHttpClient()).build(), scope);
    }

    /** A managed identity: system-assigned when {@code clientId} is null, user-assigned otherwise. */
    public static TokenCredential managedIdentity(String clientId, String scope) {
        requireAzureIdentity();
        ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder().httpClient(jdkHttpClient());
        if (clientId != null) {
            b.clientId(clientId);
        }
        return of(b.build(), scope);
    }

    /** The signed-in Azure CLI user ({@code az login}). */
    public static TokenCredential azureCli(String scope) {
        requireAzureIdentity();
        return of(new AzureCliCredentialBuilder().build(), scope);
    }

    private static HttpClient jdkHttpClient() {
        return new JdkHttpClientBuilder().build();
    }

    /** Whether azure-identity is on the class path. */
    public static boolean available() {
        try {
            Class.forName("com.azure.identity.DefaultAzureCredentialBuilder", false, EntraIdCredential.class.getClassLoader());
            Class.forName("com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder", false, EntraIdCredential.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void requireAzureIdentity() {
        if (!available()) {
            throw new ConfigurationException("Entra ID authentication needs com.azure:azure-identity and "
                    + "com.azure:azure-core-http-jdk-httpclient on the class path (optional dependencies of sdk-core)");
        }
    }
}
