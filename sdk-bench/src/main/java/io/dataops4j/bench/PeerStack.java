package io.dataops4j.bench;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;

/**
 * (b) databricks-sdk-java: {@code WorkspaceClient.jobs().getRun(runId)} with a personal access token, on its
 * default HTTP client (Apache HttpClient 4.5, whose blocking {@code execute} runs on the calling thread).
 */
final class PeerStack implements Stack {
    private final WorkspaceClient workspace;
    private final long runId;

    PeerStack(String baseUrl, String token, long runId) {
        // DatabricksConfig keeps the scheme of an explicit host (ConfigLoader.fixHostIfNeeded), so a plain-http
        // loopback host works; auth_type "pat" skips the search through the other credential providers.
        DatabricksConfig config = new DatabricksConfig()
                .setHost(baseUrl)
                .setToken(token)
                .setAuthType("pat");
        this.workspace = new WorkspaceClient(config);
        this.runId = runId;
    }

    @Override
    public String name() {
        return "peer";
    }

    @Override
    public String description() {
        return "databricks-sdk-java " + version() + " jobs().getRun";
    }

    /** The version in the jar's Maven metadata. */
    static String version() {
        try (java.io.InputStream in = WorkspaceClient.class.getResourceAsStream(
                "/META-INF/maven/com.databricks/databricks-sdk-java/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    @Override
    public long call() {
        return Checksums.of(workspace.jobs().getRun(runId));
    }

    @Override
    public void close() {
        // WorkspaceClient holds no resource that must be released
    }
}
