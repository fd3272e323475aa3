package io.dataops4j.dataiku.connections;

import java.util.List;
import java.util.Objects;

/**
 * Who may use a connection and who may read its details, and whose credentials it uses. A null part is left as it is
 * on the server. DSS's create call takes only {@code usableBy} and {@code allowedGroups}, so the client applies the
 * rest afterwards with GET, merge, PUT.
 *
 * <pre>{@code
 * ConnectionSecurity s = ConnectionSecurity.builder()
 *     .usableBy("data-engineers")             // usableBy=ALLOWED, allowedGroups=[data-engineers]
 *     .detailsReadableBy("dss-admins")        // detailsReadability={readableBy: ALLOWED, allowedGroups: [dss-admins]}
 *     .credentialsMode(CredentialsMode.GLOBAL)
 *     .build();
 * }</pre>
 *
 * @param usableBy          who may use the connection, or null
 * @param usableGroups      the groups when {@code usableBy} is ALLOWED
 * @param readableBy        who may read the details, or null
 * @param readableGroups    the groups when {@code readableBy} is ALLOWED
 * @param credentialsMode   whose credentials, or null
 */
public record ConnectionSecurity(UsableBy usableBy, List<String> usableGroups, ReadableBy readableBy,
                                 List<String> readableGroups, CredentialsMode credentialsMode) {
    public ConnectionSecurity {
        usableGroups = usableGroups == null ? List.of() : List.copyOf(usableGroups);
        readableGroups = readableGroups == null ? List.of() : List.copyOf(readableGroups);
        if (usableBy == UsableBy.ALLOWED && usableGroups.isEmpty()) {
            throw new IllegalArgumentException("usableBy ALLOWED needs at least one group");
        }
        if (readableBy == ReadableBy.ALLOWED && readableGroups.isEmpty()) {
            throw new IllegalArgumentException("readableBy ALLOWED needs at least one group");
        }
    }

    /** Nothing to change. */
    public static ConnectionSecurity unchanged() {
        return new ConnectionSecurity(null, List.of(), null, List.of(), null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the details readability or the credentials mode is set: parts that the create call does not take. */
    public boolean needsUpdateAfterCreate() {
        return readableBy != null || credentialsMode != null;
    }

    /** Builds a {@link ConnectionSecurity}. */
    public static final class Builder {
        private UsableBy usableBy;
        private List<String> usableGroups = List.of();
        private ReadableBy readableBy;
        private List<String> readableGroups = List.of();
        private CredentialsMode credentialsMode;

        private Builder() {
        }

        /** Every user may use the connection. */
        public Builder usableByAll() {
            this.usableBy = UsableBy.ALL;
            this.usableGroups = List.of();
            return this;
        }

        /** Only these groups may use the connection; no group at all means every user. */
        public Builder usableBy(String... groups) {
            return usableBy(List.of(groups));
        }

        /** Only these groups may use the connection; an empty list means every user. */
        public Builder usableBy(List<String> groups) {
            Objects.requireNonNull(groups, "groups");
            this.usableBy = groups.isEmpty() ? UsableBy.ALL : UsableBy.ALLOWED;
            this.usableGroups = List.copyOf(groups);
            return this;
        }

        /** Nobody may read the connection's details (credentials). */
        public Builder detailsReadableByNobody() {
            this.readableBy = ReadableBy.NONE;
            this.readableGroups = List.of();
            return this;
        }

        /** Every user may read the connection's details. */
        public Builder detailsReadableByAll() {
            this.readableBy = ReadableBy.ALL;
            this.readableGroups = List.of();
            return this;
        }

        /** Only these groups may read the connection's details; no group at all means nobody. */
        public Builder detailsReadableBy(String... groups) {
            return detailsReadableBy(List.of(groups));
        }

        /** Only these groups may read the connection's details; an empty list means nobody. */
        public Builder detailsReadableBy(List<String> groups) {
            Objects.requireNonNull(groups, "groups");
            this.readableBy = groups.isEmpty() ? ReadableBy.NONE : ReadableBy.ALLOWED;
            this.readableGroups = List.copyOf(groups);
            return this;
        }

        public Builder credentialsMode(CredentialsMode mode) {
            this.credentialsMode = mode;
            return this;
        }

        public ConnectionSecurity build() {
            return new ConnectionSecurity(usableBy, usableGroups, readableBy, readableGroups, credentialsMode);
        }
    }
}
