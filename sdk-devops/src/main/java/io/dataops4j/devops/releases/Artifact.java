package io.dataops4j.devops.releases;

import java.util.Objects;

/**
 * The version of one artifact of a new release ({@code ArtifactMetadata}: {@code {"alias", "instanceReference":
 * {"id", "name"}}}).
 *
 * @param alias             the artifact alias in the definition ("_build")
 * @param instanceReference the version
 */
public record Artifact(String alias, Version instanceReference) {
    public Artifact {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(instanceReference, "instanceReference");
    }

    /** An artifact version by id (a build id) and optional name (a build number). */
    public static Artifact of(String alias, String versionId, String versionName) {
        return new Artifact(alias, new Version(versionId, versionName));
    }

    /**
     * An artifact version.
     *
     * @param id   the version id (a build id)
     * @param name the version name, or null
     */
    public record Version(String id, String name) {
    }
}
