package io.dataops4j.adf.config;

import io.dataops4j.core.config.Environment;
import java.util.Objects;

/**
 * How a stage config is applied: whether a row naming no object, or a path that does not exist, is an error
 * (the default, as in azure.datafactory.tools) or a warning; and where {@code $Env:NAME} values come from.
 *
 * <pre>{@code
 * ConfigOptions lenient = ConfigOptions.defaults().failsWhenConfigItemNotFound(false).environment(Environment.of(vars));
 * }</pre>
 *
 * @param failsWhenConfigItemNotFound a row matching no object is an error (ADFT0007/ADFT0017), else a warning
 * @param failsWhenPathNotFound       an update or remove of a missing path is an error (ADFT0010), else a warning
 * @param environment                 the variables {@code $Env:NAME} reads
 */
public record ConfigOptions(boolean failsWhenConfigItemNotFound, boolean failsWhenPathNotFound, Environment environment) {
    public ConfigOptions {
        Objects.requireNonNull(environment, "environment");
    }

    /** Errors for both, the process environment. */
    public static ConfigOptions defaults() {
        return new ConfigOptions(true, true, Environment.system());
    }

    public ConfigOptions failsWhenConfigItemNotFound(boolean fails) {
        return new ConfigOptions(fails, failsWhenPathNotFound, environment);
    }

    public ConfigOptions failsWhenPathNotFound(boolean fails) {
        return new ConfigOptions(failsWhenConfigItemNotFound, fails, environment);
    }

    public ConfigOptions environment(Environment env) {
        return new ConfigOptions(failsWhenConfigItemNotFound, failsWhenPathNotFound, env);
    }
}
