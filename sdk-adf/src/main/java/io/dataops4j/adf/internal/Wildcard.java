package io.dataops4j.adf.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** PowerShell {@code -like}: {@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}, backtick escapes; case-insensitive. */
public final class Wildcard {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Wildcard() {
    }

    public static boolean matches(String pattern, String text) {
        return compile(pattern).matcher(text).matches();
    }

    /** @throws IllegalArgumentException when a {@code [} has no closing {@code ]} */
    public static Pattern compile(String pattern) {
        Pattern p = CACHE.get(pattern);
        if (p == null) {
            p = Pattern.compile(toRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
            if (CACHE.size() < 10_000) {
                CACHE.put(pattern, p);
            }
        }
        return p;
    }

    private static String toRegex(String w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '`' -> {
                    if (i + 1 < w.length()) {
                        sb.append(Pattern.quote(String.valueOf(w.charAt(++i))));
                    } else {
                        sb.append(Pattern.quote("`"));
                    }
                }
                case '[' -> {
                    int end = w.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("the wildcard pattern '" + w + "' is not valid: '[' has no closing ']'");
                    }
                    String set = w.substring(i + 1, end);
                    StringBuilder cls = new StringBuilder("[");
                    for (int k = 0; k < set.length(); k++) {
                        char s = set.charAt(k);
                        if (s == '-' && k > 0 && k < set.length() - 1) {
                            cls.append('-');
                        } else if (Character.isLetterOrDigit(s)) {
                            cls.append(s);
                        } else {
                            cls.append('\\').append(s);
                        }
                    }
                    sb.append(cls.append(']'));
                    i = end;
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
