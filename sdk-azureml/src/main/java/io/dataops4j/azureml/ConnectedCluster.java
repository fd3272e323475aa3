package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.json.RawJson;
import java.util.Map;

/**
 * An Azure Arc-enabled Kubernetes cluster ({@code Microsoft.Kubernetes/connectedClusters}) as ARM returns it. Unlike
 * an AKS cluster it needs no identity change: the connected cluster resource has its own (system-assigned) identity.
 *
 * @param id                 the cluster's resource id
 * @param location           its region
 * @param totalNodeCount     {@code properties.totalNodeCount}, or null when not reported
 * @param distribution       {@code properties.distribution} ("aks", "openshift", ...), or null
 * @param identityType       {@code identity.type}, or null
 * @param connectivityStatus {@code properties.connectivityStatus} (Connected, Connecting, Offline, Expired), or null
 * @param provisioningState  the provisioning state, or null
 * @param raw                the document as read
 */
public record ConnectedCluster(ResourceId id, String location, Integer totalNodeCount, String distribution, String identityType,
                               String connectivityStatus, String provisioningState, RawJson raw) {

    static ConnectedCluster from(RawJson json) {
        Map<String, Object> m = json.asMap();
        String nodes = JsonMaps.string(m, "properties", "totalNodeCount");
        Integer count = null;
        if (nodes != null) {
            try {
                count = (int) Double.parseDouble(nodes);
            } catch (NumberFormatException e) {
                count = null;
            }
        }
        return new ConnectedCluster(ResourceId.parse(JsonMaps.string(m, "id")), JsonMaps.string(m, "location"), count,
                JsonMaps.string(m, "properties", "distribution"), JsonMaps.string(m, "identity", "type"),
                JsonMaps.string(m, "properties", "connectivityStatus"), JsonMaps.string(m, "properties", "provisioningState"), json);
    }

    @Override
    public String toString() {
        return "ConnectedCluster[" + id + ", " + location + ", nodes=" + totalNodeCount + ", " + connectivityStatus + "]";
    }
}
