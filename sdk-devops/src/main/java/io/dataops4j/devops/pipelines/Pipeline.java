package io.dataops4j.devops.pipelines;

/**
 * A pipeline ({@code _apis/pipelines}).
 *
 * @param id       the id
 * @param name     the name
 * @param folder   the folder
 * @param revision the revision
 */
public record Pipeline(long id, String name, String folder, Integer revision) {
}
