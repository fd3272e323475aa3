package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** A cluster shared by the tasks of a job. */
public record JobCluster(
        @Json(name = "job_cluster_key") String jobClusterKey,
        @Json(name = "new_cluster") ClusterSpec newCluster) {
}
