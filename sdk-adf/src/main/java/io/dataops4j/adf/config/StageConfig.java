package io.dataops4j.adf.config;

import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.internal.Access;
import io.dataops4j.adf.internal.ConfigPath;
import io.dataops4j.adf.internal.ConfigValues;
import io.dataops4j.adf.internal.Csv;
import io.dataops4j.adf.internal.EnvExpander;
import io.dataops4j.adf.internal.JsonTree;
import io.dataops4j.adf.internal.Wildcard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage configuration ({@code deployment/config-{stage}.csv} or its JSON form) with the semantics of
 * azure.datafactory.tools: rows {@code type,name,path,value}; names with wildcards ({@code * ? [a-z]},
 * case-insensitive); {@code +path} adds, {@code -path} removes, a plain path updates; {@code $.properties.} may
 * lead; paths take dotted and quoted members and indexers by position or by item name; an updated value takes
 * the type of the value it replaces; {@code $Env:NAME} and {@code $($Env:NAME)} are expanded (nothing else is
 * evaluated). Every error names the file, line and path, with the tool's code.
 *
 * <p>Differences from the tool, all deliberate: every error of a file is reported (not only the first) and
 * nothing of a file whose rows are malformed is applied; a JSON config key may be {@code type.name} to pick the
 * type; {@code -} rows and {@code +} rows accept the full path syntax; a {@code +} row on an existing property is
 * an error (ADFX0123) rather than PowerShell's "member already exists"; PowerShell subexpressions other than
 * environment variables are left as written, with a warning.
 *
 * <pre>{@code
 * AdfFactory dev = AdfFactory.load(Path.of("adf"));
 * ConfigResult prod = StageConfig.load(StageConfig.resolve(Path.of("adf"), "prod")).applyTo(dev).throwIfErrors();
 * prod.factory().writeTo(Path.of("out"));
 * }</pre>
 */
public final class StageConfig {
    private static final Pattern TYPED_KEY = Pattern.compile("(?i)^(integrationRuntime|pipeline|dataset|dataflow|linkedService|trigger"
            + "|factory|managedVirtualNetwork|managedPrivateEndpoint|credential)\\.(.+)$");

    private final Path file;
    private final boolean json;
    private final List<Row> rows;
    private final List<Diagnostic> readDiagnostics;

    /** One row: physical line, type (null for JSON entries, resolved at apply time), name, path, value. */
    private record Row(int line, String type, String name, String path, String value) {
    }

    private StageConfig(Path file, boolean json, List<Row> rows, List<Diagnostic> readDiagnostics) {
        this.file = file;
        this.json = json;
        this.rows = List.copyOf(rows);
        this.readDiagnostics = List.copyOf(readDiagnostics);
    }

    /**
     * The config file for a stage, as {@code -Stage} has it: a path ending in {@code .csv} or {@code .json} is
     * the file itself; anything else names {@code {root}/deployment/config-{stage}.csv}.
     */
    public static Path resolve(Path root, String stage) {
        String s = stage.toLowerCase(Locale.ROOT);
        if (s.endsWith(".csv") || s.endsWith(".json")) {
            Path p = Path.of(stage);
            return p.isAbsolute() || Files.exists(p) ? p : root.resolve(stage);
        }
        return root.resolve("deployment").resolve("config-" + stage + ".csv");
    }

