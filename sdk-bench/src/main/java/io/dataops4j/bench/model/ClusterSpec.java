package io.dataops4j.bench.model;

import com.squareup.moshi.Json;
import java.util.Map;

/** The specification of a new cluster, limited to the fields of the benchmark's body. */
public record ClusterSpec(
        @Json(name = "spark_version") String sparkVersion,
        @Json(name = "node_type_id") String nodeTypeId,
        @Json(name = "driver_node_type_id") String driverNodeTypeId,
        @Json(name = "num_workers") Integer numWorkers,
        AutoScale autoscale,
        @Json(name = "spark_conf") Map<String, String> sparkConf,
        @Json(name = "spark_env_vars") Map<String, String> sparkEnvVars,
        @Json(name = "azure_attributes") AzureAttributes azureAttributes,
        @Json(name = "custom_tags") Map<String, String> customTags,
        @Json(name = "enable_elastic_disk") Boolean enableElasticDisk,
        @Json(name = "data_security_mode") String dataSecurityMode,
        @Json(name = "single_user_name") String singleUserName,
        @Json(name = "runtime_engine") String runtimeEngine) {
}
