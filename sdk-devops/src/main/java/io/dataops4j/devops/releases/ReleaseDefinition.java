package io.dataops4j.devops.releases;

import io.dataops4j.devops.Ref;
import java.util.List;

/**
 * A release definition ({@code GET _apis/release/definitions/{id}}).
 *
 * @param id           the id
 * @param name         the name
 * @param path         the folder
 * @param revision     the revision
 * @param environments its environments (stages), or null when not expanded
 */
public record ReleaseDefinition(long id, String name, String path, Integer revision, List<Ref> environments) {
}
