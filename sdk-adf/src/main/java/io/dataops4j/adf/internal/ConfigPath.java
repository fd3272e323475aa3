package io.dataops4j.adf.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The property paths of stage config files, relative to {@code properties}: dotted members
 * ({@code typeProperties.baseUrl}), quoted members ({@code globalParameters.'GP-Int'.value}), indexers by position
 * ({@code activities[0]}, {@code [-1]} for the last) and by item name ({@code activities["Copy Data"]}). As in
 * azure.datafactory.tools (which turns every array whose items all have a {@code name} into a dictionary keyed
 * by it), an array of named items can also be entered with a member ({@code activities.Wait1}); member and name
 * lookups are case-insensitive, as PowerShell's are.
 */
public final class ConfigPath {
    /** One step of a path: a member name, a position, or an item name. */
    public record Seg(String member, Integer index, String key) {
        String label() {
            if (member != null) {
                return member;
            }
            return index != null ? "[" + index + "]" : "[\"" + key + "\"]";
        }
    }

    /** A path that does not parse. */
    public static final class PathSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public PathSyntaxException(String message) {
            super(message);
        }
    }

    /** A place in a tree: a key of an object or a position of an array. */
    public record Slot(Object container, String key, int index) {
        public Object get() {
            return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get(index);
        }

        @SuppressWarnings("unchecked")
        public void set(Object value) {
            if (container instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put(key, value);
            } else {
                ((List<Object>) container).set(index, value);
            }
        }

        public void remove() {
            if (container instanceof Map<?, ?> m) {
                m.remove(key);
            } else {
                ((List<?>) container).remove(index);
            }
        }
    }

    private ConfigPath() {
    }

    /** Parses a path (after the {@code +}/{@code -} prefix and {@code $.properties.} are taken off). */
    public static List<Seg> parse(String path) {
        List<Seg> out = new ArrayList<>();
        int i = 0;
        int n = path.length();
        if (n == 0) {
            throw new PathSyntaxException("the path is empty");
        }
        boolean expectMember = true;
        while (i < n) {
            char c = path.charAt(i);
            if (c == '[') {
                int end = i + 1;
                if (end < n && (path.charAt(end) == '"' || path.charAt(end) == '\'')) {
                    char q = path.charAt(end);
                    StringBuilder sb = new StringBuilder();
                    int k = end + 1;
                    while (true) {
                        if (k >= n) {
                            throw new PathSyntaxException("unterminated quote in indexer at position " + (end + 1));
                        }
                        char d = path.charAt(k);
                        if (d == q) {
                            if (k + 1 < n && path.charAt(k + 1) == q) {
                                sb.append(q);
                                k += 2;
                                continue;
                            }
                            break;
                        }
                        sb.append(d);
                        k++;
                    }
                    if (k + 1 >= n || path.charAt(k + 1) != ']') {
                        throw new PathSyntaxException("expected ']' after the quoted name at position " + (k + 2));
                    }
                    out.add(new Seg(null, null, sb.toString()));
                    i = k + 2;
                } else {
                    int close = path.indexOf(']', end);
                    if (close < 0) {
                        throw new PathSyntaxException("'[' at position " + (i + 1) + " has no closing ']'");
                    }
                    String num = path.substring(end, close).trim();
                    try {
                        out.add(new Seg(null, Integer.parseInt(num), null));
                    } catch (NumberFormatException e) {
                        throw new PathSyntaxException("indexer [" + num + "] is neither a number nor a quoted name");
                    }
                    i = close + 1;
                }
                expectMember = false;
            } else if (c == '.') {
                if (expectMember) {
                    throw new PathSyntaxException("unexpected '.' at position " + (i + 1));
                }
                expectMember = true;
                i++;
                if (i >= n) {
                    throw new PathSyntaxException("the path ends with '.'");
                }
            } else if (expectMember && (c == '\'' || c == '"')) {
                StringBuilder sb = new StringBuilder();
                int k = i + 1;
                while (true) {
                    if (k >= n) {
                        throw new PathSyntaxException("unterminated quote at position " + (i + 1));
                    }
                    char d = path.charAt(k);
                    if (d == c) {
                        if (k + 1 < n && path.charAt(k + 1) == c) {
                            sb.append(c);
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(d);
                    k++;
                }
                out.add(new Seg(sb.toString(), null, null));
                i = k + 1;
                expectMember = false;
            } else if (expectMember) {
                int k = i;
                while (k < n && isMemberChar(path.charAt(k))) {
                    k++;
                }
                if (k == i) {
                    throw new PathSyntaxException("unexpected '" + c + "' at position " + (i + 1)
                            + " (quote member names that hold it: 'a-b')");
                }
                out.add(new Seg(path.substring(i, k), null, null));
                i = k;
                expectMember = false;
            } else {
                throw new PathSyntaxException("unexpected '" + c + "' at position " + (i + 1)
                        + " (quote member names that hold it: 'a-b')");
            }
        }
        if (expectMember) {
            throw new PathSyntaxException("the path ends with '.'");
        }
        if (out.get(0).member() == null) {
            throw new PathSyntaxException("the path must start with a member name");
        }
        return out;
    }

    private static boolean isMemberChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The value at a path below {@code root}, if the path exists. */
    public static Optional<Object> read(Object root, String path) {
        List<Seg> segs;
        try {
            segs = parse(path);
        } catch (PathSyntaxException e) {
            return Optional.empty();
        }
        Object cur = root;
        for (Seg s : segs) {
            Slot slot = child(cur, s);
            if (slot == null) {
                return Optional.empty();
            }
            cur = slot.get();
        }
        return Optional.ofNullable(cur).or(() -> Optional.of(JsonNull.INSTANCE));
    }

    /** Marks a JSON null found by {@link #read} (Optional cannot hold null). */
    public enum JsonNull { INSTANCE }

    /**
     * The slot a path names below {@code root}, or null when any step is missing.
     */
    public static Slot locate(Object root, List<Seg> segs) {
        Object cur = root;
        Slot slot = null;
        for (Seg s : segs) {
            slot = child(cur, s);
            if (slot == null) {
                return null;
            }
            cur = slot.get();
        }
        return slot;
    }

    /** How far a path resolves: the label of the first missing step, or null when all of it exists. */
    public static String firstMissing(Object root, List<Seg> segs) {
        Object cur = root;
        StringBuilder seen = new StringBuilder();
        for (Seg s : segs) {
            Slot slot = child(cur, s);
            if (slot == null) {
                return seen.length() == 0 ? s.label() : seen + (s.member() != null ? "." : "") + s.label();
            }
            seen.append(seen.length() > 0 && s.member() != null ? "." : "").append(s.label());
            cur = slot.get();
        }
        return null;
    }

    /** One step down, or null when it does not exist. */
    @SuppressWarnings("unchecked")
    public static Slot child(Object container, Seg s) {
        if (container instanceof Map<?, ?> m) {
            String name = s.member() != null ? s.member() : s.key();
            if (name == null) {
                return null;
            }
            String k = findKey((Map<String, Object>) m, name);
            return k == null ? null : new Slot(m, k, -1);
        }
        if (container instanceof List<?> l) {
            if (s.index() != null) {
                int i = s.index() < 0 ? l.size() + s.index() : s.index();
                return i >= 0 && i < l.size() ? new Slot(l, null, i) : null;
            }
            String name = s.member() != null ? s.member() : s.key();
            if (!isNamedArray(l)) {
                return null;
            }
            for (int i = 0; i < l.size(); i++) {
                Map<String, Object> item = (Map<String, Object>) l.get(i);
                Object itemName = item.get(findKey(item, "name"));
                if (itemName != null && String.valueOf(itemName).equalsIgnoreCase(name)) {
                    return new Slot(l, null, i);
                }
            }
        }
        return null;
    }

    /** An array whose items are all objects with a {@code name}: azure.datafactory.tools keys such arrays by name. */
    @SuppressWarnings("unchecked")
    public static boolean isNamedArray(List<?> l) {
        if (l.isEmpty()) {
            return false;
        }
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> m) || findKey((Map<String, Object>) m, "name") == null) {
                return false;
            }
        }
        return true;
    }

    /** The key of a map equal to {@code name}, exactly or else ignoring case; null when none. */
    public static String findKey(Map<String, Object> m, String name) {
        if (m.containsKey(name)) {
            return name;
        }
        for (String k : m.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Adds a value as the tool's {@code +} rows do: missing members on the way are created as objects.
     *
     * @return null when added, or why not
     */
    @SuppressWarnings("unchecked")
    public static String add(Object root, List<Seg> segs, Object value) {
        Object cur = root;
        for (int i = 0; i < segs.size(); i++) {
            Seg s = segs.get(i);
            boolean last = i == segs.size() - 1;
            Slot slot = child(cur, s);
            if (last) {
                if (slot != null) {
                    return "the property '" + s.label() + "' already exists (use an update row, without '+')";
                }
                if (!(cur instanceof Map<?, ?> m) || s.member() == null && s.key() == null) {
                    return "cannot add '" + s.label() + "' here: the parent is not an object";
                }
                ((Map<String, Object>) m).put(s.member() != null ? s.member() : s.key(), value);
                return null;
            }
            if (slot == null) {
                if (!(cur instanceof Map<?, ?> m) || s.member() == null) {
                    return "'" + s.label() + "' does not exist and only members can be created";
                }
                Map<String, Object> created = new LinkedHashMap<>();
                ((Map<String, Object>) m).put(s.member(), created);
                cur = created;
            } else {
                cur = slot.get();
                if (!(cur instanceof Map) && !(cur instanceof List)) {
                    return "'" + s.label() + "' is not an object";
                }
            }
        }
        return "empty path";
    }
}
