package io.dataops4j.adf;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding of loading, configuring, validating or planning: an error or a warning, with the code of
 * azure.datafactory.tools where one exists ({@code ADFT0010}) or ours ({@code ADFX...}), and where it was found.
 *
 * <pre>{@code
 * for (Diagnostic d : result.diagnostics()) log.warn("{}", d);
 * // deployment/config-uat.csv:4: error ADFT0010: Wrong path defined in config for object(path): ...
 * }</pre>
 *
 * @param severity how bad it is
 * @param code     the code ({@code ADFT0010}, {@code ADFX0107}, ...)
 * @param message  what happened, naming the object and path
 * @param file     the file it was found in, or null
 * @param line     the line (1-based), or 0 when unknown
 * @param path     the config or JSON path concerned, or null
 */
public record Diagnostic(Severity severity, String code, String message, Path file, int line, String path) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** How bad a finding is. */
    public enum Severity {
        /** Stops the deployment. */
        ERROR,
        /** Worth reading; does not stop anything. */
        WARNING,
        /** For the record only. */
        INFO
    }

    public static Diagnostic error(String code, String message, Path file, int line, String path) {
        return new Diagnostic(Severity.ERROR, code, message, file, line, path);
    }

    public static Diagnostic warning(String code, String message, Path file, int line, String path) {
        return new Diagnostic(Severity.WARNING, code, message, file, line, path);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: error CODE: message}, secrets masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        sb.append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(code).append(": ").append(message);
        return io.dataops4j.core.Redactor.text(sb.toString());
    }
}
