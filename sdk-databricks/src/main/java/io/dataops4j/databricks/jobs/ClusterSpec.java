package io.dataops4j.databricks.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster's specification ({@code new_cluster}): a job cluster shared by tasks, or a task's own cluster.
 *
 * <pre>{@code
 * ClusterSpec single = ClusterSpec.singleNode("Standard_DS3_v2", "15.4.x-scala2.12");
 * ClusterSpec autoscaling = ClusterSpec.builder("15.4.x-scala2.12", "Standard_DS3_v2").autoscale(2, 8)
 *     .sparkConf("spark.sql.shuffle.partitions", "64").extra("data_security_mode", "SINGLE_USER").build();
 * }</pre>
 */
public final class ClusterSpec {
    private final Map<String, Object> wire;

    private ClusterSpec(Map<String, Object> wire) {
        this.wire = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wire));
    }

    /**
     * A single-node cluster: no workers, the Spark driver in local mode ({@code spark.master = local[*]}, the
     * {@code singleNode} profile and the {@code ResourceClass = SingleNode} tag, as the Databricks UI sets them).
     */
    public static ClusterSpec singleNode(String nodeTypeId, String sparkVersion) {
        return builder(sparkVersion, nodeTypeId).numWorkers(0)
                .sparkConf("spark.databricks.cluster.profile", "singleNode")
                .sparkConf("spark.master", "local[*]")
                .customTag("ResourceClass", "SingleNode")
                .build();
    }

    /** A builder with the two required fields. */
    public static Builder builder(String sparkVersion, String nodeTypeId) {
        return new Builder(sparkVersion, nodeTypeId);
    }

    /** A specification as the API writes it. */
    public static ClusterSpec of(Map<String, Object> wire) {
        return new ClusterSpec(wire);
    }

    /** The wire form. */
    public Map<String, Object> toWire() {
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSpec c && c.wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return "ClusterSpec" + wire;
    }

    /** Builds a {@link ClusterSpec}. */
    public static final class Builder {
        private final Map<String, Object> wire = new LinkedHashMap<>();
        private final Map<String, String> sparkConf = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String sparkVersion, String nodeTypeId) {
            wire.put("spark_version", Objects.requireNonNull(sparkVersion, "sparkVersion"));
            wire.put("node_type_id", Objects.requireNonNull(nodeTypeId, "nodeTypeId"));
        }

        public Builder numWorkers(int n) {
            wire.remove("autoscale");
            wire.put("num_workers", n);
            return this;
        }

        public Builder autoscale(int minWorkers, int maxWorkers) {
            if (minWorkers < 0 || maxWorkers < minWorkers) {
                throw new IllegalArgumentException("autoscale needs 0 <= min_workers <= max_workers, but was " + minWorkers
                        + ".." + maxWorkers);
            }
            wire.remove("num_workers");
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("min_workers", minWorkers);
            a.put("max_workers", maxWorkers);
            wire.put("autoscale", a);
            return this;
        }

        public Builder sparkConf(String key, String value) {
            sparkConf.put(key, value);
            return this;
        }

        public Builder customTag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** Any other field ({@code data_security_mode}, {@code azure_attributes}, {@code spark_env_vars}, ...). */
        public Builder extra(String field, Object value) {
            wire.put(field, value);
            return this;
        }

        public ClusterSpec build() {
            Map<String, Object> out = new LinkedHashMap<>(wire);
            if (!sparkConf.isEmpty()) {
                out.put("spark_conf", Map.copyOf(sparkConf));
            }
            if (!tags.isEmpty()) {
                out.put("custom_tags", Map.copyOf(tags));
            }
            return new ClusterSpec(out);
        }
    }
}
