package io.dataops4j.core.config;

import io.dataops4j.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An INI profile file such as {@code ~/.databrickscfg}: {@code [section]} headers, {@code key = value} lines,
 * {@code #} and {@code ;} comments. Keys before any section belong to {@code DEFAULT}.
 *
 * <pre>{@code
 * ProfileFile cfg = ProfileFile.load(Path.of(System.getProperty("user.home"), ".databrickscfg"));
 * String host = cfg.section("DEFAULT").map(s -> s.get("host")).orElse(null);
 * }</pre>
 */
public final class ProfileFile {
    private final Path path;
    private final Map<String, Map<String, String>> sections;

    private ProfileFile(Path path, Map<String, Map<String, String>> sections) {
        this.path = path;
        this.sections = sections;
    }

    /** Reads a file; a missing file gives an empty profile file whose {@link #exists()} is false. */
    public static ProfileFile load(Path path) {
        if (!Files.isRegularFile(path)) {
            return new ProfileFile(path, Map.of());
        }
        try {
            return parse(path, Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read profile file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses lines; errors name the file and line. */
    public static ProfileFile parse(Path path, List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        String current = "DEFAULT";
        String lastKey = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ConfigurationException(path + ":" + (i + 1) + ": malformed section header: " + line);
                }
                current = line.substring(1, line.length() - 1).strip();
                sections.computeIfAbsent(current, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && lastKey != null) {
                // continuation line
                Map<String, String> s = sections.get(current);
                s.put(lastKey, s.get(lastKey) + "\n" + line);
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq <= 0) {
                throw new ConfigurationException(path + ":" + (i + 1) + ": expected 'key = value' in section [" + current + "]");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            sections.computeIfAbsent(current, k -> new LinkedHashMap<>()).put(key, value);
            lastKey = key;
        }
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        sections.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return new ProfileFile(path, Collections.unmodifiableMap(frozen));
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    public Path path() {
        return path;
    }

    /** Whether the file was found. */
    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The names of the sections. */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    /** A section's keys and values. */
    public Optional<Map<String, String>> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }
}
