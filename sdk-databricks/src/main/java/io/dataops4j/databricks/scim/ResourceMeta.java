package io.dataops4j.databricks.scim;

/**
 * A group's {@code meta}.
 *
 * @param resourceType {@code WorkspaceGroup} for a workspace-local group, {@code Group} for an account group
 */
public record ResourceMeta(String resourceType) {
}
