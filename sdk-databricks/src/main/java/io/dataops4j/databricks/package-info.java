/**
 * A Databricks workspace client: {@link io.dataops4j.databricks.DatabricksClient}, its configuration
 * ({@link io.dataops4j.databricks.DatabricksConfig}), jobs ({@code .jobs}), SQL warehouses and statements
 * ({@code .sql}) and the workspace's MLflow ({@code .mlflow}).
 */
package io.dataops4j.databricks;
