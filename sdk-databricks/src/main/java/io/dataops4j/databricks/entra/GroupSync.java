package io.dataops4j.databricks.entra;

import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.databricks.scim.Scim;
import java.util.Objects;

/**
 * Syncs an Entra ID group into a Databricks group through SCIM, in seconds and with nested groups: the Entra group's
 * users and service principals at any depth (Graph's {@code transitiveMembers}; group objects themselves are
 * ignored) become the Databricks group's members. Users are matched by user name or email, case-insensitively;
 * service principals by application id. The Databricks group is created when missing; identities missing from the
 * workspace are created when {@link Builder#createMissing(boolean)} is on, else reported as unmatched. Members of
 * the Databricks group that are not in the Entra group are removed (nested Databricks groups are left alone).
 *
 * <p>{@link #plan(ProgressListener)} reads both sides once (workspace users and service principals, the group,
 * then the Entra members as they stream) and changes nothing: it is the dry run. {@link SyncPlan#apply} sends the
 * creations and PATCH batches of at most {@link Builder#batchSize(int)} members; applying again plans nothing.
 *
 * <pre>{@code
 * GraphClient graph = GraphClient.builder().credential(EntraIdCredential.defaultAzure(Scopes.GRAPH)).build();
 * SyncPlan plan = GroupSync.builder()
 *     .entraGroup(graph, "0b7c3f55-...")
 *     .databricksGroup(dbx.scim(), "data-eng")
 *     .createMissing(true)
 *     .build()
 *     .plan(ProgressListener.NONE);
 * plan.print(System.out);
 * if (plan.hasChanges()) {
 *     SyncResult r = plan.apply((done, total, what) -> log.info("{}/{} {}", done, total, what));
 *     log.info(r.summary());
 * }
 * }</pre>
 */
public final class GroupSync {
    /** PATCH batch size unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The largest batch allowed. */
    public static final int MAX_BATCH_SIZE = 1000;

    private final GraphClient graph;
    private final String entraGroupId;
    private final Scim scim;
    private final String groupName;
    private final boolean createMissing;
    private final int batchSize;

    private GroupSync(Builder b) {
        this.graph = b.graph;
        this.entraGroupId = b.entraGroupId;
        this.scim = b.scim;
        this.groupName = b.groupName;
        this.createMissing = b.createMissing;
        this.batchSize = b.batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads both sides and works out what would change; changes nothing. */
    public SyncPlan plan(ProgressListener listener) {
        return new SyncEngine(this).plan(listener == null ? ProgressListener.NONE : listener);
    }

    GraphClient graph() {
        return graph;
    }

    String entraGroupId() {
        return entraGroupId;
    }

    Scim scim() {
        return scim;
    }

    String groupName() {
        return groupName;
    }

    boolean createMissing() {
        return createMissing;
    }

    int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "GroupSync[entra " + entraGroupId + " -> " + scim.basePath() + " group \"" + groupName + "\"]";
    }

    /** Builds a {@link GroupSync}; both groups are required. */
    public static final class Builder {
        private GraphClient graph;
        private String entraGroupId;
        private Scim scim;
        private String groupName;
        private boolean createMissing;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder() {
        }

        /** The Entra ID group (its object id) and the Graph client that reads it. */
        public Builder entraGroup(GraphClient graph, String groupId) {
            this.graph = Objects.requireNonNull(graph, "graph");
            this.entraGroupId = Objects.requireNonNull(groupId, "groupId");
            return this;
        }

        /** The Databricks group (its display name) and the SCIM client of its workspace. */
        public Builder databricksGroup(Scim scim, String displayName) {
            this.scim = Objects.requireNonNull(scim, "scim");
            this.groupName = Objects.requireNonNull(displayName, "displayName");
            return this;
        }

        /** Creates users and service principals missing from the workspace (default: off, they are reported). */
        public Builder createMissing(boolean create) {
            this.createMissing = create;
            return this;
        }

        /** Members per PATCH request (1 to {@value GroupSync#MAX_BATCH_SIZE}, default {@value GroupSync#DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int size) {
            if (size < 1 || size > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batch size must be 1-" + MAX_BATCH_SIZE + ", but was " + size);
            }
            this.batchSize = size;
            return this;
        }

        public GroupSync build() {
            if (graph == null || entraGroupId.isBlank()) {
                throw new IllegalStateException("the Entra ID group is required: entraGroup(graph, groupId)");
            }
            if (scim == null || groupName.isBlank()) {
                throw new IllegalStateException("the Databricks group is required: databricksGroup(scim, name)");
            }
            return new GroupSync(this);
        }
    }
}
