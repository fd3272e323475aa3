package io.dataops4j.mlflow.artifacts;

import java.util.Optional;

/**
 * Makes an {@link ArtifactRepository} for the artifact URIs of a storage the base client does not know. Register it
 * on {@code MlflowClient.builder().artifactRepositoryFactory(...)}; factories are asked in order before the built-in
 * ones ({@code mlflow-artifacts:}, the proxy's http URLs, {@code file:}).
 *
 * <pre>{@code
 * ArtifactRepositoryFactory s3 = uri -> uri.startsWith("s3://")
 *     ? Optional.of(new MyS3ArtifactRepository(s3Client, uri))    // your ArtifactRepository
 *     : Optional.empty();
 * // (DatabricksClient.mlflow() and AzureMlMlflow register theirs for dbfs:/ and azureml:// already)
 * }</pre>
 */
@FunctionalInterface
public interface ArtifactRepositoryFactory {
    /**
     * @param artifactUri an artifact root (an experiment's location, a run's artifact URI, a model version's
     *                    download URI), possibly with a sub-path
     * @return a repository rooted at that URI, or empty when this factory does not handle it
     */
    Optional<ArtifactRepository> create(String artifactUri);
}
