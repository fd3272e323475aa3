package io.dataops4j.databricks.internal;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.OAuthClientCredentials;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.auth.TokenCredential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.databricks.DatabricksConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Turns resolved settings into a {@link Credential}, per Databricks unified authentication. */
public final class Auth {
    /** The Azure management scope whose token goes in {@code X-Databricks-Azure-SP-Management-Token}. */
    public static final String AZURE_MANAGEMENT_SCOPE = "https://management.core.windows.net/.default";
    /** The header carrying the service principal's Azure management token. */
    public static final String SP_MANAGEMENT_TOKEN = "X-Databricks-Azure-SP-Management-Token";
    /** The header carrying the workspace's Azure resource id. */
    public static final String WORKSPACE_RESOURCE_ID = "X-Databricks-Azure-Workspace-Resource-Id";
    /** The OAuth scope of Databricks machine-to-machine tokens. */
    public static final String M2M_SCOPE = "all-apis";

    private Auth() {
    }

    /**
     * The credential the configuration names, for a workspace host, or for an accounts console when the host is one
     * ({@link DatabricksConfig#isAccountsHost()}).
     *
     * @param http settings for the token endpoint (retries, TLS, timeouts)
     * @throws ConfigurationException when the credential is incomplete or unknown
     */
    public static Credential credential(DatabricksConfig cfg, String host, ApiClient.Builder http) {
        return credential(cfg, host, cfg.isAccountsHost(), http);
    }

    /**
     * The credential the configuration names.
     *
     * @param accountLevel whether {@code host} is an accounts console (OAuth tokens then come from the account's
     *                     endpoint, {@code {host}/oidc/accounts/{account_id}/v1/token})
     * @param http         settings for the token endpoint (retries, TLS, timeouts)
     * @throws ConfigurationException when the credential is incomplete or unknown, or an account-level OAuth
     *                                credential has no account id
     */
    public static Credential credential(DatabricksConfig cfg, String host, boolean accountLevel, ApiClient.Builder http) {
        String kind = cfg.authType();
        if (kind == null) {
            throw new ConfigurationException("Databricks credential not found for " + host + ": set token (DATABRICKS_TOKEN), "
                    + "client_id and client_secret (DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET), or an Azure service "
                    + "principal (ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_TENANT_ID); profile [" + cfg.profile() + "] of "
                    + cfg.configFile());
        }
        String resourceId = cfg.value(DatabricksConfig.AZURE_RESOURCE_ID);
        return switch (kind) {
            case "pat" -> Credential.bearer(Secret.of(cfg.require(DatabricksConfig.TOKEN).value()));
            case "basic" -> Credential.basic(cfg.require(DatabricksConfig.USERNAME).value(),
                    Secret.of(cfg.require(DatabricksConfig.PASSWORD).value()));
            case "oauth-m2m" -> OAuthClientCredentials.builder()
                    .tokenEndpoint(m2mTokenEndpoint(cfg, host, accountLevel))
                    .clientId(cfg.require(DatabricksConfig.CLIENT_ID).value())
                    .clientSecret(Secret.of(cfg.require(DatabricksConfig.CLIENT_SECRET).value()))
                    .scope(M2M_SCOPE)
                    .http(http)
                    .build();
            case "azure-client-secret" -> {
                String tenant = cfg.require(DatabricksConfig.AZURE_TENANT_ID).value();
                String id = cfg.require(DatabricksConfig.AZURE_CLIENT_ID).value();
                Secret secret = Secret.of(cfg.require(DatabricksConfig.AZURE_CLIENT_SECRET).value());
                TokenCredential databricks = EntraIdCredential.clientSecret(tenant, id, secret, Scopes.DATABRICKS);
                TokenCredential management = resourceId == null ? null
                        : EntraIdCredential.clientSecret(tenant, id, secret, AZURE_MANAGEMENT_SCOPE);
                yield azureServicePrincipal(databricks, management, resourceId);
            }
            case "azure-msi" -> azureServicePrincipal(
                    EntraIdCredential.managedIdentity(cfg.value(DatabricksConfig.AZURE_CLIENT_ID), Scopes.DATABRICKS), null, resourceId);
            case "azure-cli" -> azureServicePrincipal(EntraIdCredential.azureCli(Scopes.DATABRICKS), null, resourceId);
            default -> throw new ConfigurationException("auth_type " + kind + " is not one dataops4j knows ("
                    + String.join(", ", DatabricksConfig.AUTH_TYPES.keySet()) + ")");
        };
    }

    /**
     * The OAuth M2M token endpoint, as the Databricks SDKs' OIDC discovery finds it: {@code {host}/oidc/v1/token} for a
     * workspace, {@code {host}/oidc/accounts/{account_id}/v1/token} for an accounts console.
     *
     * @throws ConfigurationException when {@code accountLevel} and the account id is not set
     */
    public static String m2mTokenEndpoint(DatabricksConfig cfg, String host, boolean accountLevel) {
        if (!accountLevel) {
            return host + "/oidc/v1/token";
        }
        String accountId = cfg.require(DatabricksConfig.ACCOUNT_ID).value().strip();
        if (accountId.isEmpty() || !accountId.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigurationException("Databricks account id '" + accountId + "' (from "
                    + cfg.require(DatabricksConfig.ACCOUNT_ID).source() + ") is not an account id");
        }
        return host + "/oidc/accounts/" + accountId + "/v1/token";
    }

    /**
     * An Entra ID credential for a workspace: the Databricks-scoped token as {@code Authorization}, and, when the
     * workspace's resource id is known, {@code X-Databricks-Azure-Workspace-Resource-Id} and (for a service
     * principal that is not yet a workspace user) {@code X-Databricks-Azure-SP-Management-Token}.
     *
     * @param databricks the token for the Databricks first-party application
     * @param management the token for Azure management, or null
     * @param resourceId the workspace's Azure resource id, or null
     */
    public static Credential azureServicePrincipal(Credential databricks, Credential management, String resourceId) {
        Objects.requireNonNull(databricks, "databricks");
        if (management == null && resourceId == null) {
            return databricks;
        }
        return new Credential() {
            @Override
            public Map<String, String> headers(boolean forceRefresh) {
                Map<String, String> h = new LinkedHashMap<>(databricks.headers(forceRefresh));
                if (resourceId != null) {
                    h.put(WORKSPACE_RESOURCE_ID, resourceId);
                    if (management != null) {
                        String auth = management.headers(forceRefresh).get("Authorization");
                        if (auth != null) {
                            h.put(SP_MANAGEMENT_TOKEN, auth.startsWith("Bearer ") ? auth.substring(7) : auth);
                        }
                    }
                }
                return h;
            }

            @Override
            public String kind() {
                return databricks.kind();
            }

            @Override
            public String toString() {
                return "Credential[" + databricks.kind() + (resourceId != null ? ", azure workspace" : "") + "]";
            }
        };
    }
}
