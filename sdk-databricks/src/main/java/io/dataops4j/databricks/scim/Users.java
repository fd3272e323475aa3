package io.dataops4j.databricks.scim;

import io.dataops4j.core.paging.Paged;
import io.dataops4j.databricks.internal.ScimEndpoint;

/**
 * Users of a workspace or an account (SCIM {@code Users}).
 *
 * <pre>{@code
 * Users users = dbx.scim().users();
 * User ada = users.create(User.builder("ada@example.com").displayName("Ada Lovelace").build());
 * users.list(ScimQuery.filter(ScimFilter.eq("userName", "ada@example.com"))).first();
 * users.patch(ada.id(), PatchOp.builder().addEntitlement("allow-cluster-create").build());
 * users.delete(ada.id());
 * }</pre>
 */
public final class Users {
    private final ScimEndpoint<User> endpoint;

    Users(ScimEndpoint<User> endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates a user and returns it with its id. */
    public User create(User user) {
        return endpoint.create(user);
    }

    /** A user by id; {@code ResourceNotFoundException} when there is none. */
    public User get(String id) {
        return endpoint.get(id);
    }

    /** Every user, lazily. */
    public Paged<User> list() {
        return endpoint.list();
    }

    /** The users a query selects, lazily. */
    public Paged<User> list(ScimQuery query) {
        return endpoint.list(query);
    }

    /** Replaces every attribute of a user (PUT). */
    public void replace(String id, User user) {
        endpoint.replace(id, user);
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
        return "Users[" + endpoint.path() + "]";
    }
}
