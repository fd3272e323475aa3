package io.dataops4j.databricks.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Databricks group ({@code /scim/v2/Groups}). Read from the service, or built with {@link #builder(String)}.
 *
 * <pre>{@code
 * Group g = dbx.scim().groups().create(Group.builder("data-eng").member("1001").entitlement("databricks-sql-access").build());
 * }</pre>
 *
 * @param id           its id (null in a request to create one)
 * @param displayName  its name
 * @param members      its direct members (users, service principals, groups), or null
 * @param groups       the groups it belongs to, or null
 * @param entitlements its entitlements, or null
 * @param roles        its roles, or null
 * @param meta         {@code WorkspaceGroup} or {@code Group} (an account group), or null
 * @param externalId   an external id, or null
 * @param schemas      the schema URNs, or null
 */
public record Group(String id, String displayName, List<ComplexValue> members, List<ComplexValue> groups,
                    List<ComplexValue> entitlements, List<ComplexValue> roles, ResourceMeta meta, String externalId,
                    List<String> schemas) {
    public Group {
        members = ScimValues.copy(members);
        groups = ScimValues.copy(groups);
        entitlements = ScimValues.copy(entitlements);
        roles = ScimValues.copy(roles);
        schemas = ScimValues.copy(schemas);
    }

    /** A group to create or replace, with the group schema. */
    public static Builder builder(String displayName) {
        return new Builder(displayName);
    }

    /** The members' ids (never null). */
    public List<String> memberIds() {
        return ScimValues.values(members);
    }

    /** Builds a {@link Group} for create or replace. */
    public static final class Builder {
        private final String displayName;
        private final List<ComplexValue> members = new ArrayList<>();
        private final List<ComplexValue> entitlements = new ArrayList<>();
        private final List<ComplexValue> roles = new ArrayList<>();
        private String externalId;

        private Builder(String displayName) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
        }

        /** Adds a member by id (a user, a service principal or a group). */
        public Builder member(String id) {
            members.add(ComplexValue.of(id));
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

        public Group build() {
            if (displayName.isBlank()) {
                throw new IllegalArgumentException("displayName is blank");
            }
            return new Group(null, displayName, ScimValues.orNull(members), null,
                    ScimValues.orNull(entitlements), ScimValues.orNull(roles), null, externalId,
                    List.of(Schemas.GROUP));
        }
    }
}
