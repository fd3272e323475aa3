package io.dataops4j.azureml;

import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ResourceId;
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
 * For an Arc connected cluster it adds the same cluster settings, but, as the CLI does, {@code relayserver.enabled=true}
 * and {@code nginxIngress.enabled=false}, counts {@code properties.totalNodeCount} for the small-cluster rule, and adds
 * {@code openshift=true} on an OpenShift distribution, and gives the extension a system-assigned identity and the
 * cluster's location (its {@code custom.py}). With the relay on, the CLI creates an Azure Relay namespace,
 * hybrid connection and {@code azureml_rw} rule and passes their connection string as a protected setting; so does the
 * Kubernetes attach workflow ({@link AzureMlClient#planAttachKubernetes(KubernetesAttach)}), unless a relay is given with
 * {@link Builder#relay(Secret, String, String)} or the relay is turned off ({@code relayserver.enabled=false}).
 *
 * <p>HTTPS scoring: {@link Builder#sslCertificate(Secret, Secret)} takes the PEM contents of what the CLI reads from
 * the protected settings {@code sslCertPemFile}/{@code sslKeyPemFile} and sends them, base64-encoded as the CLI does,
 * as the protected settings {@code scoringFe.sslCert}/{@code scoringFe.sslKey} (the local file paths are not sent);
 * {@code sslCname} is then required and {@code allowInsecureConnections} must not be True. A Kubernetes secret
 * ({@code sslSecret}) is the alternative. Protected settings never show in {@link #toString()}, plans or messages;
 * see {@link ExtensionSpec} for how a re-run compares them.
 *
 * <p>The seed's old key {@code inferenceLoadBalancerHA} (renamed in k8s-extension 1.2.2) is accepted and written as
 * {@code inferenceRouterHA}.
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

    /** The protected setting the CLI puts the relay's connection string under (dereferenced to {@code relayserver.relayConnectionString}). */
    public static final String RELAY_CONNECTION_STRING = "relayServerConnectionString";

    private final Map<String, String> settings;
    private final Map<String, Secret> protectedSettings;
    private final String releaseTrain;

    private AzureMlExtension(Map<String, String> settings, Map<String, Secret> protectedSettings, String releaseTrain) {
        this.settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.protectedSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(protectedSettings));
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

    /** The keys of the protected settings given (their values are secrets). */
    public java.util.Set<String> protectedSettingKeys() {
        return protectedSettings.keySet();
    }

    /** The full extension for an AKS cluster, with the settings the az CLI adds for it. */
    public ExtensionSpec spec(ManagedCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return spec(cluster.id(), cluster.location(), cluster.nodeCount(), true, null);
    }

    /** The full extension for an Arc connected cluster, with the settings the az CLI adds for it. */
    public ExtensionSpec spec(ConnectedCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return spec(cluster.id(), cluster.location(), cluster.totalNodeCount(), false, cluster.distribution());
    }

    private ExtensionSpec spec(ResourceId id, String clusterLocation, Integer nodeCount, boolean managed, String distribution) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        Map<String, Secret> p = new LinkedHashMap<>(protectedSettings);
        String clusterId = id.path();
        String location = clusterLocation == null ? "" : clusterLocation.toLowerCase(Locale.ROOT);
        if (nodeCount != null && nodeCount < 3) {
            s.putIfAbsent("clusterPurpose", "DevTest");
            s.putIfAbsent("inferenceRouterHA", "false");
        }
        if ("openshift".equalsIgnoreCase(distribution)) {
            s.put("openshift", "true");
        }
        s.putIfAbsent("cluster_name", clusterId);
        s.putIfAbsent("domain", location + ".cloudapp.azure.com");
        s.putIfAbsent("location", location);
        s.putIfAbsent("jobSchedulerLocation", location);
        s.putIfAbsent("cluster_name_friendly", id.name());
        s.putIfAbsent("servicebus.enabled", "false");
        // the CLI: no relay for AKS and nginx ingress on; for Arc the relay on and no nginx ingress
        s.putIfAbsent("relayserver.enabled", managed ? "false" : "true");
        s.putIfAbsent("nginxIngress.enabled", managed ? "true" : "false");
        // the CLI's "dereference": cluster_name also fills clusterId and the Prometheus label, the relay's
        // connection string also fills relayserver.relayConnectionString
        s.putIfAbsent("clusterId", s.get("cluster_name"));
        s.putIfAbsent("prometheus.prometheusSpec.externalLabels.cluster_name", s.get("cluster_name"));
        if (p.containsKey(RELAY_CONNECTION_STRING)) {
            p.putIfAbsent("relayserver.relayConnectionString", p.get(RELAY_CONNECTION_STRING));
        }
        // the CLI (custom.py __create_identity): no extension identity on AKS; on other clusters a system-assigned one,
        // with the cluster's location on the extension resource
        return new ExtensionSpec(EXTENSION_TYPE, releaseTrain, RELEASE_NAMESPACE, s, p, managed ? null : "SystemAssigned",
                managed ? null : location);
    }

    /**
     * Whether the az CLI would create an Azure Relay for this extension on an Arc cluster: {@code relayserver.enabled} is
     * not false and no relay connection string is given.
     */
    boolean needsRelay() {
        return !"false".equalsIgnoreCase(settings.get("relayserver.enabled"))
                && !protectedSettings.containsKey(RELAY_CONNECTION_STRING)
                && !protectedSettings.containsKey("relayserver.relayConnectionString")
                && settings.get(RELAY_CONNECTION_STRING) == null;
    }

    /** This extension with a relay, as the CLI adds it after creating the relay. */
    AzureMlExtension withRelay(Secret connectionString, String hybridConnectionResourceId, String hybridConnectionName) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        Map<String, Secret> p = new LinkedHashMap<>(protectedSettings);
        p.put(RELAY_CONNECTION_STRING, Objects.requireNonNull(connectionString, "connectionString"));
        s.put("relayserver.hybridConnectionResourceID", hybridConnectionResourceId);
        s.put("relayserver.hybridConnectionName", hybridConnectionName);
        return new AzureMlExtension(s, p, releaseTrain);
    }

    /**
     * Why this extension cannot be installed on a cluster as it stands, or null: on an Arc cluster the relay is on
     * (the CLI's default) and no relay connection string was given, and the attach workflow is not creating the relay
     * (it is called only where it does not).
     */
    static String blocker(ExtensionSpec spec) {
        boolean relay = !"false".equalsIgnoreCase(spec.configurationSettings().get("relayserver.enabled"));
        if (relay && !spec.protectedSettings().containsKey(RELAY_CONNECTION_STRING)
                && !spec.protectedSettings().containsKey("relayserver.relayConnectionString")
                && spec.configurationSettings().get(RELAY_CONNECTION_STRING) == null) {
            return "relayserver.enabled is on (the az CLI's default for Arc clusters), and no relay connection string was given: "
                    + "let the attach create the Azure Relay (KubernetesAttach.builder().createRelay(true), the default), or pass "
                    + "AzureMlExtension.builder().relay(connectionString, hybridConnectionResourceId, hybridConnectionName), or set "
                    + "relayserver.enabled=false";
        }
        return null;
    }

    @Override
    public String toString() {
        return "AzureMlExtension" + settings + (protectedSettings.isEmpty() ? "" : " protected " + protectedSettings.keySet());
    }

    /** Builds and checks an {@link AzureMlExtension}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, Secret> protectedSettings = new LinkedHashMap<>();
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

        /** {@code sslCname}: the host name of HTTPS scoring endpoints (required with a certificate or {@code sslSecret}). */
        public Builder sslCname(String cname) {
            return setting("sslCname", Objects.requireNonNull(cname, "cname"));
        }

        /**
         * HTTPS scoring with a certificate: the PEM texts the CLI reads from the files named by the protected settings
         * {@code sslCertPemFile} and {@code sslKeyPemFile}; sent base64-encoded as the protected settings
         * {@code scoringFe.sslCert} and {@code scoringFe.sslKey}.
         */
        public Builder sslCertificate(Secret certificatePem, Secret privateKeyPem) {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            protectedSettings.put("scoringFe.sslCert", base64(certificatePem));
            protectedSettings.put("scoringFe.sslKey", base64(privateKeyPem));
            return this;
        }

        /**
         * The Azure Relay an Arc cluster's extension talks through (the CLI creates it; see the class comment):
         * protected {@code relayServerConnectionString} (and {@code relayserver.relayConnectionString}), and
         * {@code relayserver.hybridConnectionResourceID}, {@code relayserver.hybridConnectionName}.
         */
        public Builder relay(Secret connectionString, String hybridConnectionResourceId, String hybridConnectionName) {
            protectedSettings.put(RELAY_CONNECTION_STRING, Objects.requireNonNull(connectionString, "connectionString"));
            setting("relayserver.hybridConnectionResourceID", Objects.requireNonNull(hybridConnectionResourceId, "hybridConnectionResourceId"));
            return setting("relayserver.hybridConnectionName", Objects.requireNonNull(hybridConnectionName, "hybridConnectionName"));
        }

        /** Any other protected setting (a secret: never returned by ARM, never shown). */
        public Builder protectedSetting(String key, Secret value) {
            protectedSettings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        private static Secret base64(Secret pem) {
            return Secret.of(java.util.Base64.getEncoder().encodeToString(pem.reveal().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
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
            for (String k : protectedSettings.keySet()) {
                if (s.containsKey(k)) {
                    throw new IllegalArgumentException("setting " + k + " is given both as a setting and as a protected setting");
                }
            }
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
                boolean certificate = protectedSettings.containsKey("scoringFe.sslCert") && protectedSettings.containsKey("scoringFe.sslKey");
                boolean insecure = isTrue(s.get("allowInsecureConnections"));
                if (!insecure && sslSecret == null && !certificate) {
                    throw new IllegalArgumentException("inference needs allowInsecureConnections=True (HTTP), or HTTPS with sslCname and "
                            + "a certificate (sslCertPemFile and sslKeyPemFile) or sslSecret (a Kubernetes secret in namespace "
                            + RELEASE_NAMESPACE + ")");
                }
                if (certificate && insecure) {
                    throw new IllegalArgumentException("an SSL certificate was given: allowInsecureConnections must be False");
                }
                if ((certificate || sslSecret != null) && s.get("sslCname") == null) {
                    throw new IllegalArgumentException("HTTPS scoring (" + (certificate ? "a certificate" : "sslSecret") + ") needs sslCname");
                }
                if (sslSecret != null && !insecure && !certificate) {
                    s.put("scoringFe.sslSecret", sslSecret);   // the CLI takes the certificate files first
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
            return new AzureMlExtension(s, protectedSettings, releaseTrain);
        }

        private static String flag(boolean b) {
            return b ? "True" : "False";
        }

        private static boolean isTrue(String v) {
            return v != null && v.equalsIgnoreCase("true");
        }
    }
}
