/** Model registry webhooks (open-source MLflow 3.3+) and the verifier for their signed deliveries. */
package io.dataops4j.mlflow.webhooks;
