package io.dataops4j.dataiku;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DSS version, as the {@code DSS-Version} answer header gives it ({@code 14.3.3}); the client reads it to choose
 * between endpoints (the connection test endpoint needs 14.2).
 *
 * <pre>{@code
 * DssVersion v = DssVersion.parse("13.4.2").orElseThrow();
 * boolean canTest = v.atLeast(14, 2);      // false: the client falls back to a SQL query or a listing
 * }</pre>
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version (0 when absent)
 * @param text  the header's text as sent
 */
public record DssVersion(int major, int minor, int patch, String text) implements Comparable<DssVersion> {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public DssVersion {
        Objects.requireNonNull(text, "text");
    }

    /** The first version with {@code GET /connections/{name}/test}. */
    public static final DssVersion CONNECTION_TEST = new DssVersion(14, 2, 0, "14.2.0");

    /** Reads a version such as {@code 14.3.3} (a suffix is ignored); empty when the text holds none. */
    public static Optional<DssVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DssVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A version from its numbers. */
    public static DssVersion of(int major, int minor, int patch) {
        return new DssVersion(major, minor, patch, major + "." + minor + "." + patch);
    }

    /** Whether this version is the given one or later. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** Whether the server has {@code GET /connections/{name}/test} (DSS 14.2 and later). */
    public boolean hasConnectionTest() {
        return compareTo(CONNECTION_TEST) >= 0;
    }

    @Override
    public int compareTo(DssVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
