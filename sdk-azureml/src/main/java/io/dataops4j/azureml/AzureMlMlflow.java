package io.dataops4j.azureml;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.MlflowPlatform;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Machine Learning's MLflow as an {@link MlflowPlatform}: tracking URIs
 * {@code azureml://<region>.api.azureml.ms/mlflow/v1.0/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<w>}
 * (a workspace's {@code properties.mlFlowTrackingUri}). As the azureml-mlflow plugin does for MLflow 2 and 3 clients,
 * the REST base is {@code https://<host>/mlflow/v2.0/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<w>/},
 * under which the MLflow REST API ({@code api/2.0/mlflow/...}) lives, and requests carry an Entra ID token for ARM's
 * scope ({@code https://management.azure.com/.default}, the plugin's default scope). Run artifacts
 * ({@code azureml://.../experiments/<e>/runs/<r>/artifacts}) go through {@link AzureMlArtifactRepository}, with the
 * same credential for the workspace's run-history API and blob SAS URLs for the bytes.
 *
 * <p>Found through {@link java.util.ServiceLoader} with a credential from {@code MLFLOW_TRACKING_TOKEN} (a bearer
 * token) or else azure-identity's DefaultAzureCredential; pass {@link #withCredential(Credential)} to
 * {@link MlflowClient.Builder#platform(MlflowPlatform)} for another one.
 *
 * <pre>{@code
 * MlflowClient mlflow = MlflowClient.builder()
 *     .trackingUri(workspace.mlflowTrackingUri())
 *     .platform(AzureMlMlflow.withCredential(EntraIdCredential.defaultAzure(Scopes.ARM)))
 *     .build();
 * }</pre>
 */
public final class AzureMlMlflow implements MlflowPlatform {
    /** The scheme of Azure ML tracking URIs. */
    public static final String SCHEME = "azureml";

    private static final Pattern WORKSPACE = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.MachineLearningServices/workspaces/([^/?]+)",
            Pattern.CASE_INSENSITIVE);

    private final Credential credential;
    private final String endpoint;

    /** The platform as the ServiceLoader makes it: credential from the environment. */
    public AzureMlMlflow() {
        this(null, null);
    }

    private AzureMlMlflow(Credential credential, String endpoint) {
        this.credential = credential;
        this.endpoint = endpoint;
    }

    /** The platform with a given credential (for ARM's scope, unless the workspace says otherwise). */
    public static AzureMlMlflow withCredential(Credential credential) {
        return new AzureMlMlflow(java.util.Objects.requireNonNull(credential, "credential"), null);
    }

    /** The same platform, with a base URL that replaces the tracking URI's host (proxies, tests). */
    public AzureMlMlflow withEndpoint(String endpoint) {
        return new AzureMlMlflow(credential, java.util.Objects.requireNonNull(endpoint, "endpoint"));
    }

    @Override
    public String name() {
        return "azureml";
    }

    @Override
    public boolean supports(String trackingUri) {
        return trackingUri != null && trackingUri.toLowerCase(Locale.ROOT).startsWith(SCHEME + "://");
    }

    /**
     * The REST base of a tracking URI, ending in '/': {@code https://<host>/mlflow/v2.0/<workspace scope>/}.
     *
     * @throws ConfigurationException when the URI names no workspace
     */
    public static String restBase(String trackingUri) {
        return restBase(trackingUri, null);
    }

    static String restBase(String trackingUri, String endpoint) {
        String[] hs = hostAndScope(trackingUri, endpoint);
        return hs[0] + "/mlflow/v2.0" + hs[1] + "/";
    }

    /** The API host ({@code https://<region>.api.azureml.ms}, or the endpoint) and the workspace scope of a tracking URI. */
    static String[] hostAndScope(String trackingUri, String endpoint) {
        URI uri;
        try {
            uri = URI.create(trackingUri.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("not an Azure ML tracking URI: " + Redactor.url(trackingUri));
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase(SCHEME) || uri.getHost() == null) {
            throw new ConfigurationException("not an Azure ML tracking URI (azureml://<region>.api.azureml.ms/mlflow/v1.0/"
                    + "subscriptions/.../workspaces/<name>): " + Redactor.url(trackingUri));
        }
        Matcher m = WORKSPACE.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (!m.find()) {
            throw new ConfigurationException("Azure ML tracking URI names no workspace (/subscriptions/<s>/resourceGroups/<rg>/"
                    + "providers/Microsoft.MachineLearningServices/workspaces/<name>): " + Redactor.url(trackingUri));
        }
        String scope = "/subscriptions/" + m.group(1) + "/resourceGroups/" + m.group(2)
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + m.group(3);
        String host = endpoint != null ? endpoint.replaceAll("/+$", "")
                : "https://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return new String[] {host, scope};
    }

    @Override
    public void configure(String trackingUri, Function<String, String> environment, MlflowClient.Builder builder) {
        builder.trackingUri(restBase(trackingUri, endpoint));
        Credential c = credential;
        if (c == null) {
            String token = environment.apply(MlflowClient.ENV_TRACKING_TOKEN);
            c = token != null && !token.isBlank() ? Credential.bearer(Secret.of(token.strip()))
                    : EntraIdCredential.defaultAzure(Scopes.ARM);
        }
        builder.credential(c);
        String[] hs = hostAndScope(trackingUri, endpoint);
        ApiClient http = ApiClient.builder("azureml", "sdk-azureml").baseUrl(hs[0] + "/").credential(c).build();
        String scope = hs[1];
        builder.artifactRepositoryFactory(uri -> AzureMlArtifactRepository.handles(uri)
                ? Optional.of(AzureMlArtifactRepository.of(http, scope, uri)) : Optional.empty());
    }

    @Override
    public String toString() {
        return "AzureMlMlflow[" + (credential == null ? "from environment" : credential.kind()) + "]";
    }
}
