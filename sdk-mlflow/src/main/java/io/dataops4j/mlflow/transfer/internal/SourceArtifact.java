package io.dataops4j.mlflow.transfer.internal;

/**
 * An artifact file of a source run.
 *
 * @param path its path relative to the run's artifact root
 * @param size its size in bytes, or -1 when unknown
 */
public record SourceArtifact(String path, long size) {
}
