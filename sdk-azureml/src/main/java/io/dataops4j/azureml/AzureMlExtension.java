package io.dataops4j.azureml;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the {@code Microsoft.AzureML.Kubernetes} extension, checked and completed the way the az CLI's
 * k8s-extension ({@code partner_extensions/AzureMLKubernetes.py}) does before it PUTs the extension:
 * <ul>
 *   <li>cluster scope only, release namespace {@code azureml}, release train {@code stable} unless given;</li>
 *   <li>training or inference (or both) must be on; inference needs {@code inferenceRouterServiceType}
 *   (LoadBalancer, NodePort or ClusterIP) and either {@code allowInsecureConnections=True} or {@code sslSecret}
 *   with {@code sslCname}; NodePort adds {@code scoringFe.serviceType.nodePort}, {@code internalLoadBalancerProvider=azure}
 *   adds {@code scoringFe.serviceType.internalLoadBalancer};</li>
 *   <li>for an AKS cluster it adds {@code cluster_name}, {@code clusterId} and
 *   {@code prometheus.prometheusSpec.externalLabels.cluster_name} (the cluster's resource id), {@code domain}
 *   ({@code <location>.cloudapp.azure.com}), {@code location}, {@code jobSchedulerLocation},
 *   {@code cluster_name_friendly}, {@code servicebus.enabled=false}, {@code relayserver.enabled=false},
 *   {@code nginxIngress.enabled=true}, and on a cluster of fewer than 3 nodes {@code clusterPurpose=DevTest} and
 *   {@code inferenceRouterHA=false} unless set.</li>
 * </ul>
 * The seed's old key {@code inferenceLoadBalancerHA} (renamed in k8s-extension 1.2.2) is accepted and written as
 * {@code inferenceRouterHA}. SSL certificate files (protected settings) are not supported: use {@code sslSecret}.
 *
 * <pre>{@code
 * AzureMlExtension ext = AzureMlExtension.seed();                // training + inference, LoadBalancer, insecure, no HA
 * AzureMlExtension custom = AzureMlExtension.builder()
 *     .enableTraining(true).enableInference(false)
 *     .setting("installNvidiaDevicePlugin", "False")
 *     .build();
 * ExtensionSpec spec = custom.spec(aml.managedClusters().get("rg", "aks1"));
 * }</pre>
 */
public final class AzureMlExtension {
    /** The extension type, written in lower case as the az CLI sends it. */
    public static final String EXTENSION_TYPE = "microsoft.azureml.kubernetes";
    /** The release namespace the az CLI forces. */
    public static final String RELEASE_NAMESPACE = "azureml";

    private static final Set<String> SERVICE_TYPES = Set.of("loadbalancer", "nodeport", "clusterip");

    private final Map<String, String> settings;
    private final String releaseTrain;

    private AzureMlExtension(Map<String, String> settings, String releaseTrain) {
        this.settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.releaseTrain = releaseTrain;
    }

    /**
     * The seed's settings: {@code enableTraining=True enableInference=True inferenceRouterServiceType=LoadBalancer
     * allowInsecureConnections=True inferenceRouterHA=False} (the seed's {@code inferenceLoadBalancerHA=False}).
     */
    public static AzureMlExtension seed() {
        return builder().enableTraining(true).enableInference(true).inferenceRouterServiceType("LoadBalancer")
                .allowInsecureConnections(true).inferenceRouterHA(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings given (before the cluster's are added). */
    public Map<String, String> settings() {
        return settings;
    }

    /** The release train. */
    public String releaseTrain() {
        return releaseTrain;
    }

    /** The full extension for an AKS cluster, with the settings the az CLI adds for it. */
    public ExtensionSpec spec(ManagedCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        Map<String, String> s = new LinkedHashMap<>(settings);
        String clusterId = cluster.id().path();
        String location = cluster.location() == null ? "" : cluster.location().toLowerCase(Locale.ROOT);
        if (cluster.nodeCount() < 3) {
            s.putIfAbsent("clusterPurpose", "DevTest");
            s.putIfAbsent("inferenceRouterHA", "false");
        }
        s.putIfAbsent("cluster_name", clusterId);
        s.putIfAbsent("domain", location + ".cloudapp.azure.com");
        s.putIfAbsent("location", location);
        s.putIfAbsent("jobSchedulerLocation", location);
        s.putIfAbsent("cluster_name_friendly", cluster.id().name());
        s.putIfAbsent("servicebus.enabled", "false");
        s.putIfAbsent("relayserver.enabled", "false");
        s.putIfAbsent("nginxIngress.enabled", "true");
        // the CLI's "dereference": cluster_name also fills clusterId and the Prometheus label
        s.putIfAbsent("clusterId", s.get("cluster_name"));
        s.putIfAbsent("prometheus.prometheusSpec.externalLabels.cluster_name", s.get("cluster_name"));
        return new ExtensionSpec(EXTENSION_TYPE, releaseTrain, RELEASE_NAMESPACE, s);
    }

    @Override
    public String toString() {
        return "AzureMlExtension" + settings;
    }

    /** Builds and checks an {@link AzureMlExtension}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private String releaseTrain = "stable";

        private Builder() {
        }

        /** {@code enableTraining}. */
        public Builder enableTraining(boolean on) {
            return setting("enableTraining", flag(on));
        }

        /** {@code enableInference}. */
        public Builder enableInference(boolean on) {
            return setting("enableInference", flag(on));
        }

        /** {@code inferenceRouterServiceType}: LoadBalancer, NodePort or ClusterIP. */
        public Builder inferenceRouterServiceType(String type) {
            return setting("inferenceRouterServiceType", Objects.requireNonNull(type, "type"));
        }

        /** {@code allowInsecureConnections}: HTTP scoring endpoints without TLS. */
        public Builder allowInsecureConnections(boolean allow) {
            return setting("allowInsecureConnections", flag(allow));
        }

        /** {@code inferenceRouterHA} (the seed's {@code inferenceLoadBalancerHA}); HA needs at least 3 nodes. */
        public Builder inferenceRouterHA(boolean ha) {
            return setting("inferenceRouterHA", flag(ha));
        }

        /** The release train (default {@code stable}). */
        public Builder releaseTrain(String train) {
            this.releaseTrain = Objects.requireNonNull(train, "train");
            return this;
        }

        /** Any other setting ({@code nodeSelector.*}, {@code installNvidiaDevicePlugin}, ...); the old HA key is renamed. */
        public Builder setting(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            settings.put(key.equals("inferenceLoadBalancerHA") ? "inferenceRouterHA" : key, value);
            return this;
        }

        /** Several settings, e.g. the seed's {@code --configuration-settings} as a map. */
        public Builder settings(Map<String, String> more) {
            more.forEach(this::setting);
            return this;
        }

        /**
         * Checks the settings as the az CLI does.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public AzureMlExtension build() {
            Map<String, String> s = new LinkedHashMap<>(settings);
            boolean training = isTrue(s.get("enableTraining"));
            boolean inference = isTrue(s.get("enableInference"));
            if (!training && !inference) {
                throw new IllegalArgumentException("the Azure ML extension needs enableTraining=True or enableInference=True");
            }
            s.putIfAbsent("enableTraining", flag(training));
            s.putIfAbsent("enableInference", flag(inference));
            if (inference) {
                String type = s.get("inferenceRouterServiceType");
                if (type == null || !SERVICE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("inference needs inferenceRouterServiceType=LoadBalancer, NodePort or ClusterIP"
                            + (type == null ? "" : ", not '" + type + "'"));
                }
                String sslSecret = s.get("sslSecret");
                if (!isTrue(s.get("allowInsecureConnections")) && sslSecret == null) {
                    throw new IllegalArgumentException("inference needs allowInsecureConnections=True (HTTP), or sslSecret "
                            + "(a Kubernetes secret in namespace " + RELEASE_NAMESPACE + ") with sslCname (HTTPS)");
                }
                if (sslSecret != null && !isTrue(s.get("allowInsecureConnections"))) {
                    if (s.get("sslCname") == null) {
                        throw new IllegalArgumentException("sslSecret needs sslCname");
                    }
                    s.put("scoringFe.sslSecret", sslSecret);
                }
                boolean nodePort = type.equalsIgnoreCase("nodeport");
                boolean internalLb = "azure".equalsIgnoreCase(s.get("internalLoadBalancerProvider"));
                if (nodePort && internalLb) {
                    throw new IllegalArgumentException("inferenceRouterServiceType=NodePort takes no internalLoadBalancerProvider");
                }
                if (nodePort) {
                    s.put("scoringFe.serviceType.nodePort", "True");
                } else if (internalLb) {
                    s.put("scoringFe.serviceType.internalLoadBalancer", "True");
                }
            }
            return new AzureMlExtension(s, releaseTrain);
        }

        private static String flag(boolean b) {
            return b ? "True" : "False";
        }

        private static boolean isTrue(String v) {
            return v != null && v.equalsIgnoreCase("true");
        }
    }
}
