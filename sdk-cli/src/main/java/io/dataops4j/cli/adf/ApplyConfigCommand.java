package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.config.ConfigOptions;
import io.dataops4j.adf.config.ConfigResult;
import io.dataops4j.adf.config.StageConfig;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dataops4j adf apply-config --root DIR --stage STAGE --output DIR}: the factory as the stage would deploy it,
 * written in the Git layout, offline.
 */
@Command(name = "apply-config",
        description = {"Apply a stage config to a factory and write the result (the factory as it would be deployed) in the "
                + "ADF Git layout. Offline. Exits with 2 when the factory or the config has errors."})
public final class ApplyConfigCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The factory's folder (ADF Git layout).")
    Path root;

    @Option(names = "--stage", paramLabel = "STAGE", required = true,
            description = "A name (DIR/deployment/config-STAGE.csv) or a .csv/.json config file.")
    String stage;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where to write the factory (an empty or new folder).")
    Path output;

    @Option(names = "--overwrite", description = "Write into a folder that is not empty (files of the same names are replaced).")
    boolean overwrite;

    @Option(names = "--lenient-config", description = "Config rows naming no object and paths not found are warnings, not errors.")
    boolean lenientConfig;

    ApplyConfigCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConfigResult result;
        try {
            AdfFactory source = AdfFactory.load(root);
            if (source.diagnostics().stream().anyMatch(Diagnostic::isError)) {
                throw new AdfException("the factory source has errors", source.diagnostics());
            }
            ConfigOptions options = ConfigOptions.defaults().environment(ctx.environment())
                    .failsWhenConfigItemNotFound(!lenientConfig).failsWhenPathNotFound(!lenientConfig);
            result = StageConfig.load(StageConfig.resolve(root, stage)).applyTo(source, options).throwIfErrors();
        } catch (AdfException e) {
            return AdfOutput.report(ctx, e, ExitCodes.USAGE);
        }
        if (!overwrite && notEmpty(output)) {
            throw new IllegalArgumentException("--output " + output + " is not empty (--overwrite writes into it anyway)");
        }
        AdfFactory factory = result.factory();
        factory.writeTo(output);
        List<String> modified = new ArrayList<>();
        for (AdfObject o : factory.objects()) {
            if (o.modified()) {
                modified.add(o.fullName());
            }
        }
        List<Diagnostic> warnings = result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
        if (ctx.json()) {
            ctx.printJson(new AdfJson.Applied(factory.name(), stage, output.toString(), factory.objects().size(), modified,
                    AdfJson.Finding.of(warnings)));
        } else {
            AdfOutput.warnings(ctx, warnings);
            ctx.out().println("Wrote " + factory.objects().size() + " objects of " + factory.name() + " to " + output + " (stage " + stage
                    + ": " + result.updated() + " updated, " + result.added() + " added, " + result.removed() + " removed properties in "
                    + modified.size() + " objects).");
            ctx.out().flush();
        }
        return ExitCodes.OK;
    }

    private static boolean notEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
