package io.dataops4j.adf.internal;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the ADF Git folder layout (Import-AdfFromFolder.ps1). */
public final class FolderLoader {
    private FolderLoader() {
    }

    @SuppressWarnings("unchecked")
    public static AdfFactory load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new AdfException("cannot load the factory", List.of(Diagnostic.error("ADFT0019",
                    "Folder '" + root + "' doesn't exist.", root, 0, null)));
        }
        List<AdfObject> objects = new ArrayList<>();
        List<Diagnostic> d = new ArrayList<>();
        String factoryName = null;
        for (AdfObjectType type : AdfObjectType.values()) {
            Path folder = root.resolve(type.folder());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .filter(p -> !p.getFileName().toString().startsWith("~"))
                        .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                                .thenComparing(p -> p.getFileName().toString()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
            for (Path f : files) {
                String fileName = f.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".json".length());
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
                Object body;
                try {
                    body = JsonTree.parse(new String(bytes, StandardCharsets.UTF_8));
                } catch (JsonTree.SyntaxError e) {
                    d.add(Diagnostic.error("ADFX0101", "Object " + type.configName() + "." + name + " was not loaded properly: "
                            + e.getMessage(), f, e.line(), null));
                    continue;
                }
                if (!(body instanceof Map<?, ?>)) {
                    d.add(Diagnostic.error("ADFX0101", "Object " + type.configName() + "." + name
                            + " was not loaded properly: the file does not hold a JSON object", f, 1, null));
                    continue;
                }
                Map<String, Object> map = (Map<String, Object>) body;
                if (type == AdfObjectType.MANAGED_VIRTUAL_NETWORK && !map.containsKey("properties")) {
                    // a Microsoft bug the tool works around (#149/#157): no "properties" in the managed VNet file
                    map.put("properties", new LinkedHashMap<String, Object>());
                }
                if (type == AdfObjectType.FACTORY) {
                    factoryName = factoryName == null ? name : factoryName;
                }
                objects.add(Access.object(type, name, map, f, Hashes.toolHashes(bytes), false));
                check(type, name, map, f, d);
            }
        }
        if (objects.stream().filter(o -> o.type() == AdfObjectType.FACTORY).count() > 1) {
            d.add(Diagnostic.warning("ADFX0125", "more than one file in factory/: the global parameters of each are deployed in turn",
                    root.resolve("factory"), 0, null));
        }
        String name = factoryName != null ? factoryName : root.toAbsolutePath().normalize().getFileName().toString();
        return Access.factory(name, root, objects, d);
    }

    /** Reference types the tool does not know (ADFT0029). */
    static void check(AdfObjectType type, String name, Map<String, Object> body, Path file, List<Diagnostic> d) {
        for (References.Ref r : References.of(body)) {
            if (r.unknown()) {
                d.add(Diagnostic.error("ADFT0029", "Unknown object type: " + r.rawType() + " (referenced by " + type.configName()
                        + "." + name + ")", file, 0, r.jsonPath()));
            }
        }
    }
}
