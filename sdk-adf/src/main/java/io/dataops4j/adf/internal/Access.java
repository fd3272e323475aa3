package io.dataops4j.adf.internal;

import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lets the internals build and read the public model objects without widening their public API. */
public final class Access {
    private static volatile ObjectAccess objects;
    private static volatile FactoryAccess factories;

    private Access() {
    }

    /** Implemented by {@link AdfObject}. */
    public interface ObjectAccess {
        AdfObject create(AdfObjectType type, String name, Map<String, Object> body, Path file, Set<String> toolHashes, boolean modified);

        Map<String, Object> body(AdfObject o);

        Set<String> toolHashes(AdfObject o);
    }

    /** Implemented by {@link AdfFactory}. */
    public interface FactoryAccess {
        AdfFactory create(String name, Path root, List<AdfObject> objects, List<Diagnostic> diagnostics);
    }

    public static void set(ObjectAccess a) {
        objects = a;
    }

    public static void set(FactoryAccess a) {
        factories = a;
    }

    public static ObjectAccess objects() {
        if (objects == null) {
            init(AdfObject.class);
        }
        return objects;
    }

    public static FactoryAccess factories() {
        if (factories == null) {
            init(AdfFactory.class);
        }
        return factories;
    }

    private static void init(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shortcut: an object's mutable-by-convention body (never change it; copy first). */
    public static Map<String, Object> body(AdfObject o) {
        return objects().body(o);
    }

    /** Shortcut: a new object. */
    public static AdfObject object(AdfObjectType type, String name, Map<String, Object> body, Path file, Set<String> toolHashes,
                                   boolean modified) {
        return objects().create(type, name, body, file, toolHashes, modified);
    }

    /** Shortcut: a new factory. */
    public static AdfFactory factory(String name, Path root, List<AdfObject> objects, List<Diagnostic> diagnostics) {
        return factories().create(name, root, objects, diagnostics);
    }
}
