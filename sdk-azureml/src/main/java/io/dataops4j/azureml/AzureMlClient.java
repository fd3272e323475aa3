package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.mlflow.MlflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Azure Machine Learning through Azure Resource Manager, for one subscription: resource providers, AKS clusters'
 * managed identity, cluster extensions, workspaces and computes, the Kubernetes attach workflow, and a workspace's
 * MLflow. Immutable and thread-safe.
 *
 * <pre>{@code
 * AzureMlClient aml = AzureMlClient.builder()
 *     .credential(EntraIdCredential.defaultAzure(Scopes.ARM))
 *     .subscription("00000000-0000-0000-0000-000000000000")
 *     .build();
 * AttachPlan plan = aml.planAttachKubernetes(KubernetesAttach.builder()
 *     .workspace("rg-ml", "ws1").aksCluster("rg-aks", "aks1")
 *     .computeName("k8s-compute").namespace("ml-jobs").build());
 * System.out.print(plan.describe());
 * AttachReport report = plan.apply(ProgressListener.NONE);
 * aml.computes("rg-ml", "ws1").list().forEach(System.out::println);
 * MlflowClient mlflow = aml.mlflow("rg-ml", "ws1");        // the workspace's MLflow, same Entra ID credential
 * }</pre>
 */
public final class AzureMlClient implements AutoCloseable {
    /** The subscription, when {@link #fromEnvironment()} is used. */
    public static final String ENV_SUBSCRIPTION = "AZURE_SUBSCRIPTION_ID";

    private final AzureMlContext ctx;
    private final Credential credential;
    private final Credential mlflowCredential;
    private final String mlflowEndpoint;
    private final ResourceProviders providers;
    private final ManagedClusters managedClusters;
    private final ConnectedClusters connectedClusters;
    private final ClusterExtensions extensions;
    private final Workspaces workspaces;

