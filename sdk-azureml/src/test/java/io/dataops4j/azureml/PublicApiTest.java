package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of sdk-azureml (every public type of {@code io.dataops4j.azureml.*} outside {@code internal} packages, with
 * its public constructors, methods, fields and enum constants, sorted) must match the committed listing
 * {@code api/sdk-azureml.api}, so that every change to it shows in review. After an intended change, rewrite the listing
 * with {@code mvn -pl sdk-azureml test -Dtest=PublicApiTest -Dapi.update=true}.
 */
class PublicApiTest {
    private static final String LISTING = "api/sdk-azureml.api";

    private static List<Class<?>> publicTypes() throws Exception {
        Path classes = Path.of(AzureMlClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains(".internal.") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (isExported(c)) {
                    out.add(c);
                }
            }
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

    /** The listing, in the format of the other modules' api files. */
    static String listing() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : publicTypes()) {
            String kind = c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
            sb.append(kind).append(' ').append(c.getName());
            if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && c.getSuperclass() != Record.class
                    && c.getSuperclass() != Enum.class) {
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

    @Test
    void publicApiMatchesTheCommittedListing() throws Exception {
        String api = listing();
        assertTrue(api.contains("class io.dataops4j.azureml.AzureMlClient\n"), "the listing names the client");
        for (String line : api.split("\n")) {
            assertTrue(!line.contains("okhttp3.") && !line.contains("okio.") && !line.contains("com.squareup.moshi.")
                    && !line.contains(".internal."), "wire library or internal type in the public API: " + line);
        }
        Path file = moduleDir().resolve(LISTING);
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (committed.equals(api)) {
            return;
        }
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, api, StandardCharsets.UTF_8);
            return;
        }
        fail("the public API differs from " + LISTING + " (- only in the listing, + only in the code); if the change is "
                + "intended, run: mvn -pl sdk-azureml test -Dtest=PublicApiTest -Dapi.update=true\n" + diff(committed, api));
    }

    /** The lines only in one of the texts, each member under the type it belongs to. */
    static String diff(String before, String after) {
        List<String> old = qualified(before);
        List<String> now = qualified(after);
        StringBuilder sb = new StringBuilder();
        appendOnly(sb, '-', old, new LinkedHashSet<>(now));
        appendOnly(sb, '+', now, new LinkedHashSet<>(old));
        return sb.toString();
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

    private static Path moduleDir() throws URISyntaxException {
        // target/test-classes -> the module's directory
        return Path.of(PublicApiTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent();
    }
}
