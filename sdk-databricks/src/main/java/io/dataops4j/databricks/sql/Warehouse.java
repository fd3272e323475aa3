package io.dataops4j.databricks.sql;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.RawJson;

/**
 * A SQL warehouse ({@code GET /api/2.0/sql/warehouses/{id}}).
 *
 * @param id                      its id
 * @param name                    its name
 * @param clusterSize             {@code 2X-Small} ... {@code 4X-Large}
 * @param minNumClusters          fewest clusters
 * @param maxNumClusters          most clusters
 * @param autoStopMins            idle minutes before it stops (0 = never)
 * @param enablePhoton            Photon
 * @param enableServerlessCompute serverless
 * @param warehouseType           CLASSIC or PRO
 * @param spotInstancePolicy      the spot policy
 * @param channel                 its channel, as sent
 * @param tags                    its tags, as sent
 * @param state                   its state
 * @param health                  its health, as sent
 * @param numClusters             running clusters
 * @param numActiveSessions       open sessions
 * @param jdbcUrl                 the JDBC URL the service gives
 * @param odbcParams              ODBC connection parameters
 * @param creatorName             who created it
 */
public record Warehouse(String id, String name,
                        @Json(name = "cluster_size") String clusterSize,
                        @Json(name = "min_num_clusters") Integer minNumClusters,
                        @Json(name = "max_num_clusters") Integer maxNumClusters,
                        @Json(name = "auto_stop_mins") Integer autoStopMins,
                        @Json(name = "enable_photon") Boolean enablePhoton,
                        @Json(name = "enable_serverless_compute") Boolean enableServerlessCompute,
                        @Json(name = "warehouse_type") String warehouseType,
                        @Json(name = "spot_instance_policy") String spotInstancePolicy,
                        RawJson channel,
                        RawJson tags,
                        WarehouseState state,
                        RawJson health,
                        @Json(name = "num_clusters") Integer numClusters,
                        @Json(name = "num_active_sessions") Long numActiveSessions,
                        @Json(name = "jdbc_url") String jdbcUrl,
                        @Json(name = "odbc_params") OdbcParams odbcParams,
                        @Json(name = "creator_name") String creatorName) {
    /**
     * ODBC connection parameters.
     *
     * @param hostname the server host name
     * @param path     the HTTP path ({@code /sql/1.0/warehouses/<id>})
     * @param port     the port (443)
     * @param protocol {@code https}
     */
    public record OdbcParams(String hostname, String path, Integer port, String protocol) {
    }

    /** The state, UNKNOWN when absent. */
    public WarehouseState stateOrUnknown() {
        return state == null ? WarehouseState.UNKNOWN : state;
    }
}
