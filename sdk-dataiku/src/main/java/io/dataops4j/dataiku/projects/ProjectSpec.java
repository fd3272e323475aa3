package io.dataops4j.dataiku.projects;

import java.util.List;
import java.util.Objects;

/**
 * A project to create ({@code POST /projects/}); needs an admin key or project-creation rights.
 *
 * <pre>{@code
 * dss.projects().create(ProjectSpec.of("DATAOPS", "Data ops", "admin").withDescription("Blob and Synapse imports"));
 * }</pre>
 *
 * @param projectKey      the key: upper-case letters, digits and underscores, unique on the instance
 * @param name            the display name
 * @param owner           the owner's login
 * @param description     a description, or null
 * @param projectFolderId the project folder, or null for the root folder
 * @param tags            tags
 */
public record ProjectSpec(String projectKey, String name, String owner, String description, String projectFolderId,
                          List<String> tags) {
    public ProjectSpec {
        if (projectKey == null || !projectKey.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("a project key is letters, digits and underscores: " + projectKey);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static ProjectSpec of(String projectKey, String name, String owner) {
        return new ProjectSpec(projectKey, name, owner, null, null, List.of());
    }

    public ProjectSpec withDescription(String description) {
        return new ProjectSpec(projectKey, name, owner, description, projectFolderId, tags);
    }

    public ProjectSpec inFolder(String projectFolderId) {
        return new ProjectSpec(projectKey, name, owner, description, projectFolderId, tags);
    }

    public ProjectSpec withTags(List<String> tags) {
        return new ProjectSpec(projectKey, name, owner, description, projectFolderId, tags);
    }
}
