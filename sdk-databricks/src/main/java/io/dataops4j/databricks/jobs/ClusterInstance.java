package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;

/**
 * The cluster a task run used.
 *
 * @param clusterId      the cluster
 * @param sparkContextId its Spark context
 */
public record ClusterInstance(@Json(name = "cluster_id") String clusterId, @Json(name = "spark_context_id") String sparkContextId) {
}
