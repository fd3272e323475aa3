package io.dataops4j.azureml;

import java.util.Objects;

/**
 * The ARM api-versions used per resource provider. The defaults are the newest stable versions of the REST specs:
 * Microsoft.Resources 2025-04-01, Microsoft.ContainerService 2025-10-01, Microsoft.KubernetesConfiguration
 * 2025-03-01, Microsoft.MachineLearningServices 2025-12-01; for Arc connected clusters, Microsoft.Kubernetes 2021-10-01
 * (what the az CLI's k8s-extension reads a connected cluster with: {@code consts.CONNECTED_CLUSTER_API_VERSION}) and
 * Microsoft.Relay 2026-01-01 (the newest stable version of the REST spec, the default of azure-mgmt-relay 2.1.0; the az
 * CLI's k8s-extension sends 2017-04-01 through its vendored aaz commands, same paths and bodies).
 *
 * <pre>{@code
 * AzureMlClient aml = AzureMlClient.builder().apiVersions(ApiVersions.defaults().withMachineLearning("2024-10-01"))...
 * }</pre>
 *
 * @param resources               Microsoft.Resources (providers)
 * @param containerService        Microsoft.ContainerService (managed clusters)
 * @param kubernetesConfiguration Microsoft.KubernetesConfiguration (extensions)
 * @param machineLearning         Microsoft.MachineLearningServices (workspaces, computes)
 * @param kubernetes              Microsoft.Kubernetes (Arc connected clusters)
 * @param relay                   Microsoft.Relay (the Azure Relay of an Arc cluster's extension)
 */
public record ApiVersions(String resources, String containerService, String kubernetesConfiguration, String machineLearning,
                          String kubernetes, String relay) {
    public ApiVersions {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(containerService, "containerService");
        Objects.requireNonNull(kubernetesConfiguration, "kubernetesConfiguration");
        Objects.requireNonNull(machineLearning, "machineLearning");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(relay, "relay");
    }

    /** The newest stable versions. */
    public static ApiVersions defaults() {
        return new ApiVersions("2025-04-01", "2025-10-01", "2025-03-01", "2025-12-01", "2021-10-01", "2026-01-01");
    }

    public ApiVersions withResources(String v) {
        return new ApiVersions(v, containerService, kubernetesConfiguration, machineLearning, kubernetes, relay);
    }

    public ApiVersions withContainerService(String v) {
        return new ApiVersions(resources, v, kubernetesConfiguration, machineLearning, kubernetes, relay);
    }

    public ApiVersions withKubernetesConfiguration(String v) {
        return new ApiVersions(resources, containerService, v, machineLearning, kubernetes, relay);
    }

    public ApiVersions withMachineLearning(String v) {
        return new ApiVersions(resources, containerService, kubernetesConfiguration, v, kubernetes, relay);
    }

    public ApiVersions withKubernetes(String v) {
        return new ApiVersions(resources, containerService, kubernetesConfiguration, machineLearning, v, relay);
    }

    public ApiVersions withRelay(String v) {
        return new ApiVersions(resources, containerService, kubernetesConfiguration, machineLearning, kubernetes, v);
    }
}
