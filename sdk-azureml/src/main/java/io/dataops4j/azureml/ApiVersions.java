package io.dataops4j.azureml;

import java.util.Objects;

/**
 * The ARM api-versions used per resource provider. The defaults are the newest stable versions of the REST specs:
 * Microsoft.Resources 2025-04-01, Microsoft.ContainerService 2025-10-01, Microsoft.KubernetesConfiguration
 * 2025-03-01, Microsoft.MachineLearningServices 2025-12-01; for Arc connected clusters, Microsoft.Kubernetes 2021-10-01
 * (what the az CLI's k8s-extension reads a connected cluster with: {@code consts.CONNECTED_CLUSTER_API_VERSION}).
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
 */
public record ApiVersions(String resources, String containerService, String kubernetesConfiguration, String machineLearning,
                          String kubernetes) {
    public ApiVersions {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(containerService, "containerService");
        Objects.requireNonNull(kubernetesConfiguration, "kubernetesConfiguration");
        Objects.requireNonNull(machineLearning, "machineLearning");
        Objects.requireNonNull(kubernetes, "kubernetes");
    }

    /** The newest stable versions. */
    public static ApiVersions defaults() {
        return new ApiVersions("2025-04-01", "2025-10-01", "2025-03-01", "2025-12-01", "2021-10-01");
    }

    public ApiVersions withResources(String v) {
        return new ApiVersions(v, containerService, kubernetesConfiguration, machineLearning, kubernetes);
    }

    public ApiVersions withContainerService(String v) {
        return new ApiVersions(resources, v, kubernetesConfiguration, machineLearning, kubernetes);
    }

    public ApiVersions withKubernetesConfiguration(String v) {
        return new ApiVersions(resources, containerService, v, machineLearning, kubernetes);
    }

    public ApiVersions withMachineLearning(String v) {
        return new ApiVersions(resources, containerService, kubernetesConfiguration, v, kubernetes);
    }

    public ApiVersions withKubernetes(String v) {
        return new ApiVersions(resources, containerService, kubernetesConfiguration, machineLearning, v);
    }
}
