package io.dataops4j.mlflow.tracking;

/**
 * A registered model version made from a logged model, as the {@code registrations} field of
 * {@code LoggedModelInfo} names it. Open-source servers (3.8) leave that field empty and record registrations in the
 * model's {@code mlflow.modelVersions} tag instead.
 *
 * @param name    the registered model
 * @param version the version, as MLflow sends it (a string)
 */
public record LoggedModelRegistration(String name, String version) {
}
