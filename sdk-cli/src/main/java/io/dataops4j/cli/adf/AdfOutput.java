package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.Redactor;
import io.dataops4j.core.json.Json;
import java.util.List;

/** How the adf commands report findings and {@link AdfException}s. */
final class AdfOutput {
    private AdfOutput() {
    }

    /**
     * Reports an {@link AdfException} with every finding on standard error (one JSON document with {@code --json})
     * and returns the exit code: 2 for invalid input, 1 for a failed deployment step.
     */
    static int report(CliContext ctx, AdfException e, int exitCode) {
        String message = Redactor.text(firstLine(e.getMessage()));
        if (ctx.json()) {
            String kind = exitCode == ExitCodes.USAGE ? "input" : "failed";
            ctx.err().println(Json.shared().toJson(new AdfJson.ErrorDocument(
                    new AdfJson.Error(kind, message, exitCode, AdfJson.Finding.of(e.diagnostics())))));
        } else {
            ctx.err().println("dataops4j: " + message);
            for (Diagnostic d : e.diagnostics()) {
                ctx.err().println("  " + d);
            }
        }
        ctx.err().flush();
        return exitCode;
    }

    /** Warnings, one per line, on standard error (not with --json: the document holds them). */
    static void warnings(CliContext ctx, List<Diagnostic> diagnostics) {
        if (ctx.json()) {
            return;
        }
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Diagnostic.Severity.WARNING) {
                ctx.err().println(d);
            }
        }
        ctx.err().flush();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        return first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
    }
}
