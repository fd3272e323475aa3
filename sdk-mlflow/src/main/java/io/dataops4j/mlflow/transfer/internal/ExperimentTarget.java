package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.transfer.Action;

/**
 * A target experiment.
 *
 * @param key    its id on a server or its directory in an export; null while it does not exist
 * @param name   its name in the target
 * @param action what a transfer does to it
 */
public record ExperimentTarget(String key, String name, Action action) {
}
