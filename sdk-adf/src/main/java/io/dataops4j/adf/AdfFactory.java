package io.dataops4j.adf;

import io.dataops4j.adf.internal.Access;
import io.dataops4j.adf.internal.ArmTemplateLoader;
import io.dataops4j.adf.internal.FolderLoader;
import io.dataops4j.adf.internal.Graph;
import io.dataops4j.adf.internal.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Data Factory as source code: the objects of an ADF Git folder ({@code pipeline/}, {@code dataset/},
 * {@code trigger/}, ...) or of an {@code adf_publish} ARM template pair. Immutable. Loading never throws for the
 * content: unreadable JSON, unknown reference types and the like are {@link #diagnostics()}.
 *
 * <pre>{@code
 * AdfFactory adf = AdfFactory.load(Path.of("adf"));
 * adf.diagnostics().forEach(System.err::println);
 * for (AdfObject o : adf.objects(AdfObjectType.PIPELINE)) log.info("{} -> {}", o.fullName(), o.references());
 * AdfFactory fromArm = AdfFactory.fromArmTemplate(Path.of("ARMTemplateForFactory.json"),
 *     Path.of("ARMTemplateParametersForFactory.json"));
 * }</pre>
 */
public final class AdfFactory {
    static {
        Access.set((Access.FactoryAccess) AdfFactory::new);
    }

    private final String name;
    private final Path root;
    private final List<AdfObject> objects;
    private final List<Diagnostic> diagnostics;
    private final Map<String, AdfObject> byKey = new HashMap<>();

    private AdfFactory(String name, Path root, List<AdfObject> objects, List<Diagnostic> diagnostics) {
        this.name = Objects.requireNonNull(name, "name");
        this.root = root;
        List<AdfObject> sorted = new ArrayList<>(objects);
        // the tool's enumeration order: by type (AdfObjectType order), then as loaded
        sorted.sort((a, b) -> Integer.compare(a.type().ordinal(), b.type().ordinal()));
        this.objects = Collections.unmodifiableList(sorted);
        this.diagnostics = List.copyOf(diagnostics);
        for (AdfObject o : sorted) {
            byKey.putIfAbsent(AdfObject.key(o.type(), o.name()), o);
        }
    }

    /**
     * Loads the ADF Git layout under {@code root} (folder names are case-sensitive, as on Linux; files starting
     * with {@code ~} are skipped; an object's name is its file's base name).
     *
     * @throws AdfException ADFT0019 when the folder does not exist
     */
    public static AdfFactory load(Path root) {
        return FolderLoader.load(root);
    }

    /**
     * Loads an adf_publish ARM template ({@code ARMTemplateForFactory.json}) with its parameters file (may be
     * null): expressions {@code parameters()}, {@code variables()} and {@code concat()} are evaluated.
     */
    public static AdfFactory fromArmTemplate(Path template, Path parameters) {
        return ArmTemplateLoader.load(template, parameters);
    }

    /** The factory's name: its {@code factory/} file's, else the folder's. */
    public String name() {
        return name;
    }

    /** The root folder, when loaded from one. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** Every object, by type in the tool's order. */
    public List<AdfObject> objects() {
        return objects;
    }

    /** The objects of one type. */
    public List<AdfObject> objects(AdfObjectType type) {
        return objects.stream().filter(o -> o.type() == type).toList();
    }

    /** An object by type and name (case-insensitive, as the service is). */
    public Optional<AdfObject> find(AdfObjectType type, String name) {
        return Optional.ofNullable(byKey.get(AdfObject.key(type, name)));
    }

    /** Findings of loading: unreadable JSON, unknown reference types, ... */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The dependency problems: references to objects that are not in the factory (ADFT0005, or the warning
     * ADFT0006 when {@code ignoreMissing}), and cycles (ADFX0107).
     */
    public List<Diagnostic> dependencyDiagnostics(boolean ignoreMissing) {
        return Graph.of(this).diagnostics(ignoreMissing);
    }

    /**
     * The objects in deployment levels: each level only references objects of earlier levels, so the objects of
     * one level can be deployed in parallel.
     *
     * @throws AdfException when the references form a cycle
     */
    public List<List<AdfObject>> levels() {
        return Graph.of(this).levels();
    }

    /** Writes every object to {@code dir} in the Git layout, indented, as it would be deployed. */
    public void writeTo(Path dir) {
        try {
            for (AdfObject o : objects) {
                Path folder = dir.resolve(o.type().folder());
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(o.name() + ".json"), JsonTree.pretty(Access.body(o)) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the factory to " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "AdfFactory[" + name + ", " + objects.size() + " objects]";
    }
}
