package io.dataops4j.databricks.entra;

import io.dataops4j.core.progress.ProgressListener;
import java.io.PrintStream;
import java.util.List;

/**
 * What a {@link GroupSync} would change: the group to create (when missing), members to add and to remove,
 * identities to create in the workspace, and those that cannot be matched. Computing it changed nothing: it is the
 * dry run. Print it, inspect it, then {@link #apply} it.
 *
 * <pre>{@code
 * SyncPlan plan = sync.plan(ProgressListener.NONE);
 * plan.print(System.out);
 * SyncResult result = plan.apply(ProgressListener.NONE);
 * }</pre>
 */
public final class SyncPlan {
    private final SyncEngine engine;
    private final String groupId;
    private final List<SyncMember> toAdd;
    private final List<SyncMember> toRemove;
    private final List<SyncMember> toCreate;
    private final List<SyncMember> unmatched;
    private final int alreadyMembers;
    private final int nestedGroups;
    private final int otherObjects;
    private final int keptMembers;

    SyncPlan(SyncEngine engine, String groupId, List<SyncMember> toAdd, List<SyncMember> toRemove, List<SyncMember> toCreate,
             List<SyncMember> unmatched, int alreadyMembers, int nestedGroups, int otherObjects, int keptMembers) {
        this.engine = engine;
        this.groupId = groupId;
        this.toAdd = List.copyOf(toAdd);
        this.toRemove = List.copyOf(toRemove);
        this.toCreate = List.copyOf(toCreate);
        this.unmatched = List.copyOf(unmatched);
        this.alreadyMembers = alreadyMembers;
        this.nestedGroups = nestedGroups;
        this.otherObjects = otherObjects;
        this.keptMembers = keptMembers;
    }

    /** The Entra ID group's object id. */
    public String entraGroupId() {
        return engine.sync().entraGroupId();
    }

    /** The Databricks group's display name. */
    public String groupName() {
        return engine.sync().groupName();
    }

    /** The Databricks group's id, or null when it is to be created. */
    public String groupId() {
        return groupId;
    }

    /** Whether the Databricks group is to be created. */
    public boolean groupToCreate() {
        return groupId == null;
    }

    /** Workspace identities to add to the group. */
    public List<SyncMember> toAdd() {
        return toAdd;
    }

    /** Group members (users and service principals) that are not in the Entra group. */
    public List<SyncMember> toRemove() {
        return toRemove;
    }

    /** Identities to create in the workspace, then add (only with {@code createMissing}). */
    public List<SyncMember> toCreate() {
        return toCreate;
    }

    /** Entra members with no workspace identity, not created ({@code createMissing} off). */
    public List<SyncMember> unmatched() {
        return unmatched;
    }

    /** Entra members already in the group. */
    public int alreadyMembers() {
        return alreadyMembers;
    }

    /** Entra groups met among the transitive members (flattened: their members are counted, not them). */
    public int nestedGroups() {
        return nestedGroups;
    }

    /** Other directory objects met (devices, contacts), ignored. */
    public int otherObjects() {
        return otherObjects;
    }

    /** Databricks group members that are neither users nor service principals (nested groups), left alone. */
    public int keptMembers() {
        return keptMembers;
    }

    /** Whether applying would change anything. */
    public boolean hasChanges() {
        return groupId == null || !toAdd.isEmpty() || !toRemove.isEmpty() || !toCreate.isEmpty();
    }

    /**
     * Creates what is missing and sends the PATCH batches, reporting each step to the listener.
     *
     * @return what changed
     */
    public SyncResult apply(ProgressListener listener) {
        return engine.apply(this, listener == null ? ProgressListener.NONE : listener);
    }

    /** {@code "12 to add, 3 to remove, 2 to create, 1 unmatched; 4980 already members; 2 nested Entra groups flattened"}. */
    public String summary() {
        return (groupId == null ? "group to create; " : "") + toAdd.size() + " to add, " + toRemove.size() + " to remove, "
                + toCreate.size() + " to create, " + unmatched.size() + " unmatched; " + alreadyMembers + " already members; "
                + nestedGroups + " nested Entra groups flattened";
    }

    /** The plan as text, one line per change. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Entra ID group ").append(entraGroupId()).append(" -> Databricks group \"").append(groupName()).append('"')
                .append(groupId == null ? " (to create)" : " (" + groupId + ")").append('\n');
        toCreate.forEach(m -> sb.append("  * create ").append(m.describe()).append(" and add it\n"));
        toAdd.forEach(m -> sb.append("  + add ").append(m.describe()).append('\n'));
        toRemove.forEach(m -> sb.append("  - remove ").append(m.describe()).append('\n'));
        unmatched.forEach(m -> sb.append("  ? unmatched ").append(m.describe()).append(" (not in the workspace)\n"));
        if (keptMembers > 0) {
            sb.append("  ").append(keptMembers).append(" nested Databricks group(s) left as members\n");
        }
        if (otherObjects > 0) {
            sb.append("  ").append(otherObjects).append(" other directory object(s) ignored\n");
        }
        sb.append("Plan: ").append(summary()).append('\n');
        return sb.toString();
    }

    /** Prints {@link #render()}. */
    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    @Override
    public String toString() {
        return "SyncPlan[" + groupName() + ": " + summary() + "]";
    }
}
