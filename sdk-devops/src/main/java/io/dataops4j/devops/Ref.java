package io.dataops4j.devops;

/**
 * A reference to another DevOps object ({@code {"id", "name"}}), as in a release's {@code releaseDefinition} or a
 * run's {@code pipeline}.
 *
 * @param id   the id
 * @param name the name, or null
 */
public record Ref(Long id, String name) {
}
