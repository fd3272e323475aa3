package io.dataops4j.dataiku.connections;

/**
 * How to test a connection on a DSS older than 14.2, which has no test endpoint: SQL connections run
 * {@code SELECT 1} (or list their schemas in a project), blob connections list their root through a temporary
 * dataset created in a project and deleted afterwards.
 *
 * <pre>{@code
 * dss.connections().test("azure-blob-dataiku", ConnectionTestOptions.inProject("DATAOPS"));
 * }</pre>
 *
 * @param projectKey      the project for the fallbacks that need one (blob listing, schema listing), or null
 * @param listSchemas     whether SQL connections are tested by listing schemas instead of {@code SELECT 1}
 * @param forceFallback   whether to use the fallback even where the test endpoint exists
 */
public record ConnectionTestOptions(String projectKey, boolean listSchemas, boolean forceFallback) {
    /** No project: SQL connections are tested with {@code SELECT 1}; blob connections need a project on old servers. */
    public static ConnectionTestOptions defaults() {
        return new ConnectionTestOptions(null, false, false);
    }

    /** A project for the fallbacks that need one. */
    public static ConnectionTestOptions inProject(String projectKey) {
        return new ConnectionTestOptions(projectKey, false, false);
    }

    /** SQL connections are tested by listing their schemas in the project. */
    public ConnectionTestOptions withSchemaListing() {
        return new ConnectionTestOptions(projectKey, true, forceFallback);
    }

    /** The fallback is used even on DSS 14.2 and later. */
    public ConnectionTestOptions withForcedFallback() {
        return new ConnectionTestOptions(projectKey, listSchemas, true);
    }
}
