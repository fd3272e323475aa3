package io.dataops4j.devops.internal;

import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relay's memory of handled deliveries: one JSON line per change ({@code {"key", "state", "at"}}), replayed at
 * start. A key is seen once accepted; a failed one is forgotten so that the sender's retry can act.
 */
public final class DeliveryStore {
    private final Path file;
    private final Set<String> seen = new HashSet<>();

    public DeliveryStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Object v;
                    try {
                        v = Json.shared().parseValue(line);
                    } catch (RuntimeException e) {
                        continue; // a line cut short by a crash
                    }
                    if (v instanceof Map<?, ?> m && m.get("key") instanceof String key) {
                        if ("failed".equals(m.get("state"))) {
                            seen.remove(key);
                        } else {
                            seen.add(key);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read relay state " + file, e);
            }
        }
    }

    /** Whether any of the keys was seen. */
    public synchronized boolean seenAny(List<String> keys) {
        return keys.stream().anyMatch(seen::contains);
    }

    /** Records keys in a state ({@code accepted}, {@code done}, {@code failed}). */
    public synchronized void record(List<String> keys, String state) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if ("failed".equals(state)) {
                seen.remove(k);
            } else {
                seen.add(k);
            }
            sb.append(Json.shared().toJson(Map.of("key", k, "state", state, "at", Instant.now().toString()))).append('\n');
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write relay state " + file, e);
        }
    }

    /** How many keys are remembered. */
    public synchronized int size() {
        return seen.size();
    }
}
