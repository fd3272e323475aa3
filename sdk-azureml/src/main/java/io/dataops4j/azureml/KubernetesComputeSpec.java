package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes compute to attach: the cluster, the namespace jobs run in (it must exist in the cluster: attaching
 * neither creates nor checks it), instance types and a default one, a description, and optionally a system-assigned
 * identity. The body is what azure-ai-ml's {@code KubernetesCompute} sends ({@code az ml compute attach --type
 * Kubernetes}).
 *
 * <pre>{@code
 * KubernetesComputeSpec spec = KubernetesComputeSpec.builder("k8s-compute", aks.id())
 *     .namespace("ml-jobs")
 *     .instanceType("small", InstanceType.of(Map.of("cpu", "1", "memory", "4Gi"), Map.of("cpu", "1", "memory", "4Gi")))
 *     .defaultInstanceType("small")
 *     .build();
 * }</pre>
 *
 * @param name                   the compute's name in the workspace
 * @param cluster                the cluster's resource id
 * @param namespace              the namespace (default {@code default}, as the service's)
 * @param description            a description, or null
 * @param instanceTypes          instance types by name
 * @param defaultInstanceType    the default instance type, or null
 * @param systemAssignedIdentity whether the compute gets a system-assigned identity
 */
public record KubernetesComputeSpec(String name, ResourceId cluster, String namespace, String description,
                                    Map<String, InstanceType> instanceTypes, String defaultInstanceType,
                                    boolean systemAssignedIdentity) {
    public KubernetesComputeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(namespace, "namespace");
        instanceTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instanceTypes));
        if (defaultInstanceType != null && !instanceTypes.isEmpty() && !instanceTypes.containsKey(defaultInstanceType)) {
            throw new IllegalArgumentException("default instance type '" + defaultInstanceType + "' is not one of " + instanceTypes.keySet());
        }
    }

    public static Builder builder(String name, ResourceId cluster) {
        return new Builder(name, cluster);
    }

    /** The PUT body for a workspace in a location. */
    RawJson body(String location) {
        Map<String, Object> inner = new LinkedHashMap<>();
        if (defaultInstanceType != null) {
            inner.put("defaultInstanceType", defaultInstanceType);
        }
        if (!instanceTypes.isEmpty()) {
            Map<String, Object> types = new LinkedHashMap<>();
            instanceTypes.forEach((k, v) -> types.put(k, v.toJson()));
            inner.put("instanceTypes", types);
        }
        inner.put("namespace", namespace);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("resourceId", cluster.path());
        props.put("computeLocation", location);
        if (description != null) {
            props.put("description", description);
        }
        props.put("properties", inner);
        props.put("computeType", "Kubernetes");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        body.put("properties", props);
        if (systemAssignedIdentity) {
            body.put("identity", Map.of("type", "SystemAssigned"));
        }
        return RawJson.from(body);
    }

    /**
     * How an existing compute differs from this spec, empty when it matches: type, cluster (ignoring case), namespace,
     * and the default instance type and instance types when this spec names them.
     */
    public List<String> differences(Compute existing) {
        List<String> out = new ArrayList<>();
        if (!"Kubernetes".equalsIgnoreCase(existing.computeType())) {
            out.add("computeType is " + existing.computeType() + ", wanted Kubernetes");
        }
        if (existing.resourceId() == null || !cluster.path().equalsIgnoreCase(existing.resourceId())) {
            out.add("resourceId is " + existing.resourceId() + ", wanted " + cluster.path());
        }
        if (!namespace.equals(existing.namespace())) {
            out.add("namespace is " + existing.namespace() + ", wanted " + namespace);
        }
        if (defaultInstanceType != null && !defaultInstanceType.equals(existing.defaultInstanceType())) {
            out.add("defaultInstanceType is " + existing.defaultInstanceType() + ", wanted " + defaultInstanceType);
        }
        if (!instanceTypes.isEmpty()) {
            Map<String, Object> wanted = new LinkedHashMap<>();
            instanceTypes.forEach((k, v) -> wanted.put(k, v.toJson()));
            Object want = RawJson.from(wanted).value();
            Object have = RawJson.from(existing.instanceTypes()).value();
            if (!normalize(want).equals(normalize(have))) {
                out.add("instanceTypes differ: " + RawJson.from(existing.instanceTypes()).json() + ", wanted " + RawJson.from(wanted).json());
            }
        }
        return out;
    }

    /** Drops null members (the service writes "nvidia.com/gpu": null) so that equal meanings compare equal. */
    private static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    out.put(k.toString(), normalize(x));
                }
            });
            return out;
        }
        return JsonMaps.copy(v);
    }

    /** Builds a {@link KubernetesComputeSpec}. */
    public static final class Builder {
        private final String name;
        private final ResourceId cluster;
        private String namespace = "default";
        private String description;
        private final Map<String, InstanceType> instanceTypes = new LinkedHashMap<>();
        private String defaultInstanceType;
        private boolean systemAssignedIdentity;

        private Builder(String name, ResourceId cluster) {
            this.name = Objects.requireNonNull(name, "name");
            this.cluster = Objects.requireNonNull(cluster, "cluster");
        }

        /** The namespace jobs run in; it must exist in the cluster. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder instanceType(String name, InstanceType type) {
            instanceTypes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
            return this;
        }

        public Builder defaultInstanceType(String name) {
            this.defaultInstanceType = name;
            return this;
        }

        /** A system-assigned identity for the compute ({@code az ml compute attach --identity-type SystemAssigned}). */
        public Builder systemAssignedIdentity(boolean on) {
            this.systemAssignedIdentity = on;
            return this;
        }

        public KubernetesComputeSpec build() {
            return new KubernetesComputeSpec(name, cluster, namespace, description, instanceTypes, defaultInstanceType,
                    systemAssignedIdentity);
        }
    }
}
