package io.dataops4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed listing of a module's public API ({@code <module>/api/<module>.api}), so that every change to it
 * shows in review: every public type outside {@code internal} packages of the module's compiled classes, with its public
 * constructors, methods, fields and enum constants, sorted. {@link #check()} lists the API, compares it with the
 * committed file and, when they differ, rewrites the file and fails with the difference (the next run passes, and the
 * rewritten file shows in {@code git diff}). It also fails when a public member exposes a wire library type (OkHttp,
 * Okio, Moshi) and, as asked, an {@code .internal.} type or a public constructor of a sub-client.
 *
 * <pre>{@code
 * @Test
 * void publicApiMatchesTheCommittedListing() {
 *     ApiListing.of("sdk-devops", DevOpsClient.class)
 *             .noInternalTypes()
 *             .noPublicConstructors(Releases.class, Pipelines.class, Builds.class)
 *             .check();
 * }
 * }</pre>
 */
public final class ApiListing {
    private static final List<String> WIRE_PACKAGES = List.of("okhttp3.", "okio.", "com.squareup.moshi.");

    private final String module;
    private final Class<?> anchor;
    private boolean superclasses;
    private boolean noInternalTypes;
    private final List<Class<?>> noPublicConstructors = new ArrayList<>();

    private ApiListing(String module, Class<?> anchor) {
        this.module = Objects.requireNonNull(module, "module");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /**
     * The listing of a module.
     *
     * @param module the module's directory name ({@code sdk-devops}); the listing is {@code api/<module>.api} in it
     * @param anchor a public class of the module's main code (its client); the listing must name it
     */
    public static ApiListing of(String module, Class<?> anchor) {
        return new ApiListing(module, anchor);
    }

    /** Writes {@code extends <superclass>} after a class that extends something else than Object, Record or Enum. */
    public ApiListing showSuperclasses() {
        this.superclasses = true;
        return this;
    }

    /** Fails when a public member names a type of an {@code .internal.} package. */
    public ApiListing noInternalTypes() {
        this.noInternalTypes = true;
        return this;
    }

    /** Fails when one of these classes (sub-clients, made by the module's client) has a public constructor. */
    public ApiListing noPublicConstructors(Class<?>... types) {
        noPublicConstructors.addAll(Arrays.asList(types));
        return this;
    }

    /** The module's directory ({@code target/classes} of the anchor, two levels up). */
    public Path moduleDir() {
        return classesDir().getParent().getParent();
    }

    /** The committed listing's path. */
    public Path file() {
        return moduleDir().resolve("api").resolve(module + ".api");
    }

    /** The listing of the compiled classes. */
    public String listing() {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : publicTypes()) {
            String kind = c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
            sb.append(kind).append(' ').append(c.getName());
            if (superclasses && c.getGenericSuperclass() != null && c.getSuperclass() != Object.class
                    && c.getSuperclass() != Record.class && c.getSuperclass() != Enum.class) {
                sb.append(" extends ").append(c.getGenericSuperclass().getTypeName());
            }
            sb.append('\n');
            List<String> members = new ArrayList<>();
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    members.add(signature(k));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    members.add(signature(m));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isEnumConstant()) {
                    members.add("constant " + f.getName());
                } else if (Modifier.isPublic(f.getModifiers())) {
                    members.add("field " + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            members.stream().sorted().forEach(m -> sb.append("  ").append(m).append('\n'));
        }
        return sb.toString();
    }

    /**
     * Lists the API, runs the checks asked for and compares the listing with the committed file; when they differ,
     * rewrites the file and throws an {@link AssertionError} with the difference.
     *
     * @return the listing
     */
    public String check() {
        String api = listing();
        if (!api.contains("class " + anchor.getName() + "\n") && !api.contains("class " + anchor.getName() + " extends ")) {
            throw new AssertionError("the listing does not name " + anchor.getName());
        }
        for (String line : api.split("\n")) {
            for (String wire : WIRE_PACKAGES) {
                if (line.contains(wire)) {
                    throw new AssertionError("wire library type in the public API of " + module + ": " + line);
                }
            }
            if (noInternalTypes && line.contains(".internal.")) {
                throw new AssertionError("internal type in the public API of " + module + ": " + line);
            }
        }
        for (Class<?> type : noPublicConstructors) {
            for (Constructor<?> k : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    throw new AssertionError(type.getName() + " has a public constructor: " + signature(k));
                }
            }
        }
        Path file = file();
        try {
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (committed.equals(api)) {
                return api;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, api, StandardCharsets.UTF_8);
            throw new AssertionError("the public API of " + module + " differs from api/" + module + ".api (- only in the "
                    + "listing, + only in the code); the file is rewritten: review it, and the next run passes\n"
                    + diff(committed, api));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The lines only in one of two listings, each member under the type it belongs to. */
    public static String diff(String before, String after) {
        List<String> old = qualified(before);
        List<String> now = qualified(after);
        StringBuilder sb = new StringBuilder();
        appendOnly(sb, '-', old, new LinkedHashSet<>(now));
        appendOnly(sb, '+', now, new LinkedHashSet<>(old));
        return sb.toString();
    }

    private Path classesDir() {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException(anchor.getName() + " was not loaded from a directory of classes");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("where " + anchor.getName() + " was loaded from", e);
        }
    }

    private List<Class<?>> publicTypes() {
        Path classes = classesDir();
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(anchor.getName() + " was not loaded from a directory of classes: " + classes);
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains(".internal.") || name.endsWith("package-info") || name.equals("module-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (isExported(c)) {
                    out.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(classes.toString(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled class does not load", e);
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private static boolean isExported(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    private static String signature(Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(t -> t.getTypeName()).collect(Collectors.joining(", "));
        if (e instanceof Method m) {
            return (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getGenericReturnType().getTypeName() + " "
                    + m.getName() + "(" + params + ")";
        }
        return "<init>(" + params + ")";
    }

    /** Each line prefixed with its type ({@code type\u0000member}; a type line stands for itself). */
    private static List<String> qualified(String text) {
        List<String> out = new ArrayList<>();
        String type = "";
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                type = line;
                out.add(line);
            } else {
                out.add(type + "\u0000" + line);
            }
        }
        return out;
    }

    private static void appendOnly(StringBuilder sb, char sign, List<String> lines, Set<String> other) {
        String shownType = null;
        for (String q : lines) {
            if (other.contains(q)) {
                continue;
            }
            int cut = q.indexOf('\u0000');
            if (cut < 0) {
                sb.append(sign).append(' ').append(q).append('\n');
                shownType = q;
                continue;
            }
            String type = q.substring(0, cut);
            if (!type.equals(shownType)) {
                sb.append("  ").append(type).append('\n');
                shownType = type;
            }
            sb.append(sign).append(' ').append(q.substring(cut + 1)).append('\n');
        }
    }

    @Override
    public String toString() {
        return "ApiListing[" + module + "]";
    }
}
