package io.dataops4j.azureml.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The read-only properties of a resource type, removed from a GET body before it is PUT back, as the official
 * Python client's serializer does. The lists are generated from the Python client's models (see
 * src/test/resources/wire/managed-cluster-readonly.py); "[]" stands for every element of a list or value of a map.
 */
public final class ReadOnlyProperties {
    private final List<String[]> paths;

    private ReadOnlyProperties(List<String[]> paths) {
        this.paths = paths;
    }

    /** ManagedCluster (azure-mgmt-containerservice 41.8.0). */
    public static ReadOnlyProperties managedCluster() {
        return load("managed-cluster-readonly.txt");
    }

    static ReadOnlyProperties load(String resource) {
        List<String[]> paths = new ArrayList<>();
        try (InputStream in = ReadOnlyProperties.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    paths.add(line.replace("[]", ".[]").split("\\."));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReadOnlyProperties(List.copyOf(paths));
    }

    /** Removes every read-only property from a body (in place) and returns it. */
    public Map<String, Object> strip(Map<String, Object> body) {
        for (String[] p : paths) {
            remove(body, p, 0);
        }
        return body;
    }

    private static void remove(Object node, String[] path, int i) {
        if (node == null) {
            return;
        }
        String key = path[i];
        if (key.equals("[]")) {
            if (node instanceof List<?> l) {
                l.forEach(e -> remove(e, path, i + 1));
            } else if (node instanceof Map<?, ?> m) {
                m.values().forEach(e -> remove(e, path, i + 1));
            }
            return;
        }
        if (!(node instanceof Map<?, ?> m)) {
            return;
        }
        if (i == path.length - 1) {
            m.remove(key);
        } else {
            remove(m.get(key), path, i + 1);
        }
    }

    @Override
    public String toString() {
        return "ReadOnlyProperties" + paths.stream().map(p -> String.join(".", p)).toList();
    }

    /** For tests: the paths as written. */
    public List<String> paths() {
        return paths.stream().map(p -> String.join(".", Arrays.asList(p)).replace(".[]", "[]")).toList();
    }
}
