package io.dataops4j.adf;

import io.dataops4j.adf.internal.Access;
import io.dataops4j.adf.internal.ConfigPath;
import io.dataops4j.adf.internal.Hashes;
import io.dataops4j.adf.internal.JsonTree;
import io.dataops4j.adf.internal.References;
import io.dataops4j.core.json.RawJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Data Factory object (pipeline, dataset, trigger, ...) as loaded from source, possibly changed by a stage
 * config. Immutable. Its name is the file's base name, as azure.datafactory.tools has it.
 *
 * <pre>{@code
 * AdfObject t = factory.find(AdfObjectType.TRIGGER, "TR_RunEveryDay").orElseThrow();
 * RawJson interval = t.read("typeProperties.recurrence.interval").orElseThrow();   // 1
 * log.info("{} -> {}", t.fullName(), t.references());
 * }</pre>
 */
public final class AdfObject {
    static {
        Access.set(new Access.ObjectAccess() {
            @Override
            public AdfObject create(AdfObjectType type, String name, Map<String, Object> body, Path file, Set<String> toolHashes,
                                    boolean modified) {
                return new AdfObject(type, name, body, file, toolHashes, modified);
            }

            @Override
            public Map<String, Object> body(AdfObject o) {
                return o.body;
            }

            @Override
            public Set<String> toolHashes(AdfObject o) {
                return o.toolHashes;
            }
        });
    }

    private final AdfObjectType type;
    private final String name;
    private final Map<String, Object> body;
    private final Path file;
    private final Set<String> toolHashes;
    private final boolean modified;
    private volatile String hash;

    private AdfObject(AdfObjectType type, String name, Map<String, Object> body, Path file, Set<String> toolHashes, boolean modified) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
        this.body = Objects.requireNonNull(body, "body");
        this.file = file;
        this.toolHashes = Set.copyOf(toolHashes);
        this.modified = modified;
    }

    public AdfObjectType type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** {@code type.name}, as in rules and state files ({@code pipeline.PL_Copy}). */
    public String fullName() {
        return type.configName() + "." + name;
    }

    /** The file it was read from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Whether a stage config changed it. */
    public boolean modified() {
        return modified;
    }

    /** {@code properties.folder.name}, or "" (used by {@code @folder} rules). */
    public String folder() {
        if (body.get("properties") instanceof Map<?, ?> p && p.get("folder") instanceof Map<?, ?> f
                && f.get("name") instanceof String s) {
            return s;
        }
        return "";
    }

    /** The whole body, indented, as it would be written to a file. */
    public RawJson body() {
        return new RawJson(JsonTree.pretty(body));
    }

    /** What a PUT sends: {@code {"properties": ...}} (or, for the factory, its global parameters). */
    public RawJson deployBody() {
        return new RawJson(JsonTree.write(deployTree()));
    }

    Map<String, Object> deployTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        Object p = body.get("properties");
        m.put("properties", p == null ? new LinkedHashMap<>() : p);
        return m;
    }

    /**
     * The value at a config path relative to {@code properties} (same syntax as stage config files:
     * {@code activities["Copy Data"].typeProperties.source}, {@code globalParameters.'GP-Int'.value}), as JSON.
     */
    public Optional<RawJson> read(String path) {
        Object props = body.get("properties");
        return ConfigPath.read(props, path).map(v -> new RawJson(v == ConfigPath.JsonNull.INSTANCE ? "null" : JsonTree.write(v)));
    }

    /** The objects this one references, as {@code type.name} (ignored Synapse types and expressions left out). */
    public List<String> references() {
        return References.of(body).stream().filter(r -> r.type() != null).map(r -> r.type().configName() + "." + r.name()).distinct().toList();
    }

    /** SHA-256 of the canonical JSON this object deploys (keys sorted, numbers normalized): equal content, equal hash. */
    public String hash() {
        String h = hash;
        if (h == null) {
            h = Hashes.sha256(JsonTree.canonical(deployTree()));
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return fullName();
    }

    /** Case-insensitive key of type and name. */
    static String key(AdfObjectType type, String name) {
        return type.configName() + "." + name.toLowerCase(Locale.ROOT);
    }
}
