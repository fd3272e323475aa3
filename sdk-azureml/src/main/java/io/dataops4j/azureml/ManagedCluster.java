package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AKS managed cluster as ARM returns it: what the attach workflow reads, and the whole document in {@link #raw()}.
 *
 * @param id                        the cluster's resource id
 * @param location                  its region ("eastus")
 * @param eTag                      the entity tag for {@code If-Match}, or null
 * @param identityType              {@code identity.type} ("SystemAssigned", "UserAssigned"), or null for a cluster that
 *                                  uses a service principal
 * @param servicePrincipalClientId  {@code properties.servicePrincipalProfile.clientId}, or null
 * @param agentPools                name and node count of each agent pool
 * @param provisioningState         the provisioning state, or null
 * @param raw                       the document as read
 */
public record ManagedCluster(ResourceId id, String location, String eTag, String identityType, String servicePrincipalClientId,
                             List<AgentPool> agentPools, String provisioningState, RawJson raw) {
    public ManagedCluster {
        agentPools = List.copyOf(agentPools);
    }

    /**
     * An agent pool.
     *
     * @param name  the pool's name
     * @param count its node count
     */
    public record AgentPool(String name, int count) {
    }

    /** Whether the cluster has a managed identity (system- or user-assigned). */
    public boolean hasManagedIdentity() {
        return identityType != null && !identityType.isBlank() && !identityType.equalsIgnoreCase("None");
    }

    /** The nodes of all agent pools. */
    public int nodeCount() {
        return agentPools.stream().mapToInt(AgentPool::count).sum();
    }

    static ManagedCluster from(RawJson json) {
        Map<String, Object> m = json.asMap();
        List<AgentPool> pools = new ArrayList<>();
        for (Object o : JsonMaps.list(m, "properties", "agentPoolProfiles")) {
            if (o instanceof Map<?, ?> p) {
                Map<String, Object> pm = JsonMaps.cast(p);
                String count = JsonMaps.string(pm, "count");
                pools.add(new AgentPool(JsonMaps.string(pm, "name"), count == null ? 0 : Integer.parseInt(count)));
            }
        }
        String eTag = JsonMaps.string(m, "eTag");
        if (eTag == null) {
            eTag = JsonMaps.string(m, "etag");
        }
        return new ManagedCluster(ResourceId.parse(JsonMaps.string(m, "id")), JsonMaps.string(m, "location"), eTag,
                JsonMaps.string(m, "identity", "type"), JsonMaps.string(m, "properties", "servicePrincipalProfile", "clientId"),
                pools, JsonMaps.string(m, "properties", "provisioningState"), json);
    }

    @Override
    public String toString() {
        return "ManagedCluster[" + id + ", " + location + ", identity=" + (identityType == null ? "service principal" : identityType)
                + ", nodes=" + nodeCount() + ", " + provisioningState + "]";
    }
}
