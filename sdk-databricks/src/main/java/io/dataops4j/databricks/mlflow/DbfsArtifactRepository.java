package io.dataops4j.databricks.mlflow;

import com.squareup.moshi.Json;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.databricks.internal.Context;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Artifacts under a {@code dbfs:/} root, through the workspace's DBFS API ({@code /api/2.0/dbfs/list}, {@code read},
 * {@code create}/{@code add-block}/{@code close}, {@code mkdirs}, {@code delete}) with the workspace's credential.
 * Reads and writes go in blocks of 1 MB (the API's limit), so memory stays bounded whatever the file size.
 *
 * <p>Made by {@link DatabricksMlflow} for the workspace's MLflow client:
 *
 * <pre>{@code
 * ArtifactRepository repo = dbx.mlflow().artifacts().forUri("dbfs:/databricks/mlflow-tracking/1/abc/artifacts");
 * repo.listRecursive("").forEach(System.out::println);
 * }</pre>
 */
public final class DbfsArtifactRepository implements ArtifactRepository {
    /** The most bytes one read or add-block call moves. */
    static final int BLOCK = 1024 * 1024;
    private static final String API = "api/2.0/dbfs/";

    private final Context ctx;
    private final String rootUri;
    private final String rootPath;

    /** A repository rooted at a {@code dbfs:/...} URI; made by {@link DatabricksMlflow}. */
    DbfsArtifactRepository(Context ctx, String rootUri) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.rootUri = Objects.requireNonNull(rootUri, "rootUri");
        if (!rootUri.startsWith("dbfs:/")) {
            throw new IllegalArgumentException("not a dbfs:/ URI: " + rootUri);
        }
        String p = rootUri.substring("dbfs:".length());
        while (p.startsWith("//")) {
            p = p.substring(1);
        }
        this.rootPath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** A DBFS file or directory. */
    public record FileInfo(String path, @Json(name = "is_dir") Boolean isDir, @Json(name = "file_size") Long fileSize,
                           @Json(name = "modification_time") Long modificationTime) {
    }

    /** {@code dbfs/list}'s answer. */
    public record ListResponse(List<FileInfo> files) {
    }

    /** {@code dbfs/read}'s answer. */
    public record ReadResponse(@Json(name = "bytes_read") Long bytesRead, String data) {
    }

    /** {@code dbfs/create}'s answer. */
    public record Handle(Long handle) {
    }

    @Override
    public String rootUri() {
        return rootUri;
    }

    private String full(String path) {
        String p = path == null ? "" : path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        for (String seg : p.split("/")) {
            if (seg.equals("..")) {
                throw new IllegalArgumentException("artifact path must not contain '..': " + path);
            }
        }
        return p.isEmpty() ? rootPath : rootPath + "/" + p;
    }

    private String relative(String absolute) {
        String a = absolute.startsWith("dbfs:") ? absolute.substring(5) : absolute;
        return a.startsWith(rootPath + "/") ? a.substring(rootPath.length() + 1) : a.equals(rootPath) ? "" : a;
    }

    @Override
    public Paged<ArtifactFile> list(String path) {
        return Paged.tokens(token -> {
            ListResponse r;
            try {
                r = ctx.send(ApiRequest.get(API + "list").query("path", full(path)).operation("dbfs.list").build(),
                        ListResponse.class);
            } catch (ResourceNotFoundException e) {
                return new Page<>(List.of(), null);
            }
            List<ArtifactFile> out = new ArrayList<>();
            if (r != null && r.files() != null) {
                String self = full(path);
                for (FileInfo f : r.files()) {
                    if (f.path().equals(self) && !Boolean.TRUE.equals(f.isDir())) {
                        return new Page<>(List.of(), null);   // a file: no entries
                    }
                    out.add(new ArtifactFile(relative(f.path()), Boolean.TRUE.equals(f.isDir()),
                            Boolean.TRUE.equals(f.isDir()) ? null : f.fileSize()));
                }
            }
            return new Page<>(out, null);
        });
    }

    @Override
    public InputStream open(String path) {
        String file = full(path);
        return new InputStream() {
            private long offset;
            private byte[] block = new byte[0];
            private int pos;
            private boolean eof;

            private boolean fill() {
                if (pos < block.length) {
                    return true;
                }
                if (eof) {
                    return false;
                }
                ReadResponse r = ctx.send(ApiRequest.get(API + "read").query("path", file).query("offset", offset)
                        .query("length", BLOCK).operation("dbfs.read").build(), ReadResponse.class);
                block = r == null || r.data() == null ? new byte[0] : Base64.getDecoder().decode(r.data());
                pos = 0;
                offset += block.length;
                if (block.length == 0 || (r.bytesRead() != null && r.bytesRead() < BLOCK)) {
                    eof = true;
                }
                return block.length > 0;
            }

            @Override
            public int read() {
                return fill() ? block[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, block.length - pos);
                System.arraycopy(block, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override
    public void upload(String path, ApiBody content) {
        String file = full(path);
        int slash = file.lastIndexOf('/');
        if (slash > 0) {
            ctx.send(ApiRequest.post(API + "mkdirs").json(Map.of("path", file.substring(0, slash))).idempotent()
                    .operation("dbfs.mkdirs").build());
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("path", file);
        create.put("overwrite", true);
        Handle h = ctx.send(ApiRequest.post(API + "create").json(create).operation("dbfs.create").build(), Handle.class);
        try (InputStream in = content.open()) {
            byte[] buf = new byte[BLOCK];
            while (true) {
                int n = in.readNBytes(buf, 0, BLOCK);
                if (n <= 0) {
                    break;
                }
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("handle", h.handle());
                block.put("data", Base64.getEncoder().encodeToString(n == BLOCK ? buf : java.util.Arrays.copyOf(buf, n)));
                ctx.send(ApiRequest.post(API + "add-block").json(block).operation("dbfs.addBlock").build());
                if (n < BLOCK) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the content of " + path, e);
        }
        ctx.send(ApiRequest.post(API + "close").json(Map.of("handle", h.handle())).operation("dbfs.close").build());
    }

    @Override
    public void delete(String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", full(path));
        body.put("recursive", true);
        ctx.send(ApiRequest.post(API + "delete").json(body).idempotent().operation("dbfs.delete").build());
    }

    @Override
    public String toString() {
        return "DbfsArtifactRepository[" + rootUri + "]";
    }
}
