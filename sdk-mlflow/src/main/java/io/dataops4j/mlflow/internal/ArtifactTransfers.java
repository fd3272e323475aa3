package io.dataops4j.mlflow.internal;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/** Recursive listing, downloads to disk and uploads from disk, on top of any artifact listing. */
public final class ArtifactTransfers {
    private ArtifactTransfers() {
    }

    /**
     * Every file under {@code start}, depth first, one directory page at a time. The continuation token holds the
     * directory being read, its page token and the directories still to visit, so a walk can be resumed.
     *
     * @param lister lists one directory (paths relative to the same root as {@code start})
     */
    public static Paged<ArtifactFile> walk(Function<String, Paged<ArtifactFile>> lister, String start) {
        String root = ArtifactPaths.normalize(start);
        return Paged.tokens(token -> {
            WalkState s = token == null ? new WalkState(null, root, new ArrayList<>()) : WalkState.decode(token);
            Iterator<Page<ArtifactFile>> pages = lister.apply(s.dir).resumeFrom(s.pageToken).byPage().iterator();
            Page<ArtifactFile> page = pages.hasNext() ? pages.next() : new Page<>(List.of(), null);
            List<ArtifactFile> files = new ArrayList<>(page.items().size());
            List<String> dirs = new ArrayList<>();
            for (ArtifactFile f : page.items()) {
                if (f.isDir()) {
                    dirs.add(ArtifactPaths.normalize(f.path()));
                } else {
                    files.add(f);
                }
            }
            List<String> stack = s.pending;
            for (int i = dirs.size() - 1; i >= 0; i--) {
                stack.add(dirs.get(i));
            }
            WalkState next;
            if (page.nextToken() != null) {
                next = new WalkState(page.nextToken(), s.dir, stack);
            } else if (!stack.isEmpty()) {
                next = new WalkState(null, stack.remove(stack.size() - 1), stack);
            } else {
                next = null;
            }
            return new Page<>(files, next == null ? null : next.encode());
        });
    }

    private record WalkState(String pageToken, String dir, List<String> pending) {
        String encode() {
            List<Object> l = new ArrayList<>(pending.size() + 2);
            l.add(pageToken == null ? "" : pageToken);
            l.add(dir);
            l.addAll(pending);
            return Json.shared().toJson(l);
        }

        static WalkState decode(String token) {
            Object v = Json.shared().parseValue(token);
            if (!(v instanceof List<?> l) || l.size() < 2) {
                throw new IllegalArgumentException("not an artifact walk token: " + token);
            }
            String pt = String.valueOf(l.get(0));
            List<String> pending = new ArrayList<>(l.size() - 2);
            for (int i = 2; i < l.size(); i++) {
                pending.add(String.valueOf(l.get(i)));
            }
            return new WalkState(pt.isEmpty() ? null : pt, String.valueOf(l.get(1)), pending);
        }
    }

    /** Downloads a file or a directory into {@code destinationDir}; see {@link ArtifactRepository#download}. */
    public static Path download(ArtifactRepository repo, String path, Path destinationDir) {
        Objects.requireNonNull(destinationDir, "destinationDir");
        String p = ArtifactPaths.normalize(path);
        try {
            Files.createDirectories(destinationDir);
            boolean directory = p.isEmpty() || repo.list(p).first().isPresent();
            Path target = p.isEmpty() ? destinationDir : destinationDir.resolve(ArtifactPaths.name(p));
            if (!directory) {
                copyFile(repo, p, target);
                return target;
            }
            Files.createDirectories(target);
            for (ArtifactFile f : repo.listRecursive(p)) {
                String rel = ArtifactPaths.relativize(p, ArtifactPaths.normalize(f.path()));
                Path local = target;
                for (String seg : rel.split("/")) {
                    local = local.resolve(seg);
                }
                if (!local.normalize().startsWith(target.normalize())) {
                    throw new IllegalStateException("artifact path escapes the destination: " + f.path());
                }
                Files.createDirectories(local.getParent());
                copyFile(repo, f.path(), local);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download artifact '" + p + "' to " + destinationDir, e);
        }
    }

    private static void copyFile(ArtifactRepository repo, String path, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", ".part");
        try {
            try (InputStream in = repo.open(path)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Uploads a file or a directory's files; see {@link ArtifactRepository#uploadFile}. */
    public static void upload(ArtifactRepository repo, Path local, String artifactDir) {
        Objects.requireNonNull(local, "local");
        String dir = ArtifactPaths.normalize(artifactDir);
        if (Files.isDirectory(local)) {
            try (Stream<Path> files = Files.walk(local)) {
                Iterator<Path> it = files.filter(Files::isRegularFile).sorted().iterator();
                while (it.hasNext()) {
                    Path f = it.next();
                    StringBuilder rel = new StringBuilder();
                    for (Path seg : local.relativize(f)) {
                        if (rel.length() > 0) {
                            rel.append('/');
                        }
                        rel.append(seg);
                    }
                    repo.upload(ArtifactPaths.join(dir, rel.toString()), ApiBody.file(f, contentType(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + local, e);
            }
        } else if (Files.isRegularFile(local)) {
            repo.upload(ArtifactPaths.join(dir, local.getFileName().toString()), ApiBody.file(local, contentType(local)));
        } else {
            throw new IllegalArgumentException("no such file or directory: " + local);
        }
    }

    /** A media type guessed from a file name, application/octet-stream when unknown. */
    public static String contentType(Path file) {
        String t = URLConnection.getFileNameMap().getContentTypeFor(file.getFileName().toString());
        return t == null ? "application/octet-stream" : t;
    }
}
