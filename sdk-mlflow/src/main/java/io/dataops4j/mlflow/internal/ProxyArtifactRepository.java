package io.dataops4j.mlflow.internal;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.artifacts.MultipartUpload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artifacts through the MLflow tracking server's artifact proxy ({@code mlflow server --serve-artifacts}), the
 * routes of {@code mlflow_artifacts.proto} as served by {@code mlflow/server/handlers.py}:
 * <ul>
 * <li>{@code GET /api/2.0/mlflow-artifacts/artifacts?path=<dir>}: list (names relative to the directory, no paging)</li>
 * <li>{@code GET|PUT|DELETE /api/2.0/mlflow-artifacts/artifacts/<path>}: download, upload (raw body), delete</li>
 * <li>{@code POST /api/2.0/mlflow-artifacts/mpu/{create|complete|abort}/<dir>} with {@code {"path": <file name>, ...}}:
 *     multipart upload, where the store supports it (501 NOT_IMPLEMENTED otherwise)</li>
 * </ul>
 */
public final class ProxyArtifactRepository implements ArtifactRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyArtifactRepository.class);
    private static final String ARTIFACTS = "api/2.0/mlflow-artifacts/artifacts";
    private static final String MPU = "api/2.0/mlflow-artifacts/mpu/";

    private final ApiClient http;
    private final String rootUri;
    private final String root;
    private final MultipartUpload multipart;
    private final Map<String, Boolean> multipartSupport;
    /** The statuses a download is retried on: the client's, except 500. */
    private final Set<Integer> downloadRetryStatuses;

    /**
     * @param http             a client whose base URL is the tracking server's root
     * @param rootUri          the artifact URI this repository stands for
     * @param root             the path below {@code mlflow-artifacts/artifacts/} ({@code 1/<run>/artifacts})
     * @param multipart        when to try multipart uploads
     * @param multipartSupport what each server said about multipart, shared by the repositories of one client
     */
    public ProxyArtifactRepository(ApiClient http, String rootUri, String root, MultipartUpload multipart,
                                   Map<String, Boolean> multipartSupport) {
        this.http = http;
        this.rootUri = rootUri;
        this.root = ArtifactPaths.normalize(root);
        this.multipart = multipart;
        this.multipartSupport = multipartSupport == null ? new ConcurrentHashMap<>() : multipartSupport;
        Set<Integer> statuses = new HashSet<>(http.retryPolicy().retryStatuses());
        statuses.remove(500);
        this.downloadRetryStatuses = Set.copyOf(statuses);
    }

    @Override
    public String rootUri() {
        return rootUri;
    }

    @Override
    public Paged<ArtifactFile> list(String path) {
        String rel = ArtifactPaths.normalize(path);
        String full = ArtifactPaths.join(root, rel);
        return Paged.tokens(token -> {
            Wire.ProxyFiles files = http.send(ApiRequest.get(ARTIFACTS).query("path", full)
                    .operation("artifacts.list").build(), Wire.ProxyFiles.class);
            List<ArtifactFile> out = new ArrayList<>();
            if (files != null && files.files() != null) {
                for (ArtifactFile f : files.files()) {
                    String name = ArtifactPaths.name(ArtifactPaths.normalize(f.path()));
                    out.add(new ArtifactFile(ArtifactPaths.join(rel, name), f.dir(), f.fileSize()));
                }
            }
            out.sort(Comparator.comparing(ArtifactFile::path));
            return new io.dataops4j.core.paging.Page<>(out, null);
        });
    }

    @Override
    public InputStream open(String path) {
        ApiResponse response;
        try {
            // retried on the client's statuses but 500: the proxy answers a missing file with 500 INTERNAL_ERROR, which
            // retrying cannot mend; a gateway's 502/503/504 (or 429) may pass
            response = http.execute(ApiRequest.get(fileUrl(path)).retryOn(downloadRetryStatuses)
                    .operation("artifacts.download").build());
        } catch (ServerErrorException e) {
            if (e.serviceMessage() != null && e.serviceMessage().contains("No such file or directory")) {
                throw new ResourceNotFoundException(e.service(), e.status(), ServiceError.of(e.errorCode(), e.serviceMessage()),
                        e.requestId(), e.method(), e.url());
            }
            throw e;
        }
        return new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    @Override
    public void upload(String path, ApiBody content) {
        String p = ArtifactPaths.normalize(path);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("an artifact upload needs a file path");
        }
        if (content instanceof ApiBody.FileBody file && multipart.enabled()
                && file.length() >= multipart.minFileSize()
                && !Boolean.FALSE.equals(multipartSupport.get(http.baseUrl().toString()))) {
            if (multipartUpload(p, file)) {
                return;
            }
        }
        http.send(ApiRequest.put(fileUrl(p)).body(content).operation("artifacts.upload").build());
    }

    @Override
    public void delete(String path) {
        http.send(ApiRequest.delete(fileUrl(path)).operation("artifacts.delete").build());
    }

    private String fileUrl(String path) {
        String full = ArtifactPaths.join(root, path);
        if (full.isEmpty()) {
            throw new IllegalArgumentException("an artifact path is required");
        }
        return ARTIFACTS + "/" + ArtifactPaths.encode(full);
    }

    /** Multipart upload; false when the server does not support it (then a single upload follows). */
    private boolean multipartUpload(String path, ApiBody.FileBody file) {
        String dir = ArtifactPaths.join(root, ArtifactPaths.parent(path));
        String name = ArtifactPaths.name(path);
        String dirUrl = dir.isEmpty() ? "" : ArtifactPaths.encode(dir);
        long size = file.length();
        long partSize = multipart.partSize();
        long parts = (size + partSize - 1) / partSize;
        Wire.MultipartCreated created;
        try {
            created = http.send(ApiRequest.post(MPU + "create/" + dirUrl)
                    .body(JsonBody.of("path", name, "num_parts", parts))
                    .operation("artifacts.multipartCreate").build(), Wire.MultipartCreated.class);
        } catch (ServiceException e) {
            if (e.status() == 501 || "NOT_IMPLEMENTED".equals(e.errorCode())) {
                LOG.debug("multipart upload not supported by {}: {}", http.baseUrl(), e.serviceMessage());
                multipartSupport.put(http.baseUrl().toString(), Boolean.FALSE);
                return false;
            }
            throw e;
        }
        multipartSupport.put(http.baseUrl().toString(), Boolean.TRUE);
        try {
            List<Map<String, Object>> done = new ArrayList<>();
            List<Wire.MultipartCredential> creds = new ArrayList<>(created.credentials() == null ? List.of() : created.credentials());
            creds.sort(Comparator.comparingLong(c -> c.partNumber() == null ? 0 : c.partNumber()));
            for (Wire.MultipartCredential c : creds) {
                long number = c.partNumber() == null ? done.size() + 1 : c.partNumber();
                long offset = (number - 1) * partSize;
                long length = Math.min(partSize, size - offset);
                if (offset < 0 || length <= 0) {
                    throw new IllegalStateException("the server asked for part " + number + " of a " + size + "-byte file in "
                            + partSize + "-byte parts");
                }
                ApiRequest.Builder put = ApiRequest.put(c.url()).unauthenticated().operation("artifacts.multipartPart")
                        .body(ApiBody.stream(() -> slice(file.file(), offset, length), length, "application/octet-stream"));
                if (c.headers() != null) {
                    c.headers().forEach(put::header);
                }
                String etag;
                try (ApiResponse r = http.execute(put.build())) {
                    etag = r.header("ETag");
                }
                done.add(JsonBody.map("part_number", number, "etag", etag == null ? "" : etag, "url", c.url()));
            }
            http.send(ApiRequest.post(MPU + "complete/" + dirUrl)
                    .body(JsonBody.of("path", name, "upload_id", created.uploadId(), "parts", done))
                    .operation("artifacts.multipartComplete").build());
            return true;
        } catch (RuntimeException e) {
            try {
                http.send(ApiRequest.post(MPU + "abort/" + dirUrl)
                        .body(JsonBody.of("path", name, "upload_id", created.uploadId()))
                        .operation("artifacts.multipartAbort").build());
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return new BoundedInputStream(in, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }

    @Override
    public String toString() {
        return "ProxyArtifactRepository[" + rootUri + "]";
    }
}
