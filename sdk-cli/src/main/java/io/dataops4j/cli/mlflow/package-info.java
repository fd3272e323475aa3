/**
 * {@code dataops4j mlflow}: experiments, runs, registered models and artifacts of an MLflow tracking server, as
 * readable tables or, with {@code --json}, as JSON documents in MLflow's own field names. Lists are printed as the
 * pages arrive; nothing is loaded in full before printing.
 */
package io.dataops4j.cli.mlflow;
