package io.dataops4j.cli.mlflow;

/**
 * What {@code dataops4j --json mlflow artifacts download} prints.
 *
 * @param runId the run
 * @param path  the artifact path that was downloaded ({@code ""} for all of the run's artifacts)
 * @param local the local file or directory it went to (absolute)
 * @param files how many files were written
 * @param bytes how many bytes they hold
 */
public record ArtifactDownload(String runId, String path, String local, long files, long bytes) {
}