    private AzureMlClient(AzureMlContext ctx, Credential credential, Credential mlflowCredential, String mlflowEndpoint) {
        this.ctx = ctx;
        this.credential = credential;
        this.mlflowCredential = mlflowCredential;
        this.mlflowEndpoint = mlflowEndpoint;
        this.providers = new ResourceProviders(ctx);
        this.managedClusters = new ManagedClusters(ctx);
        this.connectedClusters = new ConnectedClusters(ctx);
        this.extensions = new ClusterExtensions(ctx);
        this.workspaces = new Workspaces(ctx);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client for the subscription in {@code AZURE_SUBSCRIPTION_ID}, authenticated by azure-identity's
     * DefaultAzureCredential for ARM.
     */
    public static AzureMlClient fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /** The same, from an environment lookup. */
    public static AzureMlClient fromEnvironment(Function<String, String> env) {
        String sub = env.apply(ENV_SUBSCRIPTION);
        if (sub == null || sub.isBlank()) {
            throw new ConfigurationException("Azure subscription not set; searched: AzureMlClient.builder().subscription(...), "
                    + "environment variable " + ENV_SUBSCRIPTION);
        }
        return builder().subscription(sub.strip()).credential(EntraIdCredential.defaultAzure(Scopes.ARM)).build();
    }

    /** The subscription. */
    public String subscription() {
        return ctx.subscription();
    }

    /** The ARM client underneath. */
    public ArmClient arm() {
        return ctx.arm();
    }

    /** The api-versions in use. */
    public ApiVersions apiVersions() {
        return ctx.versions();
    }

    /** Resource providers of the subscription. */
    public ResourceProviders providers() {
        return providers;
    }

    /** AKS managed clusters. */
    public ManagedClusters managedClusters() {
        return managedClusters;
    }

    /** Azure Arc-enabled Kubernetes clusters. */
    public ConnectedClusters connectedClusters() {
        return connectedClusters;
    }

    /** Cluster extensions. */
    public ClusterExtensions extensions() {
        return extensions;
    }

    /** Azure ML workspaces. */
    public Workspaces workspaces() {
        return workspaces;
    }

    /** The computes of a workspace. */
    public Computes computes(String resourceGroup, String workspace) {
        return new Computes(ctx, workspaces, resourceGroup, workspace);
    }

    /**
     * Reads what is in place for a Kubernetes attach and plans the rest; changes nothing.
     *
     * @throws io.dataops4j.core.error.ResourceNotFoundException when the workspace or the cluster does not exist
     */
    public AttachPlan planAttachKubernetes(KubernetesAttach attach) {
        Objects.requireNonNull(attach, "attach");
        List<PlanStep> steps = new ArrayList<>();
        List<String> unregistered = new ArrayList<>();
        for (String ns : attach.providers()) {
            Provider p = providers.get(ns);
            if (p.registered()) {
                steps.add(new PlanStep("provider", ns, PlanStep.Action.NONE, "Registered"));
            } else {
                unregistered.add(ns);
                steps.add(new PlanStep("provider", ns, PlanStep.Action.REGISTER, "registrationState " + p.registrationState()));
            }
        }
        Workspace ws = workspaces.get(attach.resourceGroup(), attach.workspace());
        ManagedCluster cluster = null;
        ConnectedCluster arc = null;
        ArcRelay relay = null;
        boolean relayPending = false;
        ResourceId clusterId;
        ExtensionSpec extSpec;
        if (attach.clusterKind() == KubernetesAttach.ClusterKind.ARC) {
            // the connected cluster resource has its own identity: no identity step
            arc = connectedClusters.get(attach.clusterResourceGroup(), attach.cluster());
            clusterId = arc.id();
            AzureMlExtension wanted = attach.extension();
            if (attach.createsRelay()) {
                String location = arc.location() == null ? "" : arc.location().toLowerCase(java.util.Locale.ROOT);
                relay = new ArcRelay(ctx, attach.relayResourceGroup(), arc.id().name(), location);
                // as the az CLI: everything is read in the relay's resource group; nothing can be read before Microsoft.Relay is registered
                boolean readable = !unregistered.contains(KubernetesAttach.RELAY_PROVIDER);
                boolean ns = readable && relay.namespaceExists();
                boolean hc = ns && relay.hybridConnectionExists();
                boolean rule = hc && relay.ruleExists();
                steps.add(new PlanStep("relay", "namespace " + relay.namespace(), ns ? PlanStep.Action.NONE : PlanStep.Action.CREATE,
                        ns ? "exists in " + attach.relayResourceGroup() : "Microsoft.Relay namespace in " + attach.relayResourceGroup() + ", " + location));
                steps.add(new PlanStep("relay", "hybridConnection " + relay.hybridConnection(), hc ? PlanStep.Action.NONE : PlanStep.Action.CREATE,
                        hc ? "exists" : "requiresClientAuthorization true"));
                steps.add(new PlanStep("relay", "authorizationRule " + ArcRelay.RULE, rule ? PlanStep.Action.NONE : PlanStep.Action.CREATE,
                        rule ? "exists; its connection string goes to the extension's protected settings"
                                : "rights " + String.join(", ", ArcRelay.RIGHTS) + "; its connection string goes to the extension's protected settings"));
                if (rule) {
                    wanted = wanted.withRelay(relay.connectionString(), relay.hybridConnectionId(), relay.hybridConnection());
                } else {
                    relayPending = true;
                }
            }
            extSpec = wanted.spec(arc);
        } else {
            cluster = managedClusters.get(attach.clusterResourceGroup(), attach.cluster());
            clusterId = cluster.id();
            if (cluster.hasManagedIdentity()) {
                steps.add(new PlanStep("identity", cluster.id().name(), PlanStep.Action.NONE, "managed identity " + cluster.identityType()));
            } else {
                steps.add(new PlanStep("identity", cluster.id().name(), PlanStep.Action.ENABLE_MANAGED_IDENTITY,
                        "uses service principal " + cluster.servicePrincipalClientId() + "; will switch to SystemAssigned"));
            }
            extSpec = attach.extension().spec(cluster);
        }
        boolean canReadExtensions = !unregistered.contains("Microsoft.KubernetesConfiguration");
        Optional<ClusterExtension> ext = canReadExtensions ? extensions.find(clusterId, attach.extensionName()) : Optional.empty();
        String extTarget = attach.extensionName() + "@" + clusterId.name();
        String blocker = relay != null ? null : AzureMlExtension.blocker(extSpec);
        if (blocker != null && (ext.isEmpty() || !extSpec.differences(ext.get()).isEmpty())) {
            steps.add(new PlanStep("extension", extTarget, PlanStep.Action.CONFLICT, blocker));
        } else if (ext.isEmpty()) {
            steps.add(new PlanStep("extension", extTarget, PlanStep.Action.CREATE, "not installed; " + extSpec.extensionType()
                    + " with " + extSpec.configurationSettings().size() + " settings"));
        } else {
            List<String> diffs = new ArrayList<>(extSpec.differences(ext.get()));
            if (relayPending) {
                diffs.add("the relay is created now: its connection string will be sent");
            }
            List<String> problems = ext.get().problems();
            if (!diffs.isEmpty() && ext.get().extensionType() != null
                    && !extSpec.extensionType().equalsIgnoreCase(ext.get().extensionType())) {
                steps.add(new PlanStep("extension", extTarget, PlanStep.Action.CONFLICT, "an extension of another type has this name: "
                        + String.join("; ", diffs)));
            } else if (!diffs.isEmpty()) {
                steps.add(new PlanStep("extension", extTarget, attach.onDifference() == KubernetesAttach.OnDifference.UPDATE
                        ? PlanStep.Action.UPDATE : PlanStep.Action.CONFLICT, "installed with other settings: " + String.join("; ", diffs)));
            } else if (!problems.isEmpty()) {
                steps.add(new PlanStep("extension", extTarget, attach.onDifference() == KubernetesAttach.OnDifference.UPDATE
                        ? PlanStep.Action.UPDATE : PlanStep.Action.CONFLICT, "installed but not healthy: " + String.join("; ", problems)));
            } else {
                steps.add(new PlanStep("extension", extTarget, PlanStep.Action.NONE, "installed and healthy"
                        + (ext.get().currentVersion() == null ? "" : ", version " + ext.get().currentVersion())));
            }
        }
        KubernetesComputeSpec.Builder cb = KubernetesComputeSpec.builder(attach.computeName(), clusterId)
                .namespace(attach.namespace()).description(attach.computeDescription())
                .defaultInstanceType(attach.defaultInstanceType()).systemAssignedIdentity(attach.computeIdentity());
        attach.instanceTypes().forEach(cb::instanceType);
        KubernetesComputeSpec computeSpec = cb.build();
        Optional<Compute> existing = computes(attach.resourceGroup(), attach.workspace()).find(attach.computeName());
        String computeTarget = attach.computeName() + "@" + ws.name();
        if (existing.isEmpty()) {
            steps.add(new PlanStep("compute", computeTarget, PlanStep.Action.ATTACH, "not attached; namespace " + attach.namespace()));
        } else {
            List<String> diffs = computeSpec.differences(existing.get());
            if ("Failed".equalsIgnoreCase(existing.get().provisioningState())) {
                diffs = new ArrayList<>(diffs);
                diffs.add("provisioningState Failed " + existing.get().provisioningErrors());
            }
            if (diffs.isEmpty()) {
                steps.add(new PlanStep("compute", computeTarget, PlanStep.Action.NONE, "attached, namespace " + existing.get().namespace()
                        + ", provisioningState " + existing.get().provisioningState()));
            } else {
                boolean otherType = !"Kubernetes".equalsIgnoreCase(existing.get().computeType());
                steps.add(new PlanStep("compute", computeTarget, attach.onDifference() == KubernetesAttach.OnDifference.UPDATE && !otherType
                        ? PlanStep.Action.UPDATE : PlanStep.Action.CONFLICT, "exists with other settings: " + String.join("; ", diffs)));
            }
        }
        return new AttachPlan(this, attach, steps, ws, cluster, clusterId, extSpec, computeSpec, arc, relay, relayPending);
    }

    /** Plans and applies a Kubernetes attach in one call. */
    public AttachReport attachKubernetes(KubernetesAttach attach, ProgressListener progress) {
        return planAttachKubernetes(attach).apply(progress);
    }

    /**
     * An MLflow client for a workspace's MLflow: its tracking URI ({@code properties.mlFlowTrackingUri}) turned into
     * the REST base the azureml-mlflow plugin uses, with an Entra ID token for ARM's scope (what the plugin asks for)
     * from this client's credential, unless another MLflow credential was given to the builder.
     *
     * @throws ConfigurationException when the workspace reports no tracking URI
     */
    public MlflowClient mlflow(String resourceGroup, String workspace) {
        Workspace ws = workspaces.get(resourceGroup, workspace);
        if (ws.mlflowTrackingUri() == null) {
            throw new ConfigurationException("workspace " + ws.id() + " reports no mlFlowTrackingUri");
        }
        AzureMlMlflow platform = AzureMlMlflow.withCredential(mlflowCredential != null ? mlflowCredential : credential);
        if (mlflowEndpoint != null) {
            platform = platform.withEndpoint(mlflowEndpoint);
        }
        return MlflowClient.builder().trackingUri(ws.mlflowTrackingUri()).platform(platform).build();
    }

    /** Releases nothing shared: connections are pooled process-wide. */
    @Override
    public void close() {
        ctx.arm().close();
    }

    @Override
    public String toString() {
        return "AzureMlClient[" + ctx.subscription() + ", " + ctx.arm() + "]";
    }

    /** Builds an {@link AzureMlClient}; validates in {@link #build()}. */
    public static final class Builder {
        private String subscription;
        private Credential credential;
        private ArmClient arm;
        private String endpoint = ArmClient.PUBLIC_CLOUD;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration pollInterval = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private ApiVersions apiVersions = ApiVersions.defaults();
        private Credential mlflowCredential;
        private String mlflowEndpoint;

        private Builder() {
        }

        /** The subscription (required). */
        public Builder subscription(String subscription) {
            this.subscription = Objects.requireNonNull(subscription, "subscription");
            return this;
        }

        /** The ARM credential: {@code EntraIdCredential.defaultAzure(Scopes.ARM)}, or a bearer token. */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** An ARM client to use instead of building one (its endpoint, credential and retries are used as they are). */
        public Builder arm(ArmClient arm) {
            this.arm = Objects.requireNonNull(arm, "arm");
            return this;
        }

        /** The management endpoint (sovereign clouds, a local fake in tests). */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The first wait between polls (the service's Retry-After wins); default 5 s. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Clock and sleeper of retries and polls; tests pass fakes so that no real time passes. */
        public Builder timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder apiVersions(ApiVersions apiVersions) {
            this.apiVersions = Objects.requireNonNull(apiVersions, "apiVersions");
            return this;
        }

        /** The credential of the workspace's MLflow (default: the ARM credential, as azureml-mlflow uses ARM's scope). */
        public Builder mlflowCredential(Credential credential) {
            this.mlflowCredential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** A base URL that replaces the MLflow host of workspaces ({@code https://<region>.api.azureml.ms}): proxies, tests. */
        public Builder mlflowEndpoint(String endpoint) {
            this.mlflowEndpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public AzureMlClient build() {
            if (subscription == null || subscription.isBlank()) {
                throw new ConfigurationException("Azure subscription required: AzureMlClient.builder().subscription(...)");
            }
            ArmClient a = arm;
            if (a == null) {
                if (credential == null) {
                    throw new ConfigurationException("ARM credential required (EntraIdCredential.defaultAzure(Scopes.ARM), "
                            + "or Credential.bearer(token))");
                }
                a = ArmClient.builder().endpoint(endpoint).credential(credential).retryPolicy(retryPolicy)
                        .pollInterval(pollInterval).timing(clock, sleeper).build();
            }
            Credential c = credential != null ? credential : a.http().credential();
            AzureMlContext ctx = new AzureMlContext(a, subscription, apiVersions, new Polls.Timing(pollInterval, clock, sleeper));
            return new AzureMlClient(ctx, c, mlflowCredential, mlflowEndpoint);
        }
    }
}
