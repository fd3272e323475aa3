package io.dataops4j.azureml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance type of a Kubernetes compute ({@code InstanceTypeSchema}): a node selector and the resources a job's
 * pod requests and is limited to ({@code cpu}, {@code memory}, {@code nvidia.com/gpu}).
 *
 * <pre>{@code
 * InstanceType small = InstanceType.of(Map.of("cpu", "1", "memory", "4Gi"), Map.of("cpu", "1", "memory", "4Gi"));
 * }</pre>
 *
 * @param nodeSelector node labels, or null for none
 * @param requests     resource requests
 * @param limits       resource limits
 */
public record InstanceType(Map<String, String> nodeSelector, Map<String, String> requests, Map<String, String> limits) {
    public InstanceType {
        nodeSelector = nodeSelector == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodeSelector));
        requests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requests == null ? Map.of() : requests));
        limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits == null ? Map.of() : limits));
    }

    /** Requests and limits without a node selector. */
    public static InstanceType of(Map<String, String> requests, Map<String, String> limits) {
        return new InstanceType(null, requests, limits);
    }

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodeSelector", nodeSelector);
        out.put("resources", Map.of("requests", requests, "limits", limits));
        return out;
    }
}
