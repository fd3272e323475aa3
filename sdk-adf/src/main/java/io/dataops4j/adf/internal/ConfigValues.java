package io.dataops4j.adf.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types an updated value by the value it replaces, as Update-ObjectProperty does: a number stays a number, a
 * boolean a boolean, an object or array is parsed from JSON (single quotes allowed), a date-time string is kept as
 * written when it carries a zone ({@code Z}, {@code +hh:mm}) and otherwise written as
 * {@code yyyy-MM-ddTHH:mm:ss.fffZ} (same wall-clock time: no timezone shift), and anything else is a string.
 */
public final class ConfigValues {
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern HAS_ZONE = Pattern.compile("(?i).*(Z|[+-][0-9]{2}:[0-9]{2})$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

    private ConfigValues() {
    }

    /** The value does not fit the type of the value it replaces. */
    public static final class ValueTypeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final boolean empty;

        ValueTypeException(String message, boolean empty) {
            super(message);
            this.empty = empty;
        }

        /** True when the value was empty for a field that is not a string (the tool's ADFT0031). */
        public boolean empty() {
            return empty;
        }
    }

    /** Whether a string is what PowerShell's ConvertFrom-Json reads as a DateTime. */
    public static boolean isDateTime(Object v) {
        return v instanceof String s && ISO_DATE_TIME.matcher(s).matches();
    }

    /** What a current value's type is called in messages. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof JsonTree.Num) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        return isDateTime(v) ? "date-time" : "string";
    }

    /** The typed value replacing {@code current}. */
    public static Object typed(Object current, String value) {
        if (current == null) {
            throw new ValueTypeException("the current value is null, so its type (and the new value's) cannot be told", false);
        }
        boolean plainString = current instanceof String && !isDateTime(current);
        if (value.isEmpty() && !plainString) {
            throw new ValueTypeException("empty value for a " + typeName(current) + " field", true);
        }
        if (current instanceof JsonTree.Num) {
            String v = value.strip();
            if (!NUMBER.matcher(v).matches()) {
                throw new ValueTypeException("'" + value + "' is not a number, and the current value is one", false);
            }
            return new JsonTree.Num(normalizeNumber(v));
        }
        if (current instanceof Boolean) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("$true")) {
                return Boolean.TRUE;
            }
            if (v.equals("false") || v.equals("$false")) {
                return Boolean.FALSE;
            }
            throw new ValueTypeException("'" + value + "' is not a boolean (true/false), and the current value is one", false);
        }
        if (current instanceof Map) {
            try {
                return JsonTree.parseLenient(value);
            } catch (JsonTree.SyntaxError e) {
                throw new ValueTypeException("the current value is a JSON object and '" + value + "' is not JSON: " + e.getMessage(), false);
            }
        }
        if (current instanceof List) {
            return array(value);
        }
        if (isDateTime(current)) {
            return dateTime(value);
        }
        return value;
    }

    private static String normalizeNumber(String v) {
        String s = v.startsWith("+") ? v.substring(1) : v;
        if (s.startsWith(".")) {
            s = "0" + s;
        } else if (s.startsWith("-.")) {
            s = "-0" + s.substring(1);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        // JSON forbids leading zeros
        String sign = s.startsWith("-") ? "-" : "";
        String rest = sign.isEmpty() ? s : s.substring(1);
        while (rest.length() > 1 && rest.charAt(0) == '0' && Character.isDigit(rest.charAt(1))) {
            rest = rest.substring(1);
        }
        return sign + rest;
    }

    private static Object dateTime(String value) {
        String v = value.strip();
        if (HAS_ZONE.matcher(v).matches()) {
            return v;
        }
        LocalDateTime t;
        try {
            t = LocalDateTime.parse(v.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            try {
                t = LocalDate.parse(v).atStartOfDay();
            } catch (DateTimeParseException e2) {
                throw new ValueTypeException("'" + value + "' is not a date-time, and the current value is one", false);
            }
        }
        return OUT.format(t);
    }

    /** A JSON array, or PowerShell's {@code 1,2,'x'} / {@code @(1,2,'x')}. */
    private static Object array(String value) {
        String v = value.strip();
        if (v.startsWith("[")) {
            try {
                return JsonTree.parseLenient(v);
            } catch (JsonTree.SyntaxError e) {
                throw new ValueTypeException("the current value is an array and '" + value + "' is not a JSON array: " + e.getMessage(), false);
            }
        }
        if (v.startsWith("@(") && v.endsWith(")")) {
            v = v.substring(2, v.length() - 1).strip();
        }
        List<Object> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        int i = 0;
        while (i <= v.length()) {
            while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
                i++;
            }
            if (i < v.length() && (v.charAt(i) == '\'' || v.charAt(i) == '"')) {
                char q = v.charAt(i);
                StringBuilder sb = new StringBuilder();
                int k = i + 1;
                while (true) {
                    if (k >= v.length()) {
                        throw new ValueTypeException("unterminated quote in the array value '" + value + "'", false);
                    }
                    char c = v.charAt(k);
                    if (c == q) {
                        if (k + 1 < v.length() && v.charAt(k + 1) == q) {
                            sb.append(q);
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(c);
                    k++;
                }
                out.add(sb.toString());
                i = k + 1;
                while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
                    i++;
                }
            } else {
                int comma = v.indexOf(',', i);
                String item = (comma < 0 ? v.substring(i) : v.substring(i, comma)).strip();
                String lower = item.toLowerCase(Locale.ROOT);
                if (NUMBER.matcher(item).matches()) {
                    out.add(new JsonTree.Num(normalizeNumber(item)));
                } else if (lower.equals("$true") || lower.equals("$false")) {
                    out.add(lower.equals("$true"));
                } else if (lower.equals("$null")) {
                    out.add(null);
                } else {
                    throw new ValueTypeException("the current value is an array and '" + item
                            + "' in '" + value + "' is neither a number, a quoted string, $true, $false nor $null", false);
                }
                i = comma < 0 ? v.length() : comma;
            }
            if (i >= v.length()) {
                break;
            }
            if (v.charAt(i) != ',') {
                throw new ValueTypeException("expected ',' in the array value '" + value + "'", false);
            }
            i++;
        }
        return out;
    }
}
