package io.dataops4j.databricks.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SQL warehouse's settings for create and edit, validated in {@link Builder#build()}: the cluster size is one of
 * the service's sizes, {@code auto_stop_mins} is 0 or at least 10, clusters are 1 to 40 with min &lt;= max.
 *
 * <pre>{@code
 * WarehouseSpec spec = WarehouseSpec.builder().name("bi").clusterSize("Small").autoStopMins(30)
 *     .warehouseType("PRO").enablePhoton(true).tag("team", "bi").build();
 * Warehouse wh = dbx.sql().warehouses().create(spec).waitForCompletion(Duration.ofMinutes(10));
 * }</pre>
 */
public final class WarehouseSpec {
    /** The sizes the service accepts. */
    public static final Set<String> CLUSTER_SIZES = Set.of("2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large",
            "2X-Large", "3X-Large", "4X-Large", "5X-Large");

    private final Map<String, Object> wire;

    private WarehouseSpec(Map<String, Object> wire) {
        this.wire = java.util.Collections.unmodifiableMap(wire);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request body. */
    public Map<String, Object> toWire() {
        return wire;
    }

    @Override
    public String toString() {
        return "WarehouseSpec" + wire;
    }

    /** Builds a {@link WarehouseSpec}. */
    public static final class Builder {
        private final Map<String, Object> wire = new LinkedHashMap<>();
        private final List<Map<String, Object>> tags = new ArrayList<>();

        private Builder() {
        }

        public Builder name(String name) {
            wire.put("name", name);
            return this;
        }

        /** {@code 2X-Small}, {@code X-Small}, {@code Small}, {@code Medium}, {@code Large}, ... */
        public Builder clusterSize(String size) {
            wire.put("cluster_size", size);
            return this;
        }

        public Builder minNumClusters(int n) {
            wire.put("min_num_clusters", n);
            return this;
        }

        public Builder maxNumClusters(int n) {
            wire.put("max_num_clusters", n);
            return this;
        }

        /** Idle minutes before the warehouse stops: 0 (never) or at least 10. */
        public Builder autoStopMins(int minutes) {
            wire.put("auto_stop_mins", minutes);
            return this;
        }

        public Builder enablePhoton(boolean enable) {
            wire.put("enable_photon", enable);
            return this;
        }

        public Builder enableServerlessCompute(boolean enable) {
            wire.put("enable_serverless_compute", enable);
            return this;
        }

        /** {@code CLASSIC} or {@code PRO}. */
        public Builder warehouseType(String type) {
            wire.put("warehouse_type", type);
            return this;
        }

        /** {@code COST_OPTIMIZED} or {@code RELIABILITY_OPTIMIZED}. */
        public Builder spotInstancePolicy(String policy) {
            wire.put("spot_instance_policy", policy);
            return this;
        }

        /** {@code CHANNEL_NAME_CURRENT} or {@code CHANNEL_NAME_PREVIEW}. */
        public Builder channel(String channelName) {
            wire.put("channel", Map.of("name", channelName));
            return this;
        }

        public Builder tag(String key, String value) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("key", key);
            t.put("value", value);
            tags.add(t);
            return this;
        }

        /** Other fields, as the API writes them. */
        public Builder extras(Map<String, Object> fields) {
            wire.putAll(fields);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field at fault
         */
        public WarehouseSpec build() {
            List<String> problems = new ArrayList<>();
            Object size = wire.get("cluster_size");
            if (size != null && !CLUSTER_SIZES.contains(size.toString())) {
                problems.add("cluster_size '" + size + "' is not one of " + new java.util.TreeSet<>(CLUSTER_SIZES));
            }
            if (wire.get("auto_stop_mins") instanceof Integer a && a != 0 && a < 10) {
                problems.add("auto_stop_mins must be 0 (never) or at least 10, but was " + a);
            }
            Integer min = wire.get("min_num_clusters") instanceof Integer i ? i : null;
            Integer max = wire.get("max_num_clusters") instanceof Integer i ? i : null;
            if (min != null && min < 1) {
                problems.add("min_num_clusters must be at least 1, but was " + min);
            }
            if (max != null && (max < 1 || max > 40)) {
                problems.add("max_num_clusters must be 1-40, but was " + max);
            }
            if (min != null && max != null && min > max) {
                problems.add("min_num_clusters " + min + " is more than max_num_clusters " + max);
            }
            if (wire.get("warehouse_type") != null && !Set.of("CLASSIC", "PRO").contains(wire.get("warehouse_type").toString())) {
                problems.add("warehouse_type must be CLASSIC or PRO, but was '" + wire.get("warehouse_type") + "'");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid warehouse settings: " + String.join("; ", problems));
            }
            Map<String, Object> out = new LinkedHashMap<>(wire);
            if (!tags.isEmpty()) {
                out.put("tags", Map.of("custom_tags", List.copyOf(tags)));
            }
            return new WarehouseSpec(out);
        }
    }
}
