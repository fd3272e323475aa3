package io.dataops4j.adf.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as the config files use it: comma-separated, {@code "quoted, fields"} with {@code ""} for a quote (possibly
 * across lines), quotes inside an unquoted field taken literally, blank lines and lines starting with {@code #}
 * skipped. Each record knows the physical line it starts on.
 */
public final class Csv {
    /** One record. */
    public record Record(int line, List<String> fields) {
    }

    /** A quote left open. */
    public static final class CsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        CsvException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    public static List<Record> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            int lineEnd = text.indexOf('\n', i);
            String physical = text.substring(i, lineEnd < 0 ? n : lineEnd);
            String trimmed = physical.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i = lineEnd < 0 ? n : lineEnd + 1;
                line++;
                continue;
            }
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            while (true) {
                if (i >= n) {
                    if (quoted) {
                        throw new CsvException("a quoted field opened on line " + startLine + " is never closed", startLine);
                    }
                    fields.add(f.toString());
                    break;
                }
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            f.append('"');
                            i += 2;
                        } else {
                            quoted = false;
                            i++;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        f.append(c);
                        i++;
                    }
                    continue;
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                    i++;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                    fieldStart = true;
                    i++;
                } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                } else if (c == '\n') {
                    fields.add(f.toString());
                    i++;
                    line++;
                    break;
                } else {
                    f.append(c);
                    fieldStart = false;
                    i++;
                }
            }
            out.add(new Record(startLine, fields));
        }
        return out;
    }
}
