package io.dataops4j.databricks.scim;

import com.squareup.moshi.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A SCIM PATCH request: {@code {"schemas": [...PatchOp], "Operations": [{"op", "path", "value"}]}}. Each operation
 * adds to, removes from or replaces an attribute; a path may select entries of a multi-valued attribute
 * ({@code members[value eq "1001"]}).
 *
 * <pre>{@code
 * dbx.scim().groups().patch(groupId, PatchOp.builder()
 *     .addMembers(List.of("1002", "2002"))
 *     .removeMember("1001")
 *     .addEntitlement("allow-cluster-create")
 *     .build());
 * dbx.scim().users().patch(userId, PatchOp.builder().replace("active", false).build());
 * }</pre>
 *
 * @param schemas    always {@link Schemas#PATCH_OP}
 * @param operations the operations, in order
 */
public record PatchOp(List<String> schemas, @Json(name = "Operations") List<Operation> operations) {
    public PatchOp {
        schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
        operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
    }

    /** An empty request to add operations to. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds members by id (users, service principals or groups) in one operation. */
    public static PatchOp addMembers(Collection<String> ids) {
        return builder().addMembers(ids).build();
    }

    /** Removes members by id, one operation each. */
    public static PatchOp removeMembers(Collection<String> ids) {
        Builder b = builder();
        ids.forEach(b::removeMember);
        return b.build();
    }

    /**
     * A path selecting the entries of a multi-valued attribute whose value is {@code value}:
     * {@code members[value eq "1001"]} (quotes and backslashes in the value escaped).
     */
    public static String valuePath(String attribute, String value) {
        return Objects.requireNonNull(attribute, "attribute") + "[value eq " + ScimFilter.quote(value) + "]";
    }

    /**
     * One operation.
     *
     * @param op    {@code add}, {@code remove} or {@code replace}
     * @param path  the attribute (or entries) it applies to
     * @param value the value (for add and replace), or null
     */
    public record Operation(String op, String path, Object value) {
        public Operation {
            Objects.requireNonNull(op, "op");
            if (!op.equals("add") && !op.equals("remove") && !op.equals("replace")) {
                throw new IllegalArgumentException("op must be add, remove or replace, but was " + op);
            }
        }
    }

    /** Builds a {@link PatchOp}; operations keep their order. */
    public static final class Builder {
        private final List<Operation> ops = new ArrayList<>();

        private Builder() {
        }

        /** {@code add} of a value (a list of {@link ComplexValue}s for a multi-valued attribute). */
        public Builder add(String path, Object value) {
            ops.add(new Operation("add", Objects.requireNonNull(path, "path"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** {@code remove} of an attribute or of the entries a path selects ({@link #valuePath}). */
        public Builder remove(String path) {
            ops.add(new Operation("remove", Objects.requireNonNull(path, "path"), null));
            return this;
        }

        /** {@code replace} of an attribute's value ({@code active}, {@code displayName}...). */
        public Builder replace(String path, Object value) {
            ops.add(new Operation("replace", Objects.requireNonNull(path, "path"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Adds members by id in one operation ({@code {"op":"add","path":"members","value":[{"value":id}...]}}). */
        public Builder addMembers(Collection<String> ids) {
            return add("members", values(ids));
        }

        /** Removes one member ({@code {"op":"remove","path":"members[value eq \"id\"]"}}). */
        public Builder removeMember(String id) {
            return remove(valuePath("members", id));
        }

        public Builder addEntitlement(String entitlement) {
            return add("entitlements", values(List.of(entitlement)));
        }

        public Builder removeEntitlement(String entitlement) {
            return remove(valuePath("entitlements", entitlement));
        }

        public Builder addRole(String role) {
            return add("roles", values(List.of(role)));
        }

        public Builder removeRole(String role) {
            return remove(valuePath("roles", role));
        }

        /** The operations so far. */
        public int size() {
            return ops.size();
        }

        public PatchOp build() {
            if (ops.isEmpty()) {
                throw new IllegalStateException("a PATCH needs at least one operation");
            }
            return new PatchOp(List.of(Schemas.PATCH_OP), ops);
        }

        private static List<ComplexValue> values(Collection<String> ids) {
            List<ComplexValue> out = new ArrayList<>(ids.size());
            ids.forEach(id -> out.add(ComplexValue.of(id)));
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no values to add");
            }
            return out;
        }
    }
}
