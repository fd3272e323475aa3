package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.config.ConfigOptions;
import io.dataops4j.adf.config.StageConfig;
import io.dataops4j.adf.internal.Access;
import io.dataops4j.core.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks a factory's source as Test-AdfCode does: unreadable JSON, a file name that is not the object's
 * {@code name}, references to missing objects (Synapse types aside), cycles, and every config file
 * ({@code deployment/*.csv|*.json}, or the ones given) applied in a dry run; warnings for no objects, names used
 * by several types, dashes in linked service/dataset/data flow names and in global parameter names.
 *
 * <pre>{@code
 * ValidationReport r = AdfValidator.validate(Path.of("adf"), List.of(), Environment.system());
 * r.print(System.out);
 * System.exit(r.hasErrors() ? 1 : 0);
 * }</pre>
 */
public final class AdfValidator {
    private AdfValidator() {
    }

    /**
     * @param root    the factory folder
     * @param configs config files to check; empty: every {@code .csv}/{@code .json} in {@code deployment/}
     * @param env     the variables {@code $Env:NAME} reads
     */
    public static ValidationReport validate(Path root, List<Path> configs, Environment env) {
        AdfFactory factory = AdfFactory.load(root);
        List<Diagnostic> d = new ArrayList<>(factory.diagnostics());
        if (factory.objects().isEmpty()) {
            d.add(Diagnostic.warning("ADFX0106", "No Azure Data Factory files have been found in a given location.", root, 0, null));
        }
        for (AdfObject o : factory.objects()) {
            Object n = Access.body(o).get("name");
            if (!(n instanceof String s) || !s.equalsIgnoreCase(o.name())) {
                if (o.type() != AdfObjectType.FACTORY || n != null) {
                    d.add(Diagnostic.error("ADFX0102", "Object " + o.fullName() + " has mismatch file name (its name is "
                            + (n == null ? "missing" : "'" + n + "'") + ").", o.file().orElse(null), 0, "$.name"));
                }
            }
        }
        d.addAll(factory.dependencyDiagnostics(false));
        Map<String, List<AdfObject>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (AdfObject o : factory.objects()) {
            byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
        }
        byName.forEach((n, l) -> {
            if (l.size() > 1) {
                d.add(Diagnostic.warning("ADFX0103", "Duplication of object name: " + n + " (" + l + ")", null, 0, null));
            }
        });
        for (AdfObject o : factory.objects()) {
            if ((o.type() == AdfObjectType.LINKED_SERVICE || o.type() == AdfObjectType.DATASET || o.type() == AdfObjectType.DATAFLOW)
                    && o.name().contains("-")) {
                d.add(Diagnostic.warning("ADFX0104", "Dashes ('-') are not allowed in the names of linked services, data flows, and datasets ("
                        + o.name() + ").", o.file().orElse(null), 0, null));
            }
            if (o.type() == AdfObjectType.FACTORY && Access.body(o).get("properties") instanceof Map<?, ?> p
                    && p.get("globalParameters") instanceof Map<?, ?> gp) {
                for (Object k : gp.keySet()) {
                    if (String.valueOf(k).contains("-")) {
                        d.add(Diagnostic.warning("ADFX0105", "Dashes ('-') are not allowed in the names of global parameters (" + k + ").",
                                o.file().orElse(null), 0, "globalParameters." + k));
                    }
                }
            }
        }
        List<Path> files = new ArrayList<>(configs);
        if (files.isEmpty()) {
            Path dep = root.resolve("deployment");
            if (Files.isDirectory(dep)) {
                try (Stream<Path> s = Files.list(dep)) {
                    s.filter(p -> {
                        String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return f.endsWith(".csv") || f.endsWith(".json");
                    }).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dep, e);
                }
            }
        }
        Map<Path, List<Diagnostic>> perConfig = new LinkedHashMap<>();
        ConfigOptions options = ConfigOptions.defaults().environment(env);
        for (Path f : files) {
            perConfig.put(f, StageConfig.load(f).applyTo(factory, options).diagnostics());
        }
        return new ValidationReport(factory.name(), factory.objects().size(), d, perConfig);
    }
}
