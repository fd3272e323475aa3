package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.Poller;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The computes of one workspace: list (lazy, following {@code nextLink}), get, attach a Kubernetes cluster (a
 * long-running PUT, which overwrites a compute of the same name: read first), and detach
 * ({@code DELETE ...?underlyingResourceAction=Detach}: the cluster itself is kept).
 *
 * <pre>{@code
 * Computes computes = aml.computes("rg-ml", "ws1");
 * computes.list().forEach(c -> System.out.println(c.name() + " " + c.computeType()));
 * Compute k8s = computes.attachKubernetes(spec).waitForCompletion(Duration.ofMinutes(15));
 * computes.detach("k8s-compute").waitForCompletion(Duration.ofMinutes(15));
 * }</pre>
 */
public final class Computes {
    private final AzureMlContext ctx;
    private final Workspaces workspaces;
    private final String resourceGroup;
    private final String workspace;

    Computes(AzureMlContext ctx, Workspaces workspaces, String resourceGroup, String workspace) {
        this.ctx = ctx;
        this.workspaces = workspaces;
        this.resourceGroup = Objects.requireNonNull(resourceGroup, "resourceGroup");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The workspace's resource id. */
    public ResourceId workspaceId() {
        return workspaces.id(resourceGroup, workspace);
    }

    /** Every compute of the workspace, page by page as consumed. */
    public Paged<Compute> list() {
        return ctx.arm().list(workspaceId().path() + "/computes", ctx.versions().machineLearning()).map(Compute::from);
    }

    /** A compute, or empty. */
    public Optional<Compute> find(String name) {
        try {
            return Optional.of(get(name));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** A compute. */
    public Compute get(String name) {
        return Compute.from(ctx.arm().get(path(name), ctx.versions().machineLearning()));
    }

    /**
     * Attaches a Kubernetes cluster as a compute (PUT; it overwrites a compute of the same name). The compute's
     * location is the workspace's, as azure-ai-ml sets it.
     */
    public Poller<Compute> attachKubernetes(KubernetesComputeSpec spec) {
        return attachKubernetes(spec, workspaces.get(resourceGroup, workspace).location(), null);
    }

    Poller<Compute> attachKubernetes(KubernetesComputeSpec spec, String location, java.util.function.Consumer<String> status) {
        Poller<RawJson> put = ctx.arm().beginPut(path(spec.name()), ctx.versions().machineLearning(), spec.body(location));
        return Polls.map(put, "compute " + spec.name(), Compute::from, ctx.timing(), status);
    }

    /** Detaches a compute: removes it from the workspace and keeps the cluster. */
    public Poller<RawJson> detach(String name) {
        return ctx.arm().beginDelete(path(name), ctx.versions().machineLearning(), Map.of("underlyingResourceAction", "Detach"));
    }

    private String path(String name) {
        return workspaceId().child("computes", Objects.requireNonNull(name, "name")).path();
    }
}
