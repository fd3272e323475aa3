package io.dataops4j.mlflow.registry;

/**
 * An alias of a registered model and the version it points to.
 *
 * @param alias   the alias ({@code champion})
 * @param version the version number
 */
public record RegisteredModelAlias(String alias, String version) {
}
