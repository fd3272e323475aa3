package io.dataops4j.azureml;

import io.dataops4j.core.arm.ResourceId;

/**
 * Azure Arc-enabled Kubernetes clusters ({@code Microsoft.Kubernetes/connectedClusters}): read one, as the az CLI's
 * k8s-extension does before it installs the Azure ML extension (location, node count, distribution).
 *
 * <pre>{@code
 * ConnectedCluster arc = aml.connectedClusters().get("rg-arc", "arc1");
 * ExtensionSpec spec = AzureMlExtension.seed().spec(arc);
 * }</pre>
 */
public final class ConnectedClusters {
    private final AzureMlContext ctx;

    ConnectedClusters(AzureMlContext ctx) {
        this.ctx = ctx;
    }

    /** The cluster's resource id in the client's subscription. */
    public ResourceId id(String resourceGroup, String name) {
        return ResourceId.of(ctx.subscription(), resourceGroup, "Microsoft.Kubernetes", "connectedClusters", name);
    }

    /** Reads a connected cluster. */
    public ConnectedCluster get(String resourceGroup, String name) {
        return get(id(resourceGroup, name));
    }

    /** Reads a connected cluster. */
    public ConnectedCluster get(ResourceId id) {
        return ConnectedCluster.from(ctx.arm().get(id.path(), ctx.versions().kubernetes()));
    }
}