    /** Reads a config file ({@code .json} by extension, CSV otherwise). Malformed rows become error diagnostics. */
    public static StageConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new StageConfig(file, false, List.of(), List.of(Diagnostic.error("ADFX0124",
                    "Config file does not exist: " + file, file, 0, null)));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? parseJson(text, file) : parseCsv(text, file);
    }

    /** Parses CSV text; {@code file} is only used in messages. */
    public static StageConfig parseCsv(String text, Path file) {
        List<Diagnostic> d = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(text);
        } catch (Csv.CsvException e) {
            d.add(Diagnostic.error("ADFX0122", e.getMessage(), file, e.line(), null));
            return new StageConfig(file, false, rows, d);
        }
        if (records.isEmpty() || !isHeader(records.get(0).fields())) {
            d.add(Diagnostic.error("ADFT0020", "The header of config file is wrong. The header must have only 4 columns named: "
                    + "type, name, path, value.", file, records.isEmpty() ? 1 : records.get(0).line(), null));
            return new StageConfig(file, false, rows, d);
        }
        if (records.size() == 1) {
            d.add(Diagnostic.warning("ADFX0111", "Config file is empty.", file, 0, null));
        }
        boolean bad = false;
        for (Csv.Record r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            String type = f.get(0).strip();
            String name = f.size() > 1 ? f.get(1).strip() : "";
            String path = f.size() > 2 ? f.get(2).strip() : "";
            String value = f.size() > 3 ? f.get(3) : "";
            int line = r.line();
            String where = "Config file, row " + line + " : ";
            int before = d.size();
            if (type.isEmpty()) {
                d.add(Diagnostic.error("ADFT0021", where + "Value in column 'Type' is empty.", file, line, path));
            } else if (AdfObjectType.parse(type).isEmpty()) {
                d.add(Diagnostic.error("ADFT0022", where + "Type (" + type + ") is not supported.", file, line, path));
            }
            if (name.isEmpty()) {
                d.add(Diagnostic.error("ADFT0023", where + "Value in column 'Name' is empty.", file, line, path));
            }
            if (path.isEmpty()) {
                d.add(Diagnostic.error("ADFT0024", where + "Value in column 'Path' is empty.", file, line, path));
            }
            if (f.size() > 4) {
                d.add(Diagnostic.error("ADFT0025", where + "has too many columns (" + f.size() + ").", file, line, path));
            }
            if (value.isEmpty() && !path.startsWith("-")) {
                d.add(Diagnostic.warning("ADFX0112", where + "Value in column 'Value' is empty.", file, line, path));
            }
            if (d.subList(before, d.size()).stream().anyMatch(Diagnostic::isError)) {
                bad = true;
            }
            rows.add(new Row(line, type, name, path, value));
        }
        return new StageConfig(file, false, bad ? List.of() : rows, d);
    }

    private static boolean isHeader(List<String> f) {
        return f.size() == 4 && f.get(0).equalsIgnoreCase("type") && f.get(1).equalsIgnoreCase("name")
                && f.get(2).equalsIgnoreCase("path") && f.get(3).equalsIgnoreCase("value");
    }

    /**
     * Parses the JSON form: {@code {"<objectName or type.name>": [{"name": "<path>", "value": "...",
     * "action": "update|add|remove"}]}}.
     */
    @SuppressWarnings("unchecked")
    public static StageConfig parseJson(String text, Path file) {
        List<Diagnostic> d = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        IdentityHashMap<Object, Integer> lines = new IdentityHashMap<>();
        Object root;
        try {
            root = JsonTree.parse(text, true, lines);
        } catch (JsonTree.SyntaxError e) {
            d.add(Diagnostic.error("ADFX0116", "Config file is not valid JSON: " + e.getMessage(), file, e.line(), null));
            return new StageConfig(file, true, rows, d);
        }
        if (!(root instanceof Map<?, ?> top)) {
            d.add(Diagnostic.error("ADFX0116", "Config file must hold a JSON object of object names", file, 1, null));
            return new StageConfig(file, true, rows, d);
        }
        boolean bad = false;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) top).entrySet()) {
            List<Object> entries = e.getValue() instanceof List<?> l ? (List<Object>) l : List.of(e.getValue());
            for (Object entry : entries) {
                int line = lines.getOrDefault(entry, lines.getOrDefault(e.getValue(), 0));
                if (!(entry instanceof Map<?, ?> m)) {
                    d.add(Diagnostic.error("ADFX0116", "entry of \"" + e.getKey() + "\" must be an object {name, value, action}", file, line, null));
                    bad = true;
                    continue;
                }
                Object p = m.get("name");
                Object v = m.get("value");
                String action = m.get("action") instanceof String a ? a.toLowerCase(Locale.ROOT) : "update";
                String path = p == null ? "" : p instanceof String s ? s.strip() : JsonTree.write(p);
                String value = v == null ? "" : v instanceof String s ? s : JsonTree.write(v);
                if (path.isEmpty()) {
                    d.add(Diagnostic.error("ADFT0024", "Config entry of [" + e.getKey() + "] : Value of 'name' (the path) is empty.", file, line, null));
                    bad = true;
                    continue;
                }
                if (action.equals("remove")) {
                    path = "-" + path;
                } else if (action.equals("add")) {
                    path = "+" + path;
                }
                if (value.isEmpty() && !path.startsWith("-")) {
                    d.add(Diagnostic.warning("ADFX0112", "Config entry of [" + e.getKey() + "] : 'value' is empty.", file, line, path));
                }
                rows.add(new Row(line, null, e.getKey(), path, value));
            }
        }
        return new StageConfig(file, true, bad ? List.of() : rows, d);
    }

    /** The file this config was read from. */
    public Path file() {
        return file;
    }

    /** Whether it is the JSON form. */
    public boolean isJson() {
        return json;
    }

    /** The number of rows (entries) it holds. */
    public int size() {
        return rows.size();
    }

    /** Findings of reading the file alone (malformed rows, empty values). */
    public List<Diagnostic> readDiagnostics() {
        return readDiagnostics;
    }

    /** Applies with the default options: missing objects and paths are errors; the process environment. */
    public ConfigResult applyTo(AdfFactory factory) {
        return applyTo(factory, ConfigOptions.defaults());
    }

    /** Applies the rows in order to copies of the objects. Never throws for the content: see the result. */
    @SuppressWarnings("unchecked")
    public ConfigResult applyTo(AdfFactory factory, ConfigOptions options) {
        List<Diagnostic> d = new ArrayList<>(readDiagnostics);
        if (readDiagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new ConfigResult(factory, d, 0, 0, 0);
        }
        Map<AdfObject, Map<String, Object>> copies = new LinkedHashMap<>();
        int[] counts = new int[3];
        for (Row row : rows) {
            List<String> undefined = new ArrayList<>();
            List<String> unsupported = new ArrayList<>();
            String value = EnvExpander.expand(row.value(), options.environment(), undefined, unsupported);
            for (String u : undefined) {
                d.add(new Diagnostic(Diagnostic.Severity.INFO, "ADFX0109", "environment variable " + u + " is not set: expanded to \"\"",
                        file, row.line(), row.path()));
            }
            for (String u : unsupported) {
                d.add(Diagnostic.warning("ADFX0110", "'" + u + "' is left as written: only $Env:NAME and $($Env:NAME) are expanded",
                        file, row.line(), row.path()));
            }
            AdfObjectType type;
            String namePattern = row.name();
            if (row.type() != null) {
                type = AdfObjectType.parse(row.type()).orElseThrow();
            } else {
                Matcher tm = TYPED_KEY.matcher(namePattern);
                if (tm.matches()) {
                    type = AdfObjectType.parse(tm.group(1)).orElseThrow();
                    namePattern = tm.group(2);
                } else {
                    type = null;
                    for (AdfObject o : factory.objects()) {
                        if (matches(namePattern, o.name(), d, row)) {
                            type = o.type();
                            break;
                        }
                    }
                    if (type == null) {
                        notFound(d, options, "ADFT0017", "Object [" + namePattern + "] could not be found.", row);
                        continue;
                    }
                }
            }
            List<AdfObject> targets = new ArrayList<>();
            for (AdfObject o : factory.objects(type)) {
                if (matches(namePattern, o.name(), d, row)) {
                    targets.add(o);
                }
            }
            if (targets.isEmpty()) {
                notFound(d, options, "ADFT0007", "Could not find object: " + type.configName() + "." + namePattern, row);
                continue;
            }
            String path = row.path();
            String action = "update";
            if (path.startsWith("+")) {
                action = "add";
                path = path.substring(1);
            } else if (path.startsWith("-")) {
                action = "remove";
                path = path.substring(1);
            }
            if (path.startsWith("$.properties.")) {
                path = path.substring("$.properties.".length());
            }
            for (AdfObject o : targets) {
                Map<String, Object> body = copies.computeIfAbsent(o, x -> (Map<String, Object>) JsonTree.copy(Access.body(x)));
                String where = o.type().configName() + "." + o.name() + "(properties." + path + ")";
                List<ConfigPath.Seg> segs;
                try {
                    if (path.startsWith("$")) {
                        throw new ConfigPath.PathSyntaxException("only the prefix '$.properties.' is understood; write the path relative to properties");
                    }
                    segs = ConfigPath.parse(path);
                } catch (ConfigPath.PathSyntaxException e) {
                    wrongPath(d, options, where, e.getMessage(), row);
                    continue;
                }
                Object props = body.get("properties");
                if (action.equals("add")) {
                    if (!(props instanceof Map)) {
                        props = new LinkedHashMap<String, Object>();
                        body.put("properties", props);
                    }
                    String why = ConfigPath.add(props, segs, value);
                    if (why != null) {
                        d.add(Diagnostic.error("ADFX0123", "Cannot add for object(path): " + where + ": " + why, file, row.line(), row.path()));
                    } else {
                        counts[1]++;
                    }
                    continue;
                }
                ConfigPath.Slot slot = props == null ? null : ConfigPath.locate(props, segs);
                if (slot == null) {
                    String missing = props == null ? "properties" : ConfigPath.firstMissing(props, segs);
                    wrongPath(d, options, where, "'" + missing + "' does not exist", row);
                    continue;
                }
                if (action.equals("remove")) {
                    slot.remove();
                    counts[2]++;
                    continue;
                }
                try {
                    slot.set(ConfigValues.typed(slot.get(), value));
                    counts[0]++;
                } catch (ConfigValues.ValueTypeException e) {
                    if (e.empty()) {
                        d.add(Diagnostic.error("ADFT0031", "Empty value in config file. Path: [properties." + path + "] of "
                                + o.fullName() + " (" + e.getMessage() + ").", file, row.line(), row.path()));
                    } else {
                        d.add(Diagnostic.error("ADFX0108", "Value does not fit for object(path): " + where + ": " + e.getMessage(),
                                file, row.line(), row.path()));
                    }
                }
            }
        }
        if (copies.isEmpty()) {
            return new ConfigResult(factory, d, counts[0], counts[1], counts[2]);
        }
        List<AdfObject> out = new ArrayList<>();
        for (AdfObject o : factory.objects()) {
            Map<String, Object> changed = copies.get(o);
            out.add(changed == null ? o : Access.object(o.type(), o.name(), changed, o.file().orElse(null), Set.of(), true));
        }
        AdfFactory result = Access.factory(factory.name(), factory.root().orElse(null), out, factory.diagnostics());
        return new ConfigResult(result, d, counts[0], counts[1], counts[2]);
    }

    private boolean matches(String pattern, String name, List<Diagnostic> d, Row row) {
        try {
            return Wildcard.matches(pattern, name);
        } catch (IllegalArgumentException e) {
            if (d.stream().noneMatch(x -> x.code().equals("ADFX0114") && x.line() == row.line())) {
                d.add(Diagnostic.error("ADFX0114", e.getMessage(), file, row.line(), row.path()));
            }
            return false;
        }
    }

    private void notFound(List<Diagnostic> d, ConfigOptions o, String code, String message, Row row) {
        if (o.failsWhenConfigItemNotFound()) {
            d.add(Diagnostic.error(code, message, file, row.line(), row.path()));
        } else {
            d.add(Diagnostic.warning(code, message + ", skipping...", file, row.line(), row.path()));
        }
    }

    private void wrongPath(List<Diagnostic> d, ConfigOptions o, String where, String detail, Row row) {
        String message = "Wrong path defined in config for object(path): " + where + ": " + detail;
        if (o.failsWhenPathNotFound()) {
            d.add(Diagnostic.error("ADFT0010", message, file, row.line(), row.path()));
        } else {
            d.add(Diagnostic.warning("ADFT0010", message + ", skipping...", file, row.line(), row.path()));
        }
    }

    @Override
    public String toString() {
        return "StageConfig[" + file + ", " + rows.size() + " rows]";
    }
}
