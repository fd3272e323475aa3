/** The MLflow model registry: registered models, model versions, stages, aliases, tags. */
package io.dataops4j.mlflow.registry;
