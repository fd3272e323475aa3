package io.dataops4j.databricks.scim;

import io.dataops4j.core.paging.Paged;
import io.dataops4j.databricks.internal.ScimEndpoint;
import java.util.Collection;
import java.util.Optional;

/**
 * Groups of a workspace or an account (SCIM {@code Groups}), and their members.
 *
 * <pre>{@code
 * Groups groups = dbx.scim().groups();
 * Group g = groups.findByName("data-eng").orElseGet(() -> groups.create(Group.builder("data-eng").build()));
 * groups.addMembers(g.id(), List.of("1001", "2001"));
 * groups.removeMembers(g.id(), List.of("1002"));
 * groups.list(ScimQuery.filter(ScimFilter.sw("displayName", "data-"))).forEach(System.out::println);
 * }</pre>
 */
public final class Groups {
    private final ScimEndpoint<Group> endpoint;

    Groups(ScimEndpoint<Group> endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates a group and returns it with its id. */
    public Group create(Group group) {
        return endpoint.create(group);
    }

    /** A group by id, with its members; {@code ResourceNotFoundException} when there is none. */
    public Group get(String id) {
        return endpoint.get(id);
    }

    /**
     * The group with this display name, with its members (a filtered listing for its id, then a get), or empty.
     * Display names are unique in a workspace.
     */
    public Optional<Group> findByName(String displayName) {
        Optional<Group> found = endpoint.list(ScimQuery.filter(ScimFilter.eq("displayName", displayName))
                .attributes("id", "displayName")).first();
        return found.map(g -> get(g.id()));
    }

    /** Every group, lazily. */
    public Paged<Group> list() {
        return endpoint.list();
    }

    /** The groups a query selects, lazily. */
    public Paged<Group> list(ScimQuery query) {
        return endpoint.list(query);
    }

    /** Replaces every attribute of a group (PUT), its members included. */
    public void replace(String id, Group group) {
        endpoint.replace(id, group);
    }

    /** Changes some attributes (PATCH). */
    public void patch(String id, PatchOp patch) {
        endpoint.patch(id, patch);
    }

    /** Adds members by id in one PATCH. */
    public void addMembers(String groupId, Collection<String> memberIds) {
        endpoint.patch(groupId, PatchOp.addMembers(memberIds));
    }

    /** Removes members by id in one PATCH (one operation each). */
    public void removeMembers(String groupId, Collection<String> memberIds) {
        endpoint.patch(groupId, PatchOp.removeMembers(memberIds));
    }

    public void delete(String id) {
        endpoint.delete(id);
    }

    @Override
    public String toString() {
        return "Groups[" + endpoint.path() + "]";
    }
}
