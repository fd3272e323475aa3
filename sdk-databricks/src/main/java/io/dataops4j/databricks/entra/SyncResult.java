package io.dataops4j.databricks.entra;

import java.util.List;

/**
 * What applying a {@link SyncPlan} changed.
 *
 * @param groupId      the Databricks group's id
 * @param groupCreated whether the group was created
 * @param created      the users and service principals created in the workspace (with their new ids)
 * @param added        members added to the group
 * @param removed      members removed from the group
 * @param requests     SCIM write requests sent (creations and PATCH batches)
 */
public record SyncResult(String groupId, boolean groupCreated, List<SyncMember> created, int added, int removed, int requests) {
    public SyncResult {
        created = List.copyOf(created);
    }

    /** Whether anything changed. */
    public boolean changed() {
        return groupCreated || !created.isEmpty() || added > 0 || removed > 0;
    }

    /** {@code "group 3001: 12 added, 3 removed, 2 created (5 requests)"}. */
    public String summary() {
        return "group " + groupId + (groupCreated ? " (created)" : "") + ": " + added + " added, " + removed + " removed, "
                + created.size() + " created (" + requests + " requests)";
    }
}
