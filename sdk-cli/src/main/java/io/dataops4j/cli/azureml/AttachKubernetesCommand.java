package io.dataops4j.cli.azureml;

import io.dataops4j.azureml.AttachFailedException;
import io.dataops4j.azureml.AttachPlan;
import io.dataops4j.azureml.AttachReport;
import io.dataops4j.azureml.AzureMlClient;
import io.dataops4j.azureml.AzureMlExtension;
import io.dataops4j.azureml.KubernetesAttach;
import io.dataops4j.azureml.PlanStep;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dataops4j azureml attach-kubernetes}: plans, then (unless {@code --dry-run}) applies the attach of an AKS
 * cluster (or, with {@code --arc-cluster}, an Arc-enabled cluster) to a workspace: providers, managed identity (AKS
 * only), the verified Azure ML extension (HTTPS scoring with {@code --ssl-*}), the Kubernetes compute.
 */
@Command(name = "attach-kubernetes",
        description = {"Attach an AKS cluster to an Azure ML workspace as Kubernetes compute: register the providers,",
            "give the cluster a managed identity, install and verify the Azure ML extension, attach the compute.",
            "Prints the plan first; a run where everything is in place changes nothing."})
public final class AttachKubernetesCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    AzureMlConnection connection;

    @Option(names = {"--resource-group", "-g"}, paramLabel = "NAME", required = true, description = "Resource group of the workspace.")
    String resourceGroup;

    @Option(names = "--workspace", paramLabel = "NAME", required = true, description = "The Azure ML workspace.")
    String workspace;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Cluster cluster;

    /** Exactly one of the two kinds of cluster. */
    static final class Cluster {
        @Option(names = "--aks-cluster", paramLabel = "NAME", required = true, description = "The AKS cluster.")
        String aks;

        @Option(names = "--arc-cluster", paramLabel = "NAME", required = true,
                description = "An Azure Arc-enabled cluster (Microsoft.Kubernetes/connectedClusters) instead of an AKS cluster: "
                        + "registers Microsoft.Kubernetes, no identity step; the extension gets the az CLI's Arc settings.")
        String arc;
    }

    @Option(names = {"--aks-resource-group", "--arc-resource-group", "--cluster-resource-group"}, paramLabel = "NAME",
            description = "Resource group of the cluster (default: the workspace's).")
    String clusterResourceGroup;

    @Option(names = "--ssl-cname", paramLabel = "HOST", description = "sslCname: host name of HTTPS scoring endpoints.")
    String sslCname;

    @Option(names = "--ssl-cert-pem-file", paramLabel = "FILE",
            description = "PEM certificate for HTTPS scoring (the CLI's protected sslCertPemFile): its content is sent as the protected "
                    + "setting scoringFe.sslCert; needs --ssl-key-pem-file and --ssl-cname, and turns allowInsecureConnections off.")
    Path sslCertPemFile;

    @Option(names = "--ssl-key-pem-file", paramLabel = "FILE",
            description = "PEM private key for HTTPS scoring (the CLI's protected sslKeyPemFile), sent as scoringFe.sslKey.")
    Path sslKeyPemFile;

    @Option(names = "--relay-connection-string-env", paramLabel = "VAR",
            description = "Arc: environment variable holding the connection string of an existing Azure Relay to use instead of "
                    + "creating one. With --relay-hybrid-connection-id and --relay-hybrid-connection-name.")
    String relayConnectionStringEnv;

    @Option(names = "--relay-resource-group", paramLabel = "NAME",
            description = "Arc: the resource group of the Azure Relay created for the extension (default: the cluster's, as the az CLI).")
    String relayResourceGroup;

    @Option(names = "--no-create-relay",
            description = "Arc: do not create the Azure Relay (the plan reports it missing unless one is given or the relay is off).")
    boolean noCreateRelay;

    @Option(names = "--relay-hybrid-connection-id", paramLabel = "ID", description = "Arc: relayserver.hybridConnectionResourceID.")
    String relayHybridConnectionId;

    @Option(names = "--relay-hybrid-connection-name", paramLabel = "NAME", description = "Arc: relayserver.hybridConnectionName.")
    String relayHybridConnectionName;

    @Option(names = "--compute-name", paramLabel = "NAME", required = true, description = "Name of the compute in the workspace.")
    String computeName;

    @Option(names = "--namespace", paramLabel = "NS", required = true,
            description = "Kubernetes namespace the jobs run in; it must exist (attaching neither creates nor checks it).")
    String namespace;

    @Option(names = "--extension-name", paramLabel = "NAME", defaultValue = "azureml", description = "Name of the extension. Default: ${DEFAULT-VALUE}")
    String extensionName;

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "An extension setting on top of the seed's (enableTraining=True enableInference=True "
                    + "inferenceRouterServiceType=LoadBalancer allowInsecureConnections=True inferenceRouterHA=False); "
                    + "repeatable; inferenceLoadBalancerHA is taken as inferenceRouterHA.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--update-existing",
            description = "Put the wanted settings on an extension or compute that exists with other settings (default: report them and change nothing).")
    boolean updateExisting;

    @Option(names = "--skip-providers", description = "Do not check or register resource providers.")
    boolean skipProviders;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60m", converter = PollDurations.class,
            description = "How long each long-running step may take. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private Secret readPem(Path file) {
        try {
            return Secret.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "cannot read PEM file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    AttachKubernetesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The JSON document of the command. */
    public record Output(boolean dryRun, List<PlanStep> plan, long changes, AttachReport report) {
    }

    @Override
    public Integer call() {
        boolean arc = cluster.arc != null;
        AzureMlExtension.Builder eb = AzureMlExtension.builder().enableTraining(true).enableInference(true)
                .inferenceRouterServiceType("LoadBalancer").allowInsecureConnections(true).inferenceRouterHA(false);
        if ((sslCertPemFile == null) != (sslKeyPemFile == null)) {
            throw new ParameterException(spec.commandLine(), "--ssl-cert-pem-file and --ssl-key-pem-file go together");
        }
        if (sslCertPemFile != null) {
            eb.allowInsecureConnections(false).sslCertificate(readPem(sslCertPemFile), readPem(sslKeyPemFile));
        }
        if (sslCname != null) {
            eb.sslCname(sslCname);
        }
        if (relayConnectionStringEnv != null) {
            String value = ctx.environment().get(relayConnectionStringEnv);
            if (value == null || value.isBlank() || relayHybridConnectionId == null || relayHybridConnectionName == null) {
                throw new ParameterException(spec.commandLine(), "--relay-connection-string-env needs a set variable "
                        + relayConnectionStringEnv + ", --relay-hybrid-connection-id and --relay-hybrid-connection-name");
            }
            eb.relay(Secret.of(value.strip()), relayHybridConnectionId, relayHybridConnectionName);
        }
        AzureMlExtension extension;
        try {
            extension = eb.settings(settings).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String clusterRg = clusterResourceGroup == null ? resourceGroup : clusterResourceGroup;
        KubernetesAttach.Builder ab = KubernetesAttach.builder().workspace(resourceGroup, workspace);
        if (arc) {
            ab.arcCluster(clusterRg, cluster.arc).createRelay(!noCreateRelay);
            if (relayResourceGroup != null) {
                ab.relayResourceGroup(relayResourceGroup);
            }
        } else {
            ab.aksCluster(clusterRg, cluster.aks);
        }
        KubernetesAttach attach = ab
                .computeName(computeName).namespace(namespace).extensionName(extensionName).extension(extension)
                .providers(skipProviders ? List.of() : arc ? KubernetesAttach.ARC_PROVIDERS : KubernetesAttach.AKS_PROVIDERS)
                .onDifference(updateExisting ? KubernetesAttach.OnDifference.UPDATE : KubernetesAttach.OnDifference.REPORT)
                .timeout(timeout)
                .build();
        AzureMlClient aml = connection.client(ctx);
        AttachPlan plan = aml.planAttachKubernetes(attach);
        if (dryRun) {
            if (ctx.json()) {
                ctx.printJson(new Output(true, plan.steps(), plan.changes(), null));
            } else {
                ctx.out().print(plan.describe());
                ctx.out().println("dry run: nothing applied");
            }
            return plan.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        if (!ctx.json()) {
            ctx.out().print(plan.describe());
            ctx.out().flush();
        }
        AttachReport report;
        try (Progress progress = Progress.forContext(ctx)) {
            report = plan.apply(progress::progress);
        } catch (AttachFailedException e) {
            if (!ctx.json() && !e.report().steps().isEmpty()) {
                ctx.out().print(e.report().describe());
                ctx.out().flush();
            }
            throw e;
        }
        if (ctx.json()) {
            ctx.printJson(new Output(false, plan.steps(), plan.changes(), report));
        } else {
            ctx.out().print(report.describe());
            ctx.out().println(report.changed() ? "done" : "nothing changed");
        }
        return ExitCodes.OK;
    }
}
