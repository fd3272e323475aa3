/**
 * MLflow on Databricks: {@link io.dataops4j.databricks.mlflow.DatabricksMlflow} (an sdk-mlflow platform) and
 * {@link io.dataops4j.databricks.mlflow.DbfsArtifactRepository}.
 */
package io.dataops4j.databricks.mlflow;
