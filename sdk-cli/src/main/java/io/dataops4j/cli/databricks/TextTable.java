package io.dataops4j.cli.databricks;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned table. */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers) {
        this.headers = headers;
    }

    void add(List<String> row) {
        List<String> r = new ArrayList<>();
        row.forEach(v -> r.add(v == null ? "" : v.replace('\n', ' ')));
        rows.add(r);
    }

    void print(PrintWriter out) {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        line(out, headers, w);
        for (List<String> r : rows) {
            line(out, r, w);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            sb.append(c);
            if (i < w.length - 1) {
                sb.append(" ".repeat(w[i] - c.length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
