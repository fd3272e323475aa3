package io.dataops4j.databricks.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A library installed for a task ({@code libraries[]}).
 *
 * <pre>{@code
 * Task.notebook("ingest", "/Repos/etl/ingest").libraries(Library.pypi("requests==2.32.3"), Library.jar("dbfs:/libs/x.jar"));
 * }</pre>
 */
public final class Library {
    private final Map<String, Object> wire;

    private Library(Map<String, Object> wire) {
        this.wire = Map.copyOf(wire);
    }

    /** A PyPI package ({@code {"pypi": {"package": ...}}}). */
    public static Library pypi(String pkg) {
        return new Library(Map.of("pypi", Map.of("package", Objects.requireNonNull(pkg, "pkg"))));
    }

    /** A PyPI package from another index. */
    public static Library pypi(String pkg, String repo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("package", Objects.requireNonNull(pkg, "pkg"));
        m.put("repo", Objects.requireNonNull(repo, "repo"));
        return new Library(Map.of("pypi", m));
    }

    /** A Maven artifact ({@code group:artifact:version}). */
    public static Library maven(String coordinates) {
        return new Library(Map.of("maven", Map.of("coordinates", Objects.requireNonNull(coordinates, "coordinates"))));
    }

    /** A jar by URI ({@code dbfs:/}, {@code /Volumes/...}, {@code /Workspace/...}). */
    public static Library jar(String uri) {
        return new Library(Map.of("jar", Objects.requireNonNull(uri, "uri")));
    }

    /** A Python wheel by URI. */
    public static Library whl(String uri) {
        return new Library(Map.of("whl", Objects.requireNonNull(uri, "uri")));
    }

    /** A requirements.txt file by path. */
    public static Library requirements(String path) {
        return new Library(Map.of("requirements", Objects.requireNonNull(path, "path")));
    }

    /** Any other library shape, as the API writes it. */
    public static Library of(Map<String, Object> wire) {
        return new Library(wire);
    }

    /** The wire form. */
    public Map<String, Object> toWire() {
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Library l && l.wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return "Library" + wire;
    }
}
