package io.dataops4j.core.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a module's compiled classes as sorted text, one type and its members at a time, so that it can be
 * committed and every change to it shows in review. Listed: every public type outside {@code .internal.} packages
 * whose enclosing types are public too, with its kind, type parameters, supertypes and, for annotation types, their
 * annotations; its public and protected constructors, methods and fields (generic signatures, thrown exceptions);
 * enum constants. Also finds the types named by each line, to check what the API exposes.
 */
public final class ApiListing {
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_$]*");

    private ApiListing() {
    }

    /** The listing of the classes under {@code classes} (a class-path root), loaded with {@code loader}. */
    public static String of(Path classes, ClassLoader loader) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : publicTypes(classes, loader)) {
            sb.append(header(c)).append('\n');
            List<String> members = new ArrayList<>();
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    members.add(signature(k));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    members.add(signature(m));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isEnumConstant()) {
                    members.add("constant " + f.getName());
                } else if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    members.add(modifiers(f.getModifiers()) + "field " + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            members.stream().sorted().forEach(m -> sb.append("  ").append(m).append('\n'));
        }
        return sb.toString();
    }

    /** The fully qualified type names a line of the listing mentions. */
    public static List<String> typesIn(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = TYPE_NAME.matcher(line);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<Class<?>> publicTypes(Path classes, ClassLoader loader) throws Exception {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains(".internal.") || name.endsWith("package-info") || name.equals("module-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, loader);
                if (exported(c)) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private static boolean exported(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic() && !c.isLocalClass();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String header(Class<?> c) {
        String kind = c.isAnnotation() ? "annotation" : c.isRecord() ? "record" : c.isEnum() ? "enum"
                : c.isInterface() ? "interface" : "class";
        StringBuilder sb = new StringBuilder();
        int mods = c.getModifiers();
        if (!c.isInterface() && !c.isEnum() && !c.isRecord()) {
            sb.append(Modifier.isAbstract(mods) ? "abstract " : Modifier.isFinal(mods) ? "final " : "");
        }
        if (c.isSealed()) {
            sb.append("sealed ");
        }
        sb.append(kind).append(' ').append(c.getName()).append(typeParameters(c.getTypeParameters()));
        Type superclass = c.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !c.isEnum() && !c.isRecord()) {
            sb.append(" extends ").append(superclass.getTypeName());
        }
        List<String> interfaces = Arrays.stream(c.getGenericInterfaces()).map(Type::getTypeName)
                .filter(n -> !n.equals("java.lang.annotation.Annotation")).toList();
        if (!interfaces.isEmpty()) {
            sb.append(c.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (c.isAnnotation()) {
            for (Annotation a : c.getAnnotations()) {
                sb.append(" @").append(a.annotationType().getName());
            }
        }
        return sb.toString();
    }

    private static String typeParameters(TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        return Arrays.stream(vars).map(v -> {
            List<String> bounds = Arrays.stream(v.getBounds()).map(Type::getTypeName).filter(b -> !b.equals("java.lang.Object")).toList();
            return v.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String modifiers(int mods) {
        return (Modifier.isProtected(mods) ? "protected " : "") + (Modifier.isStatic(mods) ? "static " : "")
                + (Modifier.isFinal(mods) ? "final " : "");
    }

    private static String signature(Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
        String exceptions = e.getGenericExceptionTypes().length == 0 ? ""
                : " throws " + Arrays.stream(e.getGenericExceptionTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
        String generics = typeParameters(e.getTypeParameters());
        if (e instanceof Method m) {
            int mods = m.getModifiers();
            String prefix = (Modifier.isProtected(mods) ? "protected " : "") + (Modifier.isStatic(mods) ? "static " : "")
                    + (Modifier.isAbstract(mods) && !m.getDeclaringClass().isInterface() ? "abstract " : "")
                    + (m.isDefault() ? "default " : "");
            return prefix + (generics.isEmpty() ? "" : generics + " ") + m.getGenericReturnType().getTypeName() + " "
                    + m.getName() + "(" + params + ")" + exceptions;
        }
        return (Modifier.isProtected(e.getModifiers()) ? "protected " : "") + (generics.isEmpty() ? "" : generics + " ")
                + "<init>(" + params + ")" + exceptions;
    }
}
