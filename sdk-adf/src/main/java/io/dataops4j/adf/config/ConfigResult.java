package io.dataops4j.adf.config;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.Diagnostic;
import java.util.List;

/**
 * What applying a stage config gave: the factory as it would be deployed, the counts the tool reports, and every
 * finding (each naming the config file, line and path).
 *
 * <pre>{@code
 * ConfigResult r = StageConfig.load(file).applyTo(factory);
 * r.throwIfErrors();
 * AdfFactory prod = r.factory();
 * }</pre>
 *
 * @param factory     the changed factory (unchanged objects are the same instances)
 * @param diagnostics errors and warnings, in file order
 * @param updated     properties updated
 * @param added       properties added
 * @param removed     properties removed
 */
public record ConfigResult(AdfFactory factory, List<Diagnostic> diagnostics, int updated, int added, int removed) {
    public ConfigResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The error diagnostics. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** Throws an {@link AdfException} listing every error, if there is one. Returns this. */
    public ConfigResult throwIfErrors() {
        if (hasErrors()) {
            throw new AdfException("the stage config cannot be applied", diagnostics);
        }
        return this;
    }
}
