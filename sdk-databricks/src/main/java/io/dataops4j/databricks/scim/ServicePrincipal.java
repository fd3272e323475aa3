package io.dataops4j.databricks.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Databricks service principal ({@code /scim/v2/ServicePrincipals}). On Azure its {@code applicationId} is the
 * Entra ID application (client) id.
 *
 * <pre>{@code
 * ServicePrincipal sp = dbx.scim().servicePrincipals().create(
 *     ServicePrincipal.builder("6f1a4f0e-...").displayName("etl-sp").build());
 * }</pre>
 *
 * @param id            its id (null in a request to create one)
 * @param applicationId its application id
 * @param displayName   its display name, or null
 * @param active        whether it may authenticate, or null
 * @param entitlements  its entitlements, or null
 * @param groups        the groups it belongs to, or null
 * @param roles         its roles, or null
 * @param externalId    an external id, or null
 * @param schemas       the schema URNs, or null
 */
public record ServicePrincipal(String id, String applicationId, String displayName, Boolean active,
                               List<ComplexValue> entitlements, List<ComplexValue> groups, List<ComplexValue> roles,
                               String externalId, List<String> schemas) {
    public ServicePrincipal {
        entitlements = ScimValues.copy(entitlements);
        groups = ScimValues.copy(groups);
        roles = ScimValues.copy(roles);
        schemas = ScimValues.copy(schemas);
    }

    /** A service principal to create or replace, with the service principal schema. */
    public static Builder builder(String applicationId) {
        return new Builder(applicationId);
    }

    /** Builds a {@link ServicePrincipal} for create or replace. */
    public static final class Builder {
        private final String applicationId;
        private String displayName;
        private Boolean active;
        private final List<ComplexValue> entitlements = new ArrayList<>();
        private final List<ComplexValue> roles = new ArrayList<>();
        private String externalId;

        private Builder(String applicationId) {
            this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        public Builder entitlement(String entitlement) {
            entitlements.add(ComplexValue.of(entitlement));
            return this;
        }

        public Builder role(String role) {
            roles.add(ComplexValue.of(role));
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public ServicePrincipal build() {
            if (applicationId.isBlank()) {
                throw new IllegalArgumentException("applicationId is blank");
            }
            return new ServicePrincipal(null, applicationId, displayName, active,
                    ScimValues.orNull(entitlements), null, ScimValues.orNull(roles), externalId,
                    List.of(Schemas.SERVICE_PRINCIPAL));
        }
    }
}
