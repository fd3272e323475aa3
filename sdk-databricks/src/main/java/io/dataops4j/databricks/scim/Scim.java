package io.dataops4j.databricks.scim;

import io.dataops4j.databricks.internal.Context;
import io.dataops4j.databricks.internal.ScimEndpoint;
import io.dataops4j.databricks.internal.SubClients;
import java.util.Objects;

/**
 * SCIM 2.0 identities: users, groups and service principals of a workspace
 * ({@code /api/2.0/preview/scim/v2/...}, from {@code DatabricksClient.scim()}) or of an account
 * ({@code /api/2.0/accounts/{account_id}/scim/v2/...}, from {@code DatabricksClient.accountScim()} on a client
 * of the accounts console). SCIM errors ({@code {"detail", "status"}}) are the core's exceptions with code
 * {@code SCIM_<status>}: a missing user is a {@code ResourceNotFoundException}, a duplicate a
 * {@code ConflictException}.
 *
 * <pre>{@code
 * Scim scim = dbx.scim();
 * User ada = scim.users().create(User.builder("ada@example.com").displayName("Ada Lovelace").build());
 * Group eng = scim.groups().findByName("data-eng").orElseThrow();
 * scim.groups().addMembers(eng.id(), List.of(ada.id()));
 * scim.servicePrincipals().list(ScimQuery.all().attributes("id", "applicationId")).forEach(System.out::println);
 *
 * DatabricksClient accounts = DatabricksClient.builder().host("https://accounts.azuredatabricks.net")
 *     .accountId("0d2b...").oauthM2m(clientId, Secret.of(secret)).build();   // or azureServicePrincipal(...)
 * accounts.accountScim().groups().list().forEach(System.out::println);
 * }</pre>
 */
public final class Scim {
    private final String base;
    private final String accountId;
    private final Users users;
    private final Groups groups;
    private final ServicePrincipals servicePrincipals;

    static {
        SubClients.register(Scim.class, Scim::new);
    }

    /**
     * Account-level SCIM when {@code accountId} is not null, else workspace-level; made by {@code DatabricksClient}:
     * use {@code dbx.scim()} or {@code dbx.accountScim(accountId)}.
     */
    private Scim(Context ctx, String accountId) {
        Objects.requireNonNull(ctx, "ctx");
        if (accountId != null && (accountId.isBlank() || accountId.contains("/"))) {
            throw new IllegalArgumentException("not an account id: '" + accountId + "'");
        }
        this.accountId = accountId;
        this.base = accountId == null ? "api/2.0/preview/scim/v2/" : "api/2.0/accounts/" + accountId + "/scim/v2/";
        this.users = new Users(new ScimEndpoint<>(ctx, base, "Users", User.class));
        this.groups = new Groups(new ScimEndpoint<>(ctx, base, "Groups", Group.class));
        this.servicePrincipals = new ServicePrincipals(new ScimEndpoint<>(ctx, base, "ServicePrincipals", ServicePrincipal.class));
    }

    public Users users() {
        return users;
    }

    public Groups groups() {
        return groups;
    }

    public ServicePrincipals servicePrincipals() {
        return servicePrincipals;
    }

    /** The account's id, or null for a workspace. */
    public String accountId() {
        return accountId;
    }

    /** The path the resources are under, relative to the host ({@code api/2.0/preview/scim/v2/}). */
    public String basePath() {
        return base;
    }

    @Override
    public String toString() {
        return "Scim[" + base + "]";
    }
}
