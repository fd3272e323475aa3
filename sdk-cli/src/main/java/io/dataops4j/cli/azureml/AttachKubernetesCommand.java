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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dataops4j azureml attach-kubernetes}: plans, then (unless {@code --dry-run}) applies the attach of an AKS
 * cluster to a workspace: providers, managed identity, the verified Azure ML extension, the Kubernetes compute.
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

    @Option(names = "--aks-cluster", paramLabel = "NAME", required = true, description = "The AKS cluster.")
    String cluster;

    @Option(names = "--aks-resource-group", paramLabel = "NAME", description = "Resource group of the cluster (default: the workspace's).")
    String clusterResourceGroup;

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

    AttachKubernetesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The JSON document of the command. */
    public record Output(boolean dryRun, List<PlanStep> plan, long changes, AttachReport report) {
    }

    @Override
    public Integer call() {
        AzureMlExtension extension = AzureMlExtension.builder().enableTraining(true).enableInference(true)
                .inferenceRouterServiceType("LoadBalancer").allowInsecureConnections(true).inferenceRouterHA(false)
                .settings(settings).build();
        KubernetesAttach attach = KubernetesAttach.builder()
                .workspace(resourceGroup, workspace)
                .aksCluster(clusterResourceGroup == null ? resourceGroup : clusterResourceGroup, cluster)
                .computeName(computeName).namespace(namespace).extensionName(extensionName).extension(extension)
                .providers(skipProviders ? List.of() : KubernetesAttach.AKS_PROVIDERS)
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
