package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.ArtifactWire.Artifact;
import io.dataops4j.azureml.internal.ArtifactWire.ArtifactList;
import io.dataops4j.azureml.internal.ArtifactWire.BatchResult;
import io.dataops4j.azureml.internal.ArtifactWire.ContentInformation;
import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The artifacts of an Azure ML run ({@code azureml://.../experiments/<exp>/runs/<run>/artifacts[/<path>]}), read and
 * written the way the official {@code azureml-mlflow} plugin's artifact repository does:
 * <ul>
 *   <li>list: {@code GET /history/v1.0/<workspace>/experiments/<exp>/runs/<run>/artifacts} (every artifact of the
 *   run, {@code nextLink} paging), the directory's entries computed from the paths (the service gives no sizes);</li>
 *   <li>download: {@code GET .../artifacts/contentinfo?path=<path>} gives a blob SAS URL ({@code contentUri}), then
 *   ranged blob GETs ({@code x-ms-range}: the first 32 MiB, then 4 MiB at a time with {@code If-Match}), each streamed;</li>
 *   <li>upload: {@code POST .../artifacts/batch/metadata} with {@code {"paths":[{"path":...}]}} gives the SAS URL,
 *   then one Put Blob ({@code x-ms-blob-type: BlockBlob}) up to 64 MiB, or Put Block of 4 MiB each and Put Block
 *   List above, streamed from the source.</li>
 * </ul>
 * The workspace calls carry the MLflow credential; the blob calls carry only the SAS, which is never logged or put in
 * a message (its {@code sig} is redacted). Memory stays bounded whatever the file size (one 4 MiB block at most).
 * Deleting is not supported (the plugin has no delete either).
 *
 * <pre>{@code
 * MlflowClient mlflow = aml.mlflow("rg-ml", "ws1");            // registers this repository for azureml:// URIs
 * ArtifactRepository repo = mlflow.artifacts().forRun(runId);   // an AzureMlArtifactRepository
 * repo.uploadFile(Path.of("model.onnx"), "model");
 * repo.download("model", Path.of("/tmp/out"));
 * }</pre>
 */
public final class AzureMlArtifactRepository implements ArtifactRepository {
    /** Largest file sent in one Put Blob (the blob client's default {@code max_single_put_size}). */
    static final long MAX_SINGLE_PUT = 64L * 1024 * 1024;
    /** Block size above that (the blob client's default {@code max_block_size}). */
    static final int BLOCK = 4 * 1024 * 1024;
    /** The first ranged read (the blob client's {@code max_single_get_size}). */
    static final long FIRST_GET = 32L * 1024 * 1024;
    /** Later ranged reads (the blob client's {@code max_chunk_get_size}). */
    static final long CHUNK_GET = 4L * 1024 * 1024;
    /** The blob service version the recorded client sends (azure-storage-blob 12.27.1). */
    static final String BLOB_VERSION = "2025-11-05";

    private static final Pattern FULL = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.MachineLearningServices/workspaces/([^/]+)"
                    + "/experiments/([^/]+)/runs/([^/]+)(/artifacts.*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT = Pattern.compile(".*/([^/]+)/runs/([^/]+)(/artifacts.*)?");

    private final ApiClient http;
    private final String rootUri;
    private final String history;
    private final String rootPath;
    private final long maxSinglePut;
    private final int block;
    private final long firstGet;
    private final long chunkGet;

    private AzureMlArtifactRepository(ApiClient http, String rootUri, String history, String rootPath, long maxSinglePut,
                                      int block, long firstGet, long chunkGet) {
        this.http = http;
        this.rootUri = rootUri;
        this.history = history;
        this.rootPath = rootPath;
        this.maxSinglePut = maxSinglePut;
        this.block = block;
        this.firstGet = firstGet;
        this.chunkGet = chunkGet;
    }

    /** Whether an artifact URI is an Azure ML run's ({@code azureml://...}). */
    static boolean handles(String artifactUri) {
        return artifactUri != null && artifactUri.regionMatches(true, 0, AzureMlMlflow.SCHEME + "://", 0, AzureMlMlflow.SCHEME.length() + 3);
    }

    /**
     * A repository for a run's artifact URI.
     *
     * @param http             the workspace's API host ({@code https://<region>.api.azureml.ms}) with the MLflow credential
     * @param workspaceScope   {@code /subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<w>},
     *                         used when the URI names no workspace ({@code azureml://experiments/<e>/runs/<r>/artifacts})
     * @param artifactUri      the run's artifact URI, possibly with a sub-path
     */
    static AzureMlArtifactRepository of(ApiClient http, String workspaceScope, String artifactUri) {
        return of(http, workspaceScope, artifactUri, MAX_SINGLE_PUT, BLOCK, FIRST_GET, CHUNK_GET);
    }

    static AzureMlArtifactRepository of(ApiClient http, String workspaceScope, String artifactUri, long maxSinglePut, int block,
                                        long firstGet, long chunkGet) {
        Objects.requireNonNull(http, "http");
        String path = URI.create(artifactUri.strip()).getRawPath();
        path = path == null ? "" : path;
        String scope;
        String exp;
        String run;
        String sub;
        Matcher m = FULL.matcher(path);
        if (m.find()) {
            scope = "/subscriptions/" + m.group(1) + "/resourceGroups/" + m.group(2)
                    + "/providers/Microsoft.MachineLearningServices/workspaces/" + m.group(3);
            exp = m.group(4);
            run = m.group(5);
            sub = m.group(6);
        } else {
            Matcher s = SHORT.matcher(path);
            if (!s.matches()) {
                throw new IllegalArgumentException("not an Azure ML run artifact URI (azureml://.../experiments/<e>/runs/<r>/artifacts): "
                        + Redactor.url(artifactUri));
            }
            if (workspaceScope == null) {
                throw new IllegalArgumentException("the artifact URI names no workspace and the tracking URI gives none: "
                        + Redactor.url(artifactUri));
            }
            scope = workspaceScope;
            exp = s.group(1);
            run = s.group(2);
            sub = s.group(3);
        }
        String root = "";
        if (sub != null && sub.length() > "/artifacts".length()) {
            root = decode(sub.substring("/artifacts".length()).replaceAll("^/+|/+$", ""));
        }
        String historyPath = "history/v1.0" + scope + "/experiments/" + exp + "/runs/" + run + "/artifacts";
        return new AzureMlArtifactRepository(http, artifactUri, historyPath, root, maxSinglePut, block, firstGet, chunkGet);
    }

    @Override
    public String rootUri() {
        return rootUri;
    }

    private String full(String path) {
        String p = path == null ? "" : path.replace('\\', '/');
        p = p.replaceAll("^/+|/+$", "");
        for (String seg : p.split("/")) {
            if (seg.equals("..")) {
                throw new IllegalArgumentException("artifact path must not contain '..': " + path);
            }
        }
        if (rootPath.isEmpty()) {
            return p;
        }
        return p.isEmpty() ? rootPath : rootPath + "/" + p;
    }

    private String relative(String runPath) {
        return rootPath.isEmpty() ? runPath : runPath.substring(rootPath.length() + 1);
    }

    /** Every artifact path of the run, page by page as the service returns them. */
    private Paged<String> runPaths() {
        ApiRequest first = ApiRequest.get(history).header("Accept", "application/json").operation("azureml.artifacts.list").build();
        return Paged.tokens(token -> {
            ApiRequest req = token == null ? first
                    : ApiRequest.get(token).header("Accept", "application/json").operation("azureml.artifacts.list").build();
            ArtifactList page = http.send(req, ArtifactList.class);
            List<String> paths = new ArrayList<>();
            if (page != null && page.value() != null) {
                for (Artifact a : page.value()) {
                    if (a != null && a.path() != null) {
                        paths.add(a.path());
                    }
                }
            }
            String next = page == null || page.nextLink() == null || page.nextLink().isBlank() ? null : page.nextLink();
            return new Page<>(paths, next);
        });
    }

    /**
     * The entries directly in a directory: as the plugin does, the run's whole listing filtered by the directory's
     * path; a file or a missing directory gives an empty listing. Sizes are not known (null).
     */
    @Override
    public Paged<ArtifactFile> list(String path) {
        String dir = full(path);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        return Paged.tokens(token -> {
            Set<String> dirs = new LinkedHashSet<>();
            List<ArtifactFile> out = new ArrayList<>();
            for (String p : runPaths()) {
                if (!p.startsWith(prefix) || p.length() == prefix.length()) {
                    continue;
                }
                if (!rootPath.isEmpty() && !p.startsWith(rootPath + "/")) {
                    continue;
                }
                String rest = p.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    out.add(new ArtifactFile(relative(p), false, null));
                } else if (dirs.add(rest.substring(0, slash))) {
                    out.add(new ArtifactFile(relative(prefix + rest.substring(0, slash)), true, null));
                }
            }
            return new Page<>(out, null);
        });
    }

    private ContentInformation contentInfo(String runPath) {
        ContentInformation info = http.send(ApiRequest.get(history + "/contentinfo").query("path", runPath)
                .header("Accept", "application/json").operation("azureml.artifacts.contentinfo").build(), ContentInformation.class);
        if (info == null || info.contentUri() == null) {
            throw new DataOpsException("Azure ML gave no content URI for artifact '" + runPath + "' of " + rootUri);
        }
        return info;
    }

    /** Opens a file: its SAS URL, then ranged blob reads, each streamed as it arrives. */
    @Override
    public InputStream open(String path) {
        String runPath = full(path);
        String sas = contentInfo(runPath).contentUri();
        return new RangedBlobStream(runPath, sas);
    }

    /** Reads a blob in ranges as azure-storage-blob does: the first {@code firstGet} bytes, then {@code chunkGet} each. */
    private final class RangedBlobStream extends InputStream {
        private final String runPath;
        private final String sas;
        private long offset;
        private long total = -1;
        private String eTag;
        private ApiResponse current;
        private InputStream body;
        private boolean done;

        RangedBlobStream(String runPath, String sas) {
            this.runPath = runPath;
            this.sas = sas;
        }

        private boolean next() throws IOException {
            closeCurrent();
            if (done || (total >= 0 && offset >= total)) {
                done = true;
                return false;
            }
            long size = offset == 0 ? firstGet : chunkGet;
            ApiRequest.Builder rb = ApiRequest.get(sas).unauthenticated()
                    .header("Accept", "application/xml")
                    .header("x-ms-range", "bytes=" + offset + "-" + (offset + size - 1))
                    .header("x-ms-version", BLOB_VERSION)
                    .operation("azureml.blob.get");
            if (eTag != null) {
                rb.header("If-Match", eTag);
            }
            ApiResponse r;
            try {
                r = http.execute(rb.build());
            } catch (io.dataops4j.core.error.ServiceException e) {
                if (e.status() == 416 && offset == 0) {   // an empty blob: no range can be satisfied
                    done = true;
                    return false;
                }
                throw e;
            }
            current = r;
            body = r.body();
            if (r.status() == 200) {
                total = Long.MAX_VALUE;   // the whole blob in one answer: read it to its end
                done = true;
            } else {
                String range = r.header("Content-Range");
                if (range == null || range.lastIndexOf('/') < 0) {
                    throw new DataOpsException("blob read of artifact '" + runPath + "' answered " + r.status() + " without Content-Range");
                }
                total = Long.parseLong(range.substring(range.lastIndexOf('/') + 1).strip());
                if (eTag == null) {
                    eTag = r.header("ETag");
                }
                offset = Math.min(offset + size, total);
            }
            return true;
        }

        private void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
                body = null;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                if (body == null && !next()) {
                    return -1;
                }
                int n = body.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                if (done) {
                    closeCurrent();
                    return -1;
                }
                closeCurrent();
            }
        }

        @Override
        public void close() {
            closeCurrent();
            done = true;
        }
    }

    /**
     * Writes a file: asks the workspace for the artifact's SAS URL, then one Put Blob up to 64 MiB (streamed from the
     * body), or 4 MiB blocks and a block list above.
     */
    @Override
    public void upload(String path, ApiBody content) {
        Objects.requireNonNull(content, "content");
        String runPath = full(path);
        if (runPath.isEmpty()) {
            throw new IllegalArgumentException("an artifact file path is required");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paths", List.of(Map.of("path", runPath)));
        BatchResult r = http.send(ApiRequest.post(history + "/batch/metadata").json(body).header("Accept", "application/json")
                .idempotent().operation("azureml.artifacts.batchCreate").build(), BatchResult.class);
        if (r != null && r.errors() != null && !r.errors().isEmpty()) {
            List<String> msgs = new ArrayList<>();
            r.errors().forEach((k, v) -> msgs.add(k + ": " + (v == null || v.error() == null ? "error" : v.error().code() + ": " + v.error().message())));
            throw new DataOpsException("Azure ML refused artifact '" + runPath + "': " + String.join("; ", msgs));
        }
        ContentInformation info = r == null || r.artifactContentInformation() == null ? null : r.artifactContentInformation().get(runPath);
        if (info == null || info.contentUri() == null) {
            throw new DataOpsException("Azure ML gave no content URI for new artifact '" + runPath + "' of " + rootUri);
        }
        String sas = info.contentUri();
        long length = content.length();
        if (length >= 0 && length <= maxSinglePut) {
            http.send(ApiRequest.put(sas).unauthenticated().header("Accept", "application/xml").header("x-ms-blob-type", "BlockBlob")
                    .header("x-ms-version", BLOB_VERSION)
                    .body(ApiBody.stream(content::open, length, "application/octet-stream")).operation("azureml.blob.put").build());
            return;
        }
        List<String> ids = new ArrayList<>();
        try (InputStream in = content.open()) {
            byte[] buf = new byte[block];
            long offset = 0;
            while (true) {
                int n = in.readNBytes(buf, 0, block);
                if (n <= 0) {
                    break;
                }
                String id = blockId(offset);
                ids.add(id);
                byte[] data = n == block ? buf : java.util.Arrays.copyOf(buf, n);
                http.send(ApiRequest.put(sas).unauthenticated().query("comp", "block").query("blockid", id)
                        .header("Accept", "application/xml").header("x-ms-version", BLOB_VERSION)
                        .body(ApiBody.bytes(data, "application/octet-stream")).operation("azureml.blob.putBlock").build());
                offset += n;
                if (n < block) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the content of " + path, e);
        }
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n<BlockList>");
        ids.forEach(id -> xml.append("<Latest>").append(id).append("</Latest>"));
        xml.append("</BlockList>");
        http.send(ApiRequest.put(sas).unauthenticated().query("comp", "blocklist").header("Accept", "application/xml")
                .header("x-ms-version", BLOB_VERSION)
                .body(ApiBody.bytes(xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml"))
                .operation("azureml.blob.putBlockList").build());
    }

    /**
     * The block id azure-storage-blob gives the block at an offset: base64 of the URL-quoted base64 of the offset as
     * 32 digits (as recorded: offset 0 gives {@code TURBd01...JTNE}).
     */
    static String blockId(long offset) {
        Base64.Encoder b64 = Base64.getEncoder();
        String inner = b64.encodeToString(String.format("%032d", offset).getBytes(StandardCharsets.US_ASCII));
        StringBuilder quoted = new StringBuilder();
        for (char c : inner.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
                quoted.append(c);
            } else {
                quoted.append('%').append(String.format("%02X", (int) c));
            }
        }
        return b64.encodeToString(quoted.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AzureMlArtifactRepository[" + Redactor.url(rootUri) + "]";
    }
}
