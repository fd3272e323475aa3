package io.dataops4j.adf.internal;

import io.dataops4j.core.config.Environment;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code $Env:NAME}, {@code $($Env:NAME)} and {@code ${Env:NAME}} in config values, as PowerShell's
 * ExpandString would; an unset variable gives "" (as in PowerShell). Nothing else is evaluated: other
 * {@code $name} or {@code $(...)} text stays as written and is reported. {@code `$} is a literal {@code $}.
 */
public final class EnvExpander {
    private static final Pattern TOKEN = Pattern.compile(
            "`\\$|\\$\\(\\s*\\$(?i:env):([A-Za-z0-9_]+)\\s*\\)|\\$\\{(?i:env):([A-Za-z0-9_]+)}|\\$(?i:env):([A-Za-z0-9_]+)"
                    + "|\\$\\([^)]*\\)|\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_:]*");

    private EnvExpander() {
    }

    /**
     * @param undefined   receives names of variables that are not set
     * @param unsupported receives expressions left as written
     */
    public static String expand(String value, Environment env, List<String> undefined, List<String> unsupported) {
        if (value == null || value.indexOf('$') < 0) {
            return value;
        }
        Matcher m = TOKEN.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String tok = m.group();
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String rep;
            if (tok.equals("`$")) {
                rep = "$";
            } else if (name != null) {
                String v = lookup(env, name);
                if (v == null) {
                    undefined.add(name);
                    v = "";
                }
                rep = v;
            } else {
                unsupported.add(tok);
                rep = tok;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String lookup(Environment env, String name) {
        String v = env.get(name);
        if (v == null) {
            // Windows environment names are case-insensitive
            String upper = name.toUpperCase(Locale.ROOT);
            if (!upper.equals(name)) {
                v = env.get(upper);
            }
        }
        return v;
    }
}
