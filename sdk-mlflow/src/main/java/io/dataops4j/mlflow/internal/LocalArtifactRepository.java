package io.dataops4j.mlflow.internal;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Artifacts in a local directory: {@code file:} artifact roots, which a client shares with the server when both see
 * the same file system ({@code mlflow server --default-artifact-root /shared/path --no-serve-artifacts}). Writes go
 * to a temporary file first and are moved into place.
 */
public final class LocalArtifactRepository implements ArtifactRepository {
    private final Path root;
    private final String rootUri;

    public LocalArtifactRepository(Path root, String rootUri) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.rootUri = rootUri == null ? this.root.toUri().toString() : rootUri;
    }

    /** The local directory. */
    public Path root() {
        return root;
    }

    @Override
    public String rootUri() {
        return rootUri;
    }

    private Path resolve(String path) {
        String p = ArtifactPaths.normalize(path);
        Path r = root;
        if (!p.isEmpty()) {
            for (String seg : p.split("/")) {
                r = r.resolve(seg);
            }
        }
        Path n = r.normalize();
        if (!n.startsWith(root)) {
            throw new IllegalArgumentException("artifact path escapes the artifact root: " + path);
        }
        return n;
    }

    @Override
    public Paged<ArtifactFile> list(String path) {
        String rel = ArtifactPaths.normalize(path);
        Path dir = resolve(rel);
        return Paged.tokens(token -> {
            List<ArtifactFile> out = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path e : entries) {
                        String name = e.getFileName().toString();
                        if (name.startsWith(".upload-") && name.endsWith(".part")) {
                            continue;
                        }
                        boolean isDir = Files.isDirectory(e);
                        out.add(new ArtifactFile(ArtifactPaths.join(rel, name), isDir, isDir ? null : Files.size(e)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
            out.sort(Comparator.comparing(ArtifactFile::path));
            return new Page<>(out, null);
        });
    }

    @Override
    public InputStream open(String path) {
        Path file = resolve(path);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new io.dataops4j.core.error.DataOpsException("no artifact '" + ArtifactPaths.normalize(path) + "' under " + rootUri, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void upload(String path, ApiBody content) {
        Path target = resolve(path);
        if (target.equals(root)) {
            throw new IllegalArgumentException("an artifact upload needs a file path");
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
            try {
                try (InputStream in = content.open()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public void delete(String path) {
        Path target = resolve(path);
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }

    @Override
    public String toString() {
        return "LocalArtifactRepository[" + rootUri + "]";
    }
}
