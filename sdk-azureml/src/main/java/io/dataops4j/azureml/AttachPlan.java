package io.dataops4j.azureml;

import io.dataops4j.azureml.PlanStep.Action;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan of a Kubernetes attach: what is already in place and what will change, step by step, read from ARM
 * without changing anything. {@link #apply(ProgressListener)} then carries out the changing steps in order, waits for
 * each, verifies the extension and reports. A plan whose steps are all {@link Action#NONE} changes nothing.
 *
 * <pre>{@code
 * AttachPlan plan = aml.planAttachKubernetes(attach);
 * System.out.print(plan.describe());                      // a dry run stops here
 * AttachReport report = plan.apply((done, total, msg) -> log.info("{}/{} {}", done, total, msg));
 * report.followUps().forEach(log::warn);
 * }</pre>
 */
public final class AttachPlan {
    private static final Logger LOG = LoggerFactory.getLogger(AttachPlan.class);

    private final AzureMlClient client;
    private final KubernetesAttach attach;
    private final List<PlanStep> steps;
    private final Workspace workspace;
    private final ManagedCluster cluster;
    private final io.dataops4j.core.arm.ResourceId clusterId;
    private final ExtensionSpec extensionSpec;
    private final KubernetesComputeSpec computeSpec;
    private final ConnectedCluster arc;
    private final ArcRelay relay;
    private final boolean relayPending;

    AttachPlan(AzureMlClient client, KubernetesAttach attach, List<PlanStep> steps, Workspace workspace, ManagedCluster cluster,
               io.dataops4j.core.arm.ResourceId clusterId, ExtensionSpec extensionSpec, KubernetesComputeSpec computeSpec,
               ConnectedCluster arc, ArcRelay relay, boolean relayPending) {
        this.arc = arc;
        this.relay = relay;
        this.relayPending = relayPending;
        this.client = client;
        this.attach = attach;
        this.steps = List.copyOf(steps);
        this.workspace = workspace;
        this.cluster = cluster;
        this.clusterId = clusterId;
        this.extensionSpec = extensionSpec;
        this.computeSpec = computeSpec;
    }

    /** Every step, in the order apply takes them. */
    public List<PlanStep> steps() {
        return steps;
    }

    /** The attach this plan is for. */
    public KubernetesAttach attach() {
        return attach;
    }

    /**
     * The extension that will be (or is) installed, with the settings added for the cluster. When the plan creates the
     * Azure Relay, the relay's connection string is not known yet: apply adds it (a protected setting) after creating the
     * relay, and this spec has the relay's other settings only.
     */
    public ExtensionSpec extensionSpec() {
        return extensionSpec;
    }

    /** The compute that will be (or is) attached. */
    public KubernetesComputeSpec computeSpec() {
        return computeSpec;
    }

    /** How many steps change something. */
    public long changes() {
        return steps.stream().filter(PlanStep::changes).count();
    }

    /** The steps that stop apply from running. */
    public List<PlanStep> conflicts() {
        return steps.stream().filter(s -> s.action() == Action.CONFLICT).toList();
    }

    /** The plan as text: one line per step and a summary. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (PlanStep s : steps) {
            sb.append(s).append('\n');
        }
        List<PlanStep> conflicts = conflicts();
        if (!conflicts.isEmpty()) {
            sb.append(conflicts.size()).append(" conflict(s): nothing will be applied\n");
        } else if (changes() == 0) {
            sb.append("everything is in place: nothing to change\n");
        } else {
            sb.append(changes()).append(" step(s) will change something\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "AttachPlan[" + attach.computeName() + " <- " + attach.cluster() + ", " + changes() + " change(s)]";
    }

    /**
     * Carries out the plan: registers providers, switches the cluster's identity, creates the Azure Relay of an Arc
     * cluster, installs and verifies the extension, attaches the compute, each step waited for (up to the attach's timeout).
     *
     * @throws AttachFailedException when the plan has conflicts (nothing is changed) or a step fails (the report in
     *                               the exception holds the steps done before)
     */
    public AttachReport apply(ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        List<AttachReport.Outcome> outcomes = new ArrayList<>();
        List<String> followUps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<PlanStep> conflicts = conflicts();
        if (!conflicts.isEmpty()) {
            throw new AttachFailedException("the plan has conflicts, nothing was changed: "
                    + String.join("; ", conflicts.stream().map(c -> c.kind() + " " + c.target() + ": " + c.detail()).toList()),
                    new AttachReport(outcomes, followUps, warnings), null);
        }
        long total = changes();
        long done = 0;
        progress.progress(0, total, total == 0 ? "everything is in place" : "applying " + total + " change(s)");
        for (PlanStep step : steps) {
            if (!step.changes()) {
                outcomes.add(new AttachReport.Outcome(step, false, step.detail()));
                continue;
            }
            String what = describe(step);
            progress.progress(done, total, what);
            LOG.info("{}", what);
            long at = done;
            try {
                String result = run(step, followUps, warnings, msg -> progress.progress(at, total, msg));
                outcomes.add(new AttachReport.Outcome(step, true, result));
            } catch (RuntimeException e) {
                AttachReport partial = new AttachReport(outcomes, followUps, warnings);
                throw new AttachFailedException(what + " failed: " + e.getMessage(), partial, e);
            }
            done++;
            progress.progress(done, total, what + ": done");
        }
        return new AttachReport(outcomes, followUps, warnings);
    }

    private String run(PlanStep step, List<String> followUps, List<String> warnings, java.util.function.Consumer<String> status) {
        switch (step.kind()) {
            case "provider" -> {
                Provider p = client.providers().register(step.target()).waitForCompletion(attach.timeout());
                return "registrationState " + p.registrationState();
            }
            case "identity" -> {
                ManagedCluster after = client.managedClusters().enableSystemAssignedIdentity(cluster, status).waitForCompletion(attach.timeout());
                followUps.add(nodePoolFollowUp());
                return "identity " + (after == null ? "SystemAssigned" : after.identityType());
            }
            case "relay" -> {
                if (step.target().startsWith("namespace ")) {
                    return relay.createNamespace(attach.timeout(), status);
                }
                if (step.target().startsWith("hybridConnection ")) {
                    return relay.createHybridConnection();
                }
                return relay.createRule();
            }
            case "extension" -> {
                ExtensionSpec spec = extensionSpec;
                if (relay != null && relayPending) {
                    spec = attach.extension().withRelay(relay.connectionString(), relay.hybridConnectionId(), relay.hybridConnection())
                            .spec(arc);
                }
                ClusterExtension ext = client.extensions().install(clusterId, attach.extensionName(), spec,
                        attach.timeout(), status);
                if (ext.currentVersion() == null) {
                    warnings.add("extension " + ext.name() + " reports no currentVersion");
                }
                followUps.add("ARM reports the extension installed; pods are not visible to ARM: check that every pod in "
                        + "namespace " + AzureMlExtension.RELEASE_NAMESPACE + " is Running (kubectl get pods -n "
                        + AzureMlExtension.RELEASE_NAMESPACE + ")");
                return "installed, provisioningState " + ext.provisioningState()
                        + (ext.currentVersion() == null ? "" : ", version " + ext.currentVersion());
            }
            case "compute" -> {
                Compute c = client.computes(attach.resourceGroup(), attach.workspace()).attachKubernetes(computeSpec, workspace.location(), status)
                        .waitForCompletion(attach.timeout());
                if (c != null && "Failed".equalsIgnoreCase(c.provisioningState())) {
                    throw new DataOpsException("compute " + c.name() + " ended Failed: " + c.provisioningErrors());
                }
                followUps.add("namespace " + attach.namespace() + " must exist in cluster " + attach.cluster()
                        + ": attaching neither creates nor checks it, and jobs fail later without it");
                return "attached, provisioningState " + (c == null ? "unknown" : c.provisioningState());
            }
            default -> throw new IllegalStateException("unknown step " + step.kind());
        }
    }

    static String nodePoolFollowUp() {
        return "the cluster's kubelet keeps using the service principal until the node pools are upgraded "
                + "(az aks nodepool upgrade --node-image-only, per pool); Azure ML's documentation asks to delete and "
                + "recreate all node pools after switching to a managed identity; the switch cannot be undone";
    }

    private static String describe(PlanStep step) {
        return switch (step.action()) {
            case REGISTER -> "registering provider " + step.target();
            case ENABLE_MANAGED_IDENTITY -> "enabling a system-assigned managed identity on " + step.target();
            case CREATE -> step.kind().equals("relay") ? "creating relay " + step.target() : "installing extension " + step.target();
            case UPDATE -> "updating " + step.kind() + " " + step.target();
            case ATTACH -> "attaching " + step.target();
            default -> step.kind() + " " + step.target();
        };
    }
}
