package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.json.RawJson;
import java.util.Map;

/**
 * An Azure Machine Learning workspace as ARM returns it.
 *
 * @param id                the workspace's resource id
 * @param location          its region
 * @param mlflowTrackingUri {@code properties.mlFlowTrackingUri}
 *                          ({@code azureml://<region>.api.azureml.ms/mlflow/v1.0/subscriptions/.../workspaces/<name>}),
 *                          or null
 * @param raw               the document as read
 */
public record Workspace(ResourceId id, String location, String mlflowTrackingUri, RawJson raw) {
    /** The workspace's name. */
    public String name() {
        return id.name();
    }

    static Workspace from(RawJson json) {
        Map<String, Object> m = json.asMap();
        return new Workspace(ResourceId.parse(JsonMaps.string(m, "id")), JsonMaps.string(m, "location"),
                JsonMaps.string(m, "properties", "mlFlowTrackingUri"), json);
    }

    @Override
    public String toString() {
        return "Workspace[" + id + ", " + location + "]";
    }
}
