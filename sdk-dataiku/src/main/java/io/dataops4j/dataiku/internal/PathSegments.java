package io.dataops4j.dataiku.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Builds request paths from names that may hold spaces, slashes or other reserved characters. */
public final class PathSegments {
    private PathSegments() {
    }

    /** One path segment, percent-encoded. */
    public static String seg(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a name in a DSS path must not be empty");
        }
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
