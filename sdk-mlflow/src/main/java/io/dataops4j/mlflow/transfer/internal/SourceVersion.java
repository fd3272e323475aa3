package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.registry.ModelVersion;

/**
 * A model version of a source, with what an export adds to it.
 *
 * @param version           the version
 * @param experimentName    the name of its run's experiment ({@code _experiment_name}), or null
 * @param runArtifactUri    its run's artifact root in the source ({@code _run_artifact_uri}), or null
 */
public record SourceVersion(ModelVersion version, String experimentName, String runArtifactUri) {
    public int number() {
        try {
            return Integer.parseInt(version.version());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
