package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.azureml.internal.ReadOnlyProperties;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.Poller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * AKS managed clusters ({@code Microsoft.ContainerService/managedClusters}): read one, and switch one from a service
 * principal to a system-assigned managed identity. ARM has no PATCH for the identity (PATCH only updates tags), so
 * this is what {@code az aks update --enable-managed-identity} does: GET, change {@code identity}, PUT the cluster
 * back with {@code If-Match} (the read-only properties left out, as the official client's serializer does), and
 * wait for the long-running operation.
 *
 * <p>After the switch the kubelet keeps using the service principal until the node pools are upgraded
 * ({@code az aks nodepool upgrade --node-image-only}); Azure ML's documentation asks to recreate the node pools
 * before installing its extension. The switch cannot be undone.
 *
 * <pre>{@code
 * ManagedCluster aks = aml.managedClusters().get("rg-aks", "aks1");
 * if (!aks.hasManagedIdentity()) {
 *     aks = aml.managedClusters().enableSystemAssignedIdentity(aks).waitForCompletion(Duration.ofMinutes(30));
 * }
 * }</pre>
 */
public final class ManagedClusters {
    private static final ReadOnlyProperties READ_ONLY = ReadOnlyProperties.managedCluster();

    private final AzureMlContext ctx;

    ManagedClusters(AzureMlContext ctx) {
        this.ctx = ctx;
    }

    /** The cluster's resource id in the client's subscription. */
    public ResourceId id(String resourceGroup, String name) {
        return ResourceId.of(ctx.subscription(), resourceGroup, "Microsoft.ContainerService", "managedClusters", name);
    }

    /** Reads a cluster. */
    public ManagedCluster get(String resourceGroup, String name) {
        return get(id(resourceGroup, name));
    }

    /** Reads a cluster. */
    public ManagedCluster get(ResourceId id) {
        return ManagedCluster.from(ctx.arm().get(id.path(), ctx.versions().containerService()));
    }

    /**
     * Gives the cluster a system-assigned managed identity: PUT of the cluster as read (read-only properties left out)
     * with {@code "identity":{"type":"SystemAssigned"}} and {@code If-Match} on its eTag. A cluster changed since it
     * was read fails with 412.
     */
    public Poller<ManagedCluster> enableSystemAssignedIdentity(ManagedCluster cluster) {
        return enableSystemAssignedIdentity(cluster, null);
    }

    Poller<ManagedCluster> enableSystemAssignedIdentity(ManagedCluster cluster, java.util.function.Consumer<String> status) {
        Objects.requireNonNull(cluster, "cluster");
        Map<String, Object> body = JsonMaps.cast(JsonMaps.copy(cluster.raw().asMap()));
        READ_ONLY.strip(body);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "SystemAssigned");
        body.put("identity", identity);
        Poller<RawJson> put = ctx.arm().beginPut(cluster.id().path(), ctx.versions().containerService(), RawJson.from(body),
                quoted(cluster.eTag()));
        return Polls.map(put, "managed identity of " + cluster.id().name(), ManagedCluster::from, ctx.timing(), status);
    }

    /** The official client sends the eTag quoted (its quote_etag). */
    private static String quoted(String eTag) {
        if (eTag == null || eTag.startsWith("\"") || eTag.startsWith("W/")) {
            return eTag;
        }
        return "\"" + eTag + "\"";
    }
}
