package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.deploy.AdfValidator;
import io.dataops4j.adf.deploy.ValidationReport;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dataops4j adf validate --root DIR [--config FILE]...}: azure.datafactory.tools' Test-AdfCode, offline.
 * Exits with 2 when it finds an error.
 */
@Command(name = "validate",
        description = {"Check a factory's source as Test-AdfCode does: unreadable JSON, file names that are not the object's name, "
                + "missing references, cycles, and every config file applied in a dry run (deployment/*.csv|*.json, or the "
                + "--config files); warnings for duplicate names and dashes. Offline. Exits with 2 on errors."})
public final class ValidateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The factory's folder (ADF Git layout).")
    Path root;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file to check (repeatable); default: every one in DIR/deployment.")
    List<Path> configs = new ArrayList<>();

    ValidateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ValidationReport report;
        try {
            report = AdfValidator.validate(root, configs, ctx.environment());
        } catch (AdfException e) {
            return AdfOutput.report(ctx, e, ExitCodes.USAGE);
        }
        if (ctx.json()) {
            ctx.printJson(AdfJson.Validation.of(report));
        } else {
            print(report, ctx.out());
        }
        return report.hasErrors() ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private static void print(ValidationReport r, PrintWriter out) {
        r.diagnostics().forEach(out::println);
        r.configs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            boolean failed = e.getValue().stream().anyMatch(Diagnostic::isError);
            out.println("config " + e.getKey() + ": " + (failed ? "FAILED" : "ok"));
            e.getValue().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).forEach(d -> out.println("  " + d));
        });
        out.println(r.factoryName() + ": " + r.objectCount() + " objects, " + r.errorCount() + " error(s), " + r.warningCount() + " warning(s)");
        out.flush();
    }
}
