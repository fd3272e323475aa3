package io.dataops4j.mlflow.transfer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Artifact paths and local files. */
final class Paths {
    private Paths() {
    }

    /** A media type guessed from a file name. */
    static String contentType(String path) {
        int slash = path.lastIndexOf('/');
        String t = URLConnection.getFileNameMap().getContentTypeFor(slash < 0 ? path : path.substring(slash + 1));
        return t == null ? "application/octet-stream" : t;
    }

    /** The last segment of a '/'-separated path. */
    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** A '/'-separated relative artifact path resolved under a local directory, refusing escapes. */
    static Path resolve(Path dir, String relative) {
        Path p = dir;
        for (String seg : relative.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                throw new IllegalArgumentException("artifact path escapes its directory: " + relative);
            }
            p = p.resolve(seg);
        }
        return p;
    }

    /** A local file's path relative to a directory, '/'-separated. */
    static String relative(Path dir, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path seg : dir.relativize(file)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(seg);
        }
        return sb.toString();
    }

    /** Deletes a directory tree (or a file); nothing when missing. */
    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
