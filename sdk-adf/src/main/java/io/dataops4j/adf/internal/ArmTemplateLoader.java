package io.dataops4j.adf.internal;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an adf_publish ARM template pair. Resource names ({@code [concat(parameters('factoryName'), '/PL_X')]})
 * and property values ({@code [parameters('LS_properties_typeProperties_url')]}) are evaluated with the
 * template functions ADF's export uses: {@code parameters}, {@code variables}, {@code concat}; anything else is
 * an error naming the resource and path.
 */
public final class ArmTemplateLoader {
    private static final String PREFIX = "microsoft.datafactory/factories";

    private ArmTemplateLoader() {
    }

    @SuppressWarnings("unchecked")
    public static AdfFactory load(Path template, Path parameters) {
        Map<String, Object> t = readObject(template);
        Map<String, Object> p = parameters == null ? Map.of() : readObject(parameters);
        Map<String, Object> values = new LinkedHashMap<>();
        if (t.get("parameters") instanceof Map<?, ?> defs) {
            ((Map<String, Object>) defs).forEach((k, v) -> {
                if (v instanceof Map<?, ?> def && def.containsKey("defaultValue")) {
                    values.put(k.toLowerCase(Locale.ROOT), def.get("defaultValue"));
                }
            });
        }
        if (p.get("parameters") instanceof Map<?, ?> given) {
            ((Map<String, Object>) given).forEach((k, v) -> {
                if (v instanceof Map<?, ?> def && def.containsKey("value")) {
                    values.put(k.toLowerCase(Locale.ROOT), def.get("value"));
                }
            });
        }
        List<Diagnostic> d = new ArrayList<>();
        Evaluator ev = new Evaluator(values, new LinkedHashMap<>());
        if (t.get("variables") instanceof Map<?, ?> vars) {
            ((Map<String, Object>) vars).forEach((k, v) -> {
                try {
                    ev.variables.put(k.toLowerCase(Locale.ROOT), ev.value(v));
                } catch (IllegalArgumentException e) {
                    d.add(Diagnostic.error("ADFX0115", "variable " + k + ": " + e.getMessage(), template, 0, "variables." + k));
                }
            });
        }
        Object fn = values.get("factoryname");
        String factoryName = fn instanceof String s ? s : template.getFileName().toString();
        List<AdfObject> objects = new ArrayList<>();
        Map<String, Object> globalParameters = null;
        List<Object> resources = t.get("resources") instanceof List<?> l ? (List<Object>) l : List.of();
        for (int i = 0; i < resources.size(); i++) {
            if (!(resources.get(i) instanceof Map<?, ?> rm)) {
                continue;
            }
            Map<String, Object> r = (Map<String, Object>) rm;
            String where = "resources[" + i + "]";
            String rtype = r.get("type") instanceof String s ? s : "";
            String lower = rtype.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(PREFIX)) {
                continue;
            }
            String rest = lower.substring(PREFIX.length());
            Object name;
            Object props;
            try {
                name = ev.value(r.get("name"));
                props = ev.value(r.get("properties"));
            } catch (IllegalArgumentException e) {
                d.add(Diagnostic.error("ADFX0115", "cannot evaluate " + where + " (" + rtype + "): " + e.getMessage(), template, 0, where));
                continue;
            }
            String full = String.valueOf(name);
            String objName = full.substring(full.lastIndexOf('/') + 1);
            if (rest.isEmpty()) {
                if (props instanceof Map<?, ?> pm && pm.get("globalParameters") instanceof Map<?, ?> gp) {
                    globalParameters = (Map<String, Object>) gp;
                }
                continue;
            }
            if (rest.equals("/globalparameters")) {
                globalParameters = props instanceof Map<?, ?> pm ? (Map<String, Object>) pm : new LinkedHashMap<>();
                continue;
            }
            AdfObjectType type = null;
            for (AdfObjectType ty : AdfObjectType.values()) {
                if (ty.armType() != null && rest.equals("/" + ty.armType().toLowerCase(Locale.ROOT))) {
                    type = ty;
                }
            }
            if (type == null) {
                d.add(Diagnostic.warning("ADFX0126", "resource type " + rtype + " is not a Data Factory object this tool deploys: skipped",
                        template, 0, where));
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", objName);
            body.put("properties", props == null ? new LinkedHashMap<>() : props);
            objects.add(Access.object(type, objName, body, template, Set.of(), false));
            FolderLoader.check(type, objName, body, template, d);
        }
        if (globalParameters != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("globalParameters", globalParameters);
            body.put("name", factoryName);
            body.put("properties", props);
            objects.add(Access.object(AdfObjectType.FACTORY, factoryName, body, template, Set.of(), false));
        }
        return Access.factory(factoryName, null, objects, d);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(Path f) {
        try {
            Object v = JsonTree.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (v instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new AdfException("cannot read the ARM template", List.of(Diagnostic.error("ADFX0101", "not a JSON object", f, 1, null)));
        } catch (JsonTree.SyntaxError e) {
            throw new AdfException("cannot read the ARM template", List.of(Diagnostic.error("ADFX0101", e.getMessage(), f, e.line(), null)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** ARM template expressions, the subset adf_publish templates use. */
    static final class Evaluator {
        private final Map<String, Object> parameters;
        private final Map<String, Object> variables;

        Evaluator(Map<String, Object> parameters, Map<String, Object> variables) {
            this.parameters = parameters;
            this.variables = variables;
        }

        @SuppressWarnings("unchecked")
        Object value(Object v) {
            if (v instanceof String s) {
                if (s.startsWith("[[")) {
                    return s.substring(1);
                }
                if (s.startsWith("[") && s.endsWith("]")) {
                    Parser p = new Parser(s.substring(1, s.length() - 1));
                    Object r = p.expr();
                    p.end();
                    return r;
                }
                return s;
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<String, Object>) m).forEach((k, x) -> out.put(k, value(x)));
                return out;
            }
            if (v instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(x -> out.add(value(x)));
                return out;
            }
            return v;
        }

        private final class Parser {
            private final String s;
            private int i;

            Parser(String s) {
                this.s = s;
            }

            void ws() {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }

            void end() {
                ws();
                if (i < s.length()) {
                    throw new IllegalArgumentException("unexpected '" + s.substring(i) + "' in [" + s + "]");
                }
            }

            Object expr() {
                ws();
                if (i >= s.length()) {
                    throw new IllegalArgumentException("incomplete expression [" + s + "]");
                }
                char c = s.charAt(i);
                if (c == '\'') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= s.length()) {
                            throw new IllegalArgumentException("unterminated string in [" + s + "]");
                        }
                        char d = s.charAt(i++);
                        if (d == '\'') {
                            if (i < s.length() && s.charAt(i) == '\'') {
                                sb.append('\'');
                                i++;
                                continue;
                            }
                            return sb.toString();
                        }
                        sb.append(d);
                    }
                }
                if (Character.isDigit(c) || c == '-') {
                    int st = i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    return new JsonTree.Num(s.substring(st, i));
                }
                int st = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                String fn = s.substring(st, i).toLowerCase(Locale.ROOT);
                ws();
                if (i >= s.length() || s.charAt(i) != '(') {
                    throw new IllegalArgumentException("expected '(' after '" + fn + "' in [" + s + "]");
                }
                i++;
                List<Object> args = new ArrayList<>();
                ws();
                if (i < s.length() && s.charAt(i) == ')') {
                    i++;
                } else {
                    while (true) {
                        args.add(expr());
                        ws();
                        if (i >= s.length()) {
                            throw new IllegalArgumentException("missing ')' in [" + s + "]");
                        }
                        char d = s.charAt(i++);
                        if (d == ')') {
                            break;
                        }
                        if (d != ',') {
                            throw new IllegalArgumentException("expected ',' or ')' in [" + s + "]");
                        }
                    }
                }
                switch (fn) {
                    case "parameters" -> {
                        String n = String.valueOf(args.get(0)).toLowerCase(Locale.ROOT);
                        if (!parameters.containsKey(n)) {
                            throw new IllegalArgumentException("parameter '" + args.get(0) + "' has no value (neither in the parameters file nor a defaultValue)");
                        }
                        return parameters.get(n);
                    }
                    case "variables" -> {
                        String n = String.valueOf(args.get(0)).toLowerCase(Locale.ROOT);
                        if (!variables.containsKey(n)) {
                            throw new IllegalArgumentException("variable '" + args.get(0) + "' is not defined");
                        }
                        return variables.get(n);
                    }
                    case "concat" -> {
                        StringBuilder sb = new StringBuilder();
                        for (Object a : args) {
                            sb.append(a instanceof String x ? x : JsonTree.write(a));
                        }
                        return sb.toString();
                    }
                    default -> throw new IllegalArgumentException("the template function " + fn + "() is not supported");
                }
            }
        }
    }
}
