package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.Poller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Cluster extensions ({@code .../providers/Microsoft.KubernetesConfiguration/extensions/{name}} under a cluster):
 * read, create or update (a long-running PUT: 201 with {@code Azure-AsyncOperation}), and install with verification.
 *
 * <pre>{@code
 * ManagedCluster aks = aml.managedClusters().get("rg", "aks1");
 * ClusterExtension ext = aml.extensions().install(aks.id(), "azureml", AzureMlExtension.seed().spec(aks),
 *     Duration.ofMinutes(30), null);           // throws ExtensionInstallException with the statuses when not healthy
 * }</pre>
 */
public final class ClusterExtensions {
    private final AzureMlContext ctx;

    ClusterExtensions(AzureMlContext ctx) {
        this.ctx = ctx;
    }

    /** The extension's path under a cluster (an AKS managed cluster or an Arc connected cluster). */
    public String path(ResourceId cluster, String name) {
        return cluster.path() + "/providers/Microsoft.KubernetesConfiguration/extensions/" + Objects.requireNonNull(name, "name");
    }

    /** The extension, or empty when the cluster has none of that name. */
    public Optional<ClusterExtension> find(ResourceId cluster, String name) {
        try {
            return Optional.of(ClusterExtension.from(ctx.arm().get(path(cluster, name), ctx.versions().kubernetesConfiguration())));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** PUTs the extension (create, or update of an existing one) as a long-running operation. */
    public Poller<ClusterExtension> createOrUpdate(ResourceId cluster, String name, ExtensionSpec spec) {
        return createOrUpdate(cluster, name, spec, null);
    }

    private Poller<ClusterExtension> createOrUpdate(ResourceId cluster, String name, ExtensionSpec spec, Consumer<String> status) {
        Poller<RawJson> put = ctx.arm().beginPut(path(cluster, name), ctx.versions().kubernetesConfiguration(), spec.body());
        return Polls.map(put, "extension " + name + " on " + cluster.name(), ClusterExtension::from, ctx.timing(), status);
    }

    /**
     * Creates or updates the extension, waits for the operation, reads the extension again and verifies it
     * ({@link ClusterExtension#problems()}).
     *
     * @param progress told of the operation's status at each poll (may be null)
     * @throws ExtensionInstallException when the operation failed or the extension is not healthy; the message
     *                                   carries the operation's error, the statuses and the errorInfo
     */
    public ClusterExtension install(ResourceId cluster, String name, ExtensionSpec spec, Duration timeout, Consumer<String> progress) {
        Poller<ClusterExtension> poller = createOrUpdate(cluster, name, spec, progress);
        String what = "extension " + name + " on " + cluster.name();
        try {
            poller.waitForCompletion(timeout);
        } catch (ExtensionInstallException e) {
            throw e;
        } catch (OperationFailedException e) {
            ClusterExtension after = find(cluster, name).orElse(null);
            List<String> problems = new ArrayList<>();
            problems.add(e.getMessage());
            if (after != null) {
                problems.addAll(after.problems());
            }
            throw new ExtensionInstallException(what + " failed: " + String.join("; ", problems), after, problems);
        }
        ClusterExtension after = find(cluster, name).orElseThrow(() -> new ExtensionInstallException(
                what + " ended Succeeded but cannot be read back", null, List.of("not found after install")));
        verify(after);
        return after;
    }

    /**
     * Checks an extension.
     *
     * @throws ExtensionInstallException when {@link ClusterExtension#problems()} is not empty
     */
    public ClusterExtension verify(ClusterExtension extension) {
        List<String> problems = extension.problems();
        if (!problems.isEmpty()) {
            throw new ExtensionInstallException("extension " + extension.name() + " is not installed correctly: "
                    + String.join("; ", problems), extension, problems);
        }
        return extension;
    }
}
