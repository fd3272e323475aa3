package io.dataops4j.devops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Writes the public API of sdk-devops to {@code api/sdk-devops.api} (committed, so that every change to it shows in
 * review) and checks that it exposes no wire library type (callers never see OkHttp, Okio or Moshi) and no type of the
 * module's {@code internal} package (sub-clients are made by {@code DevOpsClient}, not by callers).
 */
class PublicApiTest {

    private static List<Class<?>> publicTypes() throws Exception {
        Path classes = Path.of(DevOpsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
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

    private static String listing() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : publicTypes()) {
            String kind = c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
            sb.append(kind).append(' ').append(c.getName()).append('\n');
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
                if (Modifier.isPublic(f.getModifiers()) && !f.isEnumConstant()) {
                    members.add("field " + f.getGenericType().getTypeName() + " " + f.getName());
                } else if (f.isEnumConstant()) {
                    members.add("constant " + f.getName());
                }
            }
            members.stream().sorted().forEach(m -> sb.append("  ").append(m).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void publicApiIsListedAndFreeOfWireLibraries() throws Exception {
        String api = listing();
        for (String line : api.split("\n")) {
            assertTrue(!line.contains("okhttp3.") && !line.contains("okio.") && !line.contains("com.squareup.moshi."),
                    "wire library type in the public API: " + line);
            assertTrue(!line.contains(".internal."), "internal type in the public API: " + line);
        }
        Path file = moduleDir().resolve("api/sdk-devops.api");
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!committed.equals(api)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, api, StandardCharsets.UTF_8);
        }
        assertEquals(api, Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(api.contains("class io.dataops4j.devops.DevOpsClient\n"), "the listing names the client");
        for (String sub : List.of("releases.Releases", "pipelines.Pipelines", "pipelines.Builds")) {
            List<String> lines = List.of(api.split("\n"));
            int at = lines.indexOf("class io.dataops4j.devops." + sub);
            assertTrue(at >= 0, sub + " is listed");
            for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
                assertTrue(!lines.get(i).contains("<init>"), sub + " has no public constructor: " + lines.get(i));
            }
        }
    }

    private static Path moduleDir() throws URISyntaxException {
        // target/test-classes -> module directory
        return Path.of(PublicApiTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent();
    }
}
