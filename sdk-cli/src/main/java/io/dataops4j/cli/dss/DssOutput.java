package io.dataops4j.cli.dss;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.Redactor;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.json.RawJson;
import java.util.List;
import java.util.Map;

/** Printing helpers of the dss commands: one JSON document with {@code --json}, aligned text otherwise. */
final class DssOutput {
    private DssOutput() {
    }

    /** Prints a document: JSON with {@code --json}; the text lines otherwise. */
    static void print(CliContext ctx, Object document, List<String> lines) {
        if (ctx.json()) {
            ctx.printJson(document);
        } else {
            lines.forEach(l -> ctx.out().println(Redactor.text(l)));
            ctx.out().flush();
        }
    }

    /** A raw DSS object as a plain map (for JSON documents), secrets masked. */
    @SuppressWarnings("unchecked")
    static Object plain(RawJson raw) {
        if (raw == null) {
            return null;
        }
        return Json.shared().parseValue(Redactor.text(raw.json()));
    }

    /** Rows padded into columns. */
    static List<String> table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], cell(r, i).length());
            }
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(line(headers, widths));
        rows.forEach(r -> out.add(line(r, widths)));
        return out;
    }

    private static String cell(List<String> row, int i) {
        String s = i < row.size() ? row.get(i) : "";
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String c = cell(row, i);
            sb.append(c);
            if (i < widths.length - 1) {
                sb.append(" ".repeat(widths[i] - c.length() + 2));
            }
        }
        return sb.toString().stripTrailing();
    }

    static Map<String, Object> entry(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
