package io.dataops4j.databricks.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Databricks user ({@code /scim/v2/Users}). Read from the service, or built with {@link #builder(String)} to create
 * or replace one.
 *
 * <pre>{@code
 * User ada = dbx.scim().users().create(User.builder("ada@example.com").displayName("Ada Lovelace")
 *     .entitlement("workspace-access").build());
 * }</pre>
 *
 * @param id           its id (null in a request to create one)
 * @param userName     its user name, usually an email address
 * @param displayName  its display name, or null
 * @param active       whether it may sign in, or null
 * @param emails       its email addresses, or null
 * @param name         its given and family name, or null
 * @param groups       the groups it belongs to (read only), or null
 * @param entitlements its entitlements ({@code workspace-access}, {@code allow-cluster-create}...), or null
 * @param roles        its roles (instance profiles), or null
 * @param externalId   an external id, or null
 * @param schemas      the schema URNs, or null
 */
public record User(String id, String userName, String displayName, Boolean active, List<ComplexValue> emails, Name name,
                   List<ComplexValue> groups, List<ComplexValue> entitlements, List<ComplexValue> roles, String externalId,
                   List<String> schemas) {
    public User {
        emails = ScimValues.copy(emails);
        groups = ScimValues.copy(groups);
        entitlements = ScimValues.copy(entitlements);
        roles = ScimValues.copy(roles);
        schemas = ScimValues.copy(schemas);
    }

    /** A user to create or replace, with the user schema. */
    public static Builder builder(String userName) {
        return new Builder(userName);
    }

    /** The email addresses' values (never null). */
    public List<String> emailAddresses() {
        return ScimValues.values(emails);
    }

    /** Builds a {@link User} for create or replace. */
    public static final class Builder {
        private final String userName;
        private String displayName;
        private Boolean active;
        private final List<ComplexValue> emails = new ArrayList<>();
        private Name name;
        private final List<ComplexValue> entitlements = new ArrayList<>();
        private final List<ComplexValue> roles = new ArrayList<>();
        private String externalId;

        private Builder(String userName) {
            this.userName = Objects.requireNonNull(userName, "userName");
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** Adds an email entry ({@link ComplexValue#primaryEmail(String)} for the usual one). */
        public Builder email(ComplexValue email) {
            emails.add(Objects.requireNonNull(email, "email"));
            return this;
        }

        public Builder name(String givenName, String familyName) {
            this.name = new Name(givenName, familyName);
            return this;
        }

        /** Adds an entitlement by name. */
        public Builder entitlement(String entitlement) {
            entitlements.add(ComplexValue.of(entitlement));
            return this;
        }

        /** Adds a role (an instance profile ARN). */
        public Builder role(String role) {
            roles.add(ComplexValue.of(role));
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public User build() {
            if (userName.isBlank()) {
                throw new IllegalArgumentException("userName is blank");
            }
            return new User(null, userName, displayName, active, ScimValues.orNull(emails), name, null,
                    ScimValues.orNull(entitlements), ScimValues.orNull(roles), externalId,
                    List.of(Schemas.USER));
        }
    }
}
