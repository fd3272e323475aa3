package io.dataops4j.azureml;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link AzureMlClient#planAttachKubernetes(KubernetesAttach)} should bring about: an AKS cluster attached to a
 * workspace as a Kubernetes compute, with everything it needs (registered providers, a managed identity on the
 * cluster, a verified Azure ML extension).
 *
 * <pre>{@code
 * KubernetesAttach attach = KubernetesAttach.builder()
 *     .workspace("rg-ml", "ws1")
 *     .aksCluster("rg-aks", "aks1")
 *     .computeName("k8s-compute")
 *     .namespace("ml-jobs")
 *     .build();                                 // the seed's extension settings, extension name "azureml"
 * }</pre>
 *
 * @param resourceGroup          the workspace's resource group
 * @param workspace              the workspace
 * @param clusterResourceGroup   the cluster's resource group
 * @param cluster                the cluster's name
 * @param clusterKind            an AKS managed cluster or an Arc connected cluster
 * @param computeName            the compute's name in the workspace
 * @param namespace              the namespace jobs run in (it must exist in the cluster)
 * @param extensionName          the extension's name on the cluster
 * @param extension              the extension's settings
 * @param providers              the resource providers to register first
 * @param onDifference           what to do when the extension or compute exists with other settings
 * @param instanceTypes          the compute's instance types
 * @param defaultInstanceType    the compute's default instance type, or null
 * @param computeDescription     the compute's description, or null
 * @param computeIdentity        whether the compute gets a system-assigned identity
 * @param timeout                how long each long-running step may take
 * @param createRelay            on an Arc cluster whose extension has the relay on and no relay given: create the Azure
 *                               Relay as the az CLI does (namespace, hybrid connection, {@code azureml_rw} rule) and pass
 *                               its connection string to the extension; when false such a plan has a conflict
 * @param relayResourceGroup     the resource group of that relay (the cluster's, as the az CLI uses)
 */
public record KubernetesAttach(String resourceGroup, String workspace, String clusterResourceGroup, String cluster,
                               ClusterKind clusterKind, String computeName, String namespace, String extensionName, AzureMlExtension extension,
                               List<String> providers, OnDifference onDifference, Map<String, InstanceType> instanceTypes,
                               String defaultInstanceType, String computeDescription, boolean computeIdentity,
                               Duration timeout, boolean createRelay, String relayResourceGroup) {
    /** The providers an AKS attach needs: AKS, cluster extensions, Azure ML. */
    public static final List<String> AKS_PROVIDERS = List.of(
            "Microsoft.ContainerService", "Microsoft.KubernetesConfiguration", "Microsoft.MachineLearningServices");

    /**
     * The providers an Arc attach needs: Arc-enabled Kubernetes, cluster extensions, Azure ML (the reference's
     * {@code clusterRp} for connected clusters is {@code Microsoft.Kubernetes}).
     */
    public static final List<String> ARC_PROVIDERS = List.of(
            "Microsoft.Kubernetes", "Microsoft.KubernetesConfiguration", "Microsoft.MachineLearningServices");

    /** The provider of the Azure Relay, added to the Arc providers when the attach creates the relay. */
    public static final String RELAY_PROVIDER = "Microsoft.Relay";

    /** Whether this attach creates the Azure Relay (Arc cluster, relay on, none given, {@link #createRelay()} on). */
    public boolean createsRelay() {
        return clusterKind == ClusterKind.ARC && createRelay && extension.needsRelay();
    }

    /** Where the cluster lives. */
    public enum ClusterKind {
        /** An AKS managed cluster ({@code Microsoft.ContainerService/managedClusters}). */
        AKS,
        /** An Azure Arc-enabled cluster ({@code Microsoft.Kubernetes/connectedClusters}): no identity step. */
        ARC
    }

    public KubernetesAttach {
        Objects.requireNonNull(clusterKind, "clusterKind");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(clusterResourceGroup, "clusterResourceGroup");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(computeName, "computeName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(extensionName, "extensionName");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(onDifference, "onDifference");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(relayResourceGroup, "relayResourceGroup");
        providers = List.copyOf(providers);
        instanceTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instanceTypes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What to do when the extension or the compute exists with settings other than the wanted ones. */
    public enum OnDifference {
        /** Put the wanted settings. */
        UPDATE,
        /** Change nothing and report the differences: the plan has a conflict and apply refuses to run. */
        REPORT
    }

    /** Builds a {@link KubernetesAttach}; validates in {@link #build()}. */
    public static final class Builder {
        private String resourceGroup;
        private String workspace;
        private String clusterResourceGroup;
        private String cluster;
        private ClusterKind clusterKind = ClusterKind.AKS;
        private String computeName;
        private String namespace;
        private String extensionName = "azureml";
        private AzureMlExtension extension = AzureMlExtension.seed();
        private List<String> providers;
        private OnDifference onDifference = OnDifference.REPORT;
        private final Map<String, InstanceType> instanceTypes = new LinkedHashMap<>();
        private String defaultInstanceType;
        private String computeDescription;
        private boolean computeIdentity;
        private Duration timeout = Duration.ofMinutes(60);
        private boolean createRelay = true;
        private String relayResourceGroup;

        private Builder() {
        }

        public Builder workspace(String resourceGroup, String workspace) {
            this.resourceGroup = resourceGroup;
            this.workspace = workspace;
            return this;
        }

        /** The AKS cluster (its resource group defaults to the workspace's). */
        public Builder aksCluster(String resourceGroup, String cluster) {
            this.clusterResourceGroup = resourceGroup;
            this.cluster = cluster;
            this.clusterKind = ClusterKind.AKS;
            return this;
        }

        /** An Azure Arc-enabled cluster instead (its resource group defaults to the workspace's). */
        public Builder arcCluster(String resourceGroup, String cluster) {
            this.clusterResourceGroup = resourceGroup;
            this.cluster = cluster;
            this.clusterKind = ClusterKind.ARC;
            return this;
        }

        public Builder computeName(String name) {
            this.computeName = name;
            return this;
        }

        /** The namespace jobs run in; attaching neither creates nor checks it. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder extensionName(String name) {
            this.extensionName = name;
            return this;
        }

        /** The extension's settings (default: {@link AzureMlExtension#seed()}). */
        public Builder extension(AzureMlExtension extension) {
            this.extension = extension;
            return this;
        }

        /**
         * The providers to register (default {@link #AKS_PROVIDERS}, or {@link #ARC_PROVIDERS} for Arc, plus
         * {@link #RELAY_PROVIDER} when the attach creates the relay); an empty list registers none.
         */
        public Builder providers(List<String> providers) {
            this.providers = List.copyOf(providers);
            return this;
        }

        public Builder onDifference(OnDifference onDifference) {
            this.onDifference = onDifference;
            return this;
        }

        public Builder instanceType(String name, InstanceType type) {
            instanceTypes.put(name, type);
            return this;
        }

        public Builder defaultInstanceType(String name) {
            this.defaultInstanceType = name;
            return this;
        }

        public Builder computeDescription(String description) {
            this.computeDescription = description;
            return this;
        }

        /** A system-assigned identity for the compute. */
        public Builder computeIdentity(boolean on) {
            this.computeIdentity = on;
            return this;
        }

        /** How long each long-running step may take (default 60 minutes). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Whether to create the Azure Relay an Arc cluster's extension needs (default true, as the az CLI does); only
         * used on an Arc cluster whose extension has {@code relayserver.enabled} on and no relay given.
         */
        public Builder createRelay(boolean on) {
            this.createRelay = on;
            return this;
        }

        /** The resource group of the created relay (default: the cluster's, as the az CLI uses). */
        public Builder relayResourceGroup(String resourceGroup) {
            this.relayResourceGroup = resourceGroup;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming a missing setting
         */
        public KubernetesAttach build() {
            require(resourceGroup, "workspace resource group");
            require(workspace, "workspace");
            require(cluster, "cluster (AKS or Arc)");
            require(computeName, "compute name");
            require(namespace, "namespace");
            require(extensionName, "extension name");
            String clusterRg = clusterResourceGroup == null ? resourceGroup : clusterResourceGroup;
            boolean relay = clusterKind == ClusterKind.ARC && createRelay && extension.needsRelay();
            List<String> defaults = clusterKind == ClusterKind.ARC ? ARC_PROVIDERS : AKS_PROVIDERS;
            if (relay) {
                defaults = new java.util.ArrayList<>(defaults);
                defaults.add(RELAY_PROVIDER);
            }
            return new KubernetesAttach(resourceGroup, workspace, clusterRg,
                    cluster, clusterKind, computeName, namespace, extensionName, extension,
                    providers != null ? providers : defaults, onDifference, instanceTypes,
                    defaultInstanceType, computeDescription, computeIdentity, timeout, createRelay,
                    relayResourceGroup == null || relayResourceGroup.isBlank() ? clusterRg : relayResourceGroup);
        }

        private static void require(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Kubernetes attach needs a " + what);
            }
        }
    }
}
