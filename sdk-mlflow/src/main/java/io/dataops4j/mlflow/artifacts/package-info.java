/**
 * Artifacts: listing, streaming download and upload through the MLflow artifact proxy or a local directory, and
 * the {@link io.dataops4j.mlflow.artifacts.ArtifactRepository} interface other storages plug into.
 */
package io.dataops4j.mlflow.artifacts;
