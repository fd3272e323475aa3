package io.dataops4j.adf;

import io.dataops4j.core.error.DataOpsException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loading, configuring, validating or planning found errors; {@link #diagnostics()} lists every one of them (not
 * only the first), each naming its file, line and path.
 *
 * <pre>{@code
 * try { deployment.plan(adf); }
 * catch (AdfException e) { e.diagnostics().forEach(System.err::println); }
 * }</pre>
 */
public class AdfException extends DataOpsException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public AdfException(String message, List<Diagnostic> diagnostics) {
        super(message + describe(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String describe(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            return "";
        }
        return ":\n  " + errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n  "));
    }

    /** Every finding, errors and warnings. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The error codes, in order (handy in tests and scripts). */
    public List<String> errorCodes() {
        return diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
    }
}
