package io.dataops4j.mlflow;

import java.util.function.Function;

/**
 * A hosted MLflow (Databricks, Azure Machine Learning) plugged into {@link MlflowClient}: it recognises its tracking
 * URIs ({@code databricks}, {@code databricks://profile}, {@code azureml://...}) and configures the client's builder
 * with the real HTTPS base URL, its credential (for instance an Entra ID {@code TokenCredential}) and the artifact
 * repositories of its storage. Platforms are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.dataops4j.mlflow.MlflowPlatform} entry) or given to
 * {@link MlflowClient.Builder#platform(MlflowPlatform)}.
 *
 * <pre>{@code
 * public final class DatabricksMlflow implements MlflowPlatform {
 *     public String name() { return "databricks"; }
 *     public boolean supports(String uri) { return uri.equals("databricks") || uri.startsWith("databricks://"); }
 *     public void configure(String uri, Function<String, String> env, MlflowClient.Builder b) {
 *         b.trackingUri(env.apply("DATABRICKS_HOST"))
 *          .credential(Credential.bearer(Secret.of(env.apply("DATABRICKS_TOKEN"))))
 *          .artifactRepositoryFactory(new DbfsArtifacts(...));
 *     }
 * }
 * }</pre>
 */
public interface MlflowPlatform {
    /** A short name for messages ("databricks", "azureml"). */
    String name();

    /** Whether this platform handles a tracking URI. */
    boolean supports(String trackingUri);

    /**
     * Configures the builder for a tracking URI this platform supports: it must set an http(s) tracking URI, and
     * usually a credential and artifact repository factories.
     *
     * @param trackingUri the URI as the user gave it
     * @param environment the environment lookup in use (injectable in tests)
     * @param builder     the builder being built
     */
    void configure(String trackingUri, Function<String, String> environment, MlflowClient.Builder builder);
}
