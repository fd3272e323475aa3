package io.dataops4j.databricks.mlflow;

import io.dataops4j.core.config.Environment;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.internal.Context;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.MlflowPlatform;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Databricks-hosted MLflow as an {@link MlflowPlatform}: tracking URIs {@code databricks} (the default workspace) and
 * {@code databricks://<profile>} resolve to the workspace's host and credential, found as {@link DatabricksClient}
 * finds them; run artifacts under {@code dbfs:/} go through the workspace's DBFS API ({@link DbfsArtifactRepository}).
 * Registered through {@code META-INF/services}, so {@code MlflowClient.builder().trackingUri("databricks")} works
 * with sdk-databricks on the class path; {@code databricks.mlflow()} uses it with that client's own settings.
 *
 * <pre>{@code
 * MlflowClient dev = DatabricksClient.profile("dev").mlflow();
 * MlflowClient prod = MlflowClient.builder().trackingUri("databricks://prod").build();
 * }</pre>
 */
public final class DatabricksMlflow implements MlflowPlatform {
    private final DatabricksClient client;

    /** The platform found through {@link java.util.ServiceLoader}: it resolves the workspace from the URI. */
    public DatabricksMlflow() {
        this.client = null;
    }

    /** The platform bound to a workspace client. */
    public DatabricksMlflow(DatabricksClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "databricks";
    }

    @Override
    public boolean supports(String trackingUri) {
        return trackingUri.equals("databricks") || trackingUri.startsWith("databricks://");
    }

    @Override
    public void configure(String trackingUri, Function<String, String> environment, MlflowClient.Builder builder) {
        DatabricksClient dbx = client;
        if (dbx == null) {
            String profile = trackingUri.startsWith("databricks://") ? trackingUri.substring("databricks://".length()) : "";
            int at = profile.indexOf(':');   // databricks://profile:prefix (MLflow's secret-scope form): profile only
            if (at >= 0) {
                profile = profile.substring(0, at);
            }
            DatabricksClient.Builder b = DatabricksClient.builder().environment(environment::apply);
            String home = System.getProperty("user.home");
            if (home != null) {
                b.home(Path.of(home));
            }
            if (!profile.isEmpty()) {
                b.profile(profile);
            }
            dbx = b.build();
        }
        Context ctx = context(dbx);
        builder.trackingUri(dbx.host())
                .credential(dbx.http().credential())
                .artifactRepositoryFactory(uri -> uri.startsWith("dbfs:/")
                        ? Optional.of(new DbfsArtifactRepository(ctx, uri)) : Optional.empty());
    }

    private static Context context(DatabricksClient dbx) {
        return new Context(dbx.http(), io.dataops4j.core.Sleeper.SYSTEM, java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        return "DatabricksMlflow[" + (client == null ? "from URI" : client.host()) + "]";
    }

    static Environment env(Function<String, String> f) {
        return f::apply;
    }
}
