package io.dataops4j.adf.deploy;

import io.dataops4j.adf.Diagnostic;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link AdfValidator} found. The counts follow Test-AdfCode: factory errors plus one per config file that
 * fails, and factory warnings; {@link #diagnostics()} and {@link #configs()} list everything.
 *
 * @param factoryName  the factory
 * @param objectCount  objects loaded
 * @param diagnostics  findings on the factory (JSON, names, references, cycles)
 * @param configs      findings per config file applied in a dry run
 */
public record ValidationReport(String factoryName, int objectCount, List<Diagnostic> diagnostics, Map<Path, List<Diagnostic>> configs) {
    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
        configs = Map.copyOf(configs);
    }

    public int errorCount() {
        long factoryErrors = diagnostics.stream().filter(Diagnostic::isError).count();
        long failedConfigs = configs.values().stream().filter(l -> l.stream().anyMatch(Diagnostic::isError)).count();
        return (int) (factoryErrors + failedConfigs);
    }

    public int warningCount() {
        return (int) diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** Prints every finding and the summary Test-AdfCode prints. */
    public void print(PrintStream out) {
        diagnostics.forEach(out::println);
        configs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            boolean failed = e.getValue().stream().anyMatch(Diagnostic::isError);
            out.println("config " + e.getKey() + ": " + (failed ? "FAILED" : "ok"));
            e.getValue().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).forEach(d -> out.println("  " + d));
        });
        out.println(factoryName + ": " + objectCount + " objects, " + errorCount() + " error(s), " + warningCount() + " warning(s)");
    }
}
