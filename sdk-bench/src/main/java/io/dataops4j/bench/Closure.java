package io.dataops4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The runtime dependency closure of an artifact as a user gets it: the jars of a class path that Maven resolved
 * for a consumer project (sdk-bench/closure/*.xml, written by {@code mvn dependency:build-classpath} in bench/run.sh), counted
 * and summed. 1 MB = 1,000,000 bytes here, as file managers and Maven Central show sizes.
 */
record Closure(String label, List<Path> jars) {
    static Closure read(String label, Path classpathFile) {
        try {
            String text = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
            List<Path> jars = new ArrayList<>();
            for (String entry : text.split(java.io.File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    jars.add(Path.of(entry));
                }
            }
            return new Closure(label, jars);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path file " + classpathFile, e);
        }
    }

    long bytes() {
        return jars.stream().mapToLong(Closure::size).sum();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("missing jar " + p, e);
        }
    }

    static void print(List<Closure> closures, PrintStream out) {
        out.println();
        out.println("runtime dependency closure (jars a user's build pulls in; 1 MB = 10^6 bytes)");
        for (Closure c : closures) {
            List<Path> biggest = new ArrayList<>(c.jars());
            biggest.sort(Comparator.comparingLong(Closure::size).reversed());
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(4, biggest.size()); i++) {
                top.append(i == 0 ? "" : ", ").append(biggest.get(i).getFileName())
                        .append(String.format(Locale.ROOT, " %.1f", size(biggest.get(i)) / 1e6));
            }
            out.printf(Locale.ROOT, "%-48s %3d jars %6.1f MB   largest: %s%n", c.label(), c.jars().size(), c.bytes() / 1e6, top);
        }
    }
}
