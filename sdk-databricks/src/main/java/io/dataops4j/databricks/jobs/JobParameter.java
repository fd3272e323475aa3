package io.dataops4j.databricks.jobs;

import java.util.Objects;

/**
 * A job-level parameter and its default ({@code parameters[]}); referenced in tasks as
 * {@code {{job.parameters.<name>}}} ({@link TaskValues#jobParameter(String)}).
 *
 * @param name         the parameter's name
 * @param defaultValue its default
 */
public record JobParameter(String name, @com.squareup.moshi.Json(name = "default") String defaultValue) {
    public JobParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }
}
