package io.dataops4j.mlflow.internal;

import java.nio.charset.StandardCharsets;

/** Artifact paths: '/'-separated, relative, without "." or ".." segments. */
public final class ArtifactPaths {
    private ArtifactPaths() {
    }

    /** Strips leading, trailing and doubled slashes; refuses "." and ".." segments and NUL. Null gives "". */
    public static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(path.length());
        int i = 0;
        int n = path.length();
        while (i < n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            if (end > i) {
                String seg = path.substring(i, end);
                if (seg.equals(".") || seg.equals("..") || seg.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("artifact path must not contain '.', '..' or NUL segments: " + path);
                }
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(seg);
            }
            i = end + 1;
        }
        return sb.toString();
    }

    /** Joins two paths (each normalized). */
    public static String join(String a, String b) {
        String na = normalize(a);
        String nb = normalize(b);
        if (na.isEmpty()) {
            return nb;
        }
        return nb.isEmpty() ? na : na + "/" + nb;
    }

    /** The directory part of a normalized path, "" at the top. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a normalized path. */
    public static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The path of {@code child} below {@code ancestor} (both normalized); {@code child} itself when unrelated. */
    public static String relativize(String ancestor, String child) {
        if (ancestor.isEmpty()) {
            return child;
        }
        if (child.equals(ancestor)) {
            return "";
        }
        if (child.startsWith(ancestor + "/")) {
            return child.substring(ancestor.length() + 1);
        }
        return child;
    }

    /** Percent-encodes every segment of a normalized path for use in a URL path (unreserved characters kept). */
    public static String encode(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
