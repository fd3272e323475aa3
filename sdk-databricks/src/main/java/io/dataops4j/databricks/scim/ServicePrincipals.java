package io.dataops4j.databricks.scim;

import io.dataops4j.core.paging.Paged;
import io.dataops4j.databricks.internal.ScimEndpoint;

/**
 * Service principals of a workspace or an account (SCIM {@code ServicePrincipals}).
 *
 * <pre>{@code
 * ServicePrincipals sps = dbx.scim().servicePrincipals();
 * ServicePrincipal sp = sps.create(ServicePrincipal.builder("6f1a4f0e-...").displayName("etl-sp").build());
 * sps.list(ScimQuery.filter(ScimFilter.eq("applicationId", "6f1a4f0e-..."))).first();
 * sps.patch(sp.id(), PatchOp.builder().replace("active", false).build());
 * }</pre>
 */
public final class ServicePrincipals {
    private final ScimEndpoint<ServicePrincipal> endpoint;

    ServicePrincipals(ScimEndpoint<ServicePrincipal> endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates a service principal and returns it with its id. */
    public ServicePrincipal create(ServicePrincipal servicePrincipal) {
        return endpoint.create(servicePrincipal);
    }

    /** A service principal by id; {@code ResourceNotFoundException} when there is none. */
    public ServicePrincipal get(String id) {
        return endpoint.get(id);
    }

    /** Every service principal, lazily. */
    public Paged<ServicePrincipal> list() {
        return endpoint.list();
    }

    /** The service principals a query selects, lazily. */
    public Paged<ServicePrincipal> list(ScimQuery query) {
        return endpoint.list(query);
    }

    /** Replaces every attribute of a service principal (PUT). */
    public void replace(String id, ServicePrincipal servicePrincipal) {
        endpoint.replace(id, servicePrincipal);
    }

    /** Changes some attributes (PATCH). */
    public void patch(String id, PatchOp patch) {
        endpoint.patch(id, patch);
    }

    public void delete(String id) {
        endpoint.delete(id);
    }

    @Override
    public String toString() {
        return "ServicePrincipals[" + endpoint.path() + "]";
    }
}
