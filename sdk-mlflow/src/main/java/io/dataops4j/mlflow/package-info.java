/**
 * A pure-Java MLflow REST client: {@link io.dataops4j.mlflow.MlflowClient} and its sub-clients for experiments,
 * runs, artifacts, the model registry and webhooks.
 */
package io.dataops4j.mlflow;
