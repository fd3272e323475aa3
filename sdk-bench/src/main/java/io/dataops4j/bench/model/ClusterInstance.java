package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** The cluster and Spark context a task ran on. */
public record ClusterInstance(
        @Json(name = "cluster_id") String clusterId,
        @Json(name = "spark_context_id") String sparkContextId) {
}
