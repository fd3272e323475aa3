/**
 * DSS connections: list, get, create, update, delete, security settings and tests; typed builders for Azure Blob
 * Storage ({@link io.dataops4j.dataiku.connections.AzureBlobConnection}) and Azure Synapse / SQL Server
 * ({@link io.dataops4j.dataiku.connections.SqlServerConnection}, {@link io.dataops4j.dataiku.connections.SqlServerJdbcUrl}).
 */
package io.dataops4j.dataiku.connections;
