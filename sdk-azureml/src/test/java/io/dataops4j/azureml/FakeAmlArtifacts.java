package io.dataops4j.azureml;

import io.dataops4j.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A fake of the Azure ML run-history artifact API and of blob storage behind SAS URLs, answering as recorded from the
 * azureml-mlflow plugin (src/test/resources/wire/artifacts-recording.jsonl, README-artifacts.md): batch/metadata
 * hands out content URIs on this server, the listing pages with nextLink, contentinfo gives a content URI, blobs take
 * Put Blob, Put Block and Put Block List, and answer ranged GETs with 206 and Content-Range.
 */
final class FakeAmlArtifacts extends Dispatcher {
    static final String SIG = "sas-signature-never-logged";
    static final String TOKEN = "aml-token-for-artifacts";
    static final String HISTORY = "/history/v1.0" + FakeArm.WS_ID + "/experiments/exp-1/runs/run-1/artifacts";
    static final String ARTIFACT_URI = "azureml://eastus.api.azureml.ms/mlflow/v2.0" + FakeArm.WS_ID
            + "/experiments/exp-1/runs/run-1/artifacts";
    private static final String BLOB_PREFIX = "/azureml/ExperimentRun/dcid.run-1/";

    final MockWebServer server;
    final List<String> artifacts = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blocks = new ConcurrentHashMap<>();
    /** Requests without their bodies: method, path, query, the headers of interest, body size. */
    final List<Map<String, String>> log = new CopyOnWriteArrayList<>();
    volatile boolean keepLog = true;
    volatile int pageSize = 2;
    volatile int blobStatus;

    FakeAmlArtifacts(MockWebServer server) {
        this.server = server;
    }

    private String sas(String path) {
        StringBuilder p = new StringBuilder();
        for (String seg : path.split("/")) {
            if (p.length() > 0) {
                p.append('/');
            }
            p.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return server.url(BLOB_PREFIX + p).toString() + "?sv=2019-07-07&sr=b&sig=" + SIG + "&se=2026-01-02T00%3A00%3A00Z&sp=rcw";
    }

    private Map<String, Object> contentInfo(String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contentUri", sas(path));
        m.put("origin", "ExperimentRun");
        m.put("container", "dcid.run-1");
        m.put("path", path);
        m.put("tags", Map.of());
        return m;
    }

    private static Map<String, Object> artifact(String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artifactId", "ExperimentRun/dcid.run-1/" + path);
        m.put("origin", "ExperimentRun");
        m.put("container", "dcid.run-1");
        m.put("path", path);
        m.put("etag", "\"0x1\"");
        m.put("createdTime", "2026-01-01T00:00:00Z");
        m.put("tags", Map.of());
        return m;
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(Json.shared().toJson(body)).build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        String m = r.getMethod();
        if (keepLog) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("method", m);
            e.put("path", r.getUrl().encodedPath());
            e.put("query", r.getUrl().encodedQuery());
            for (String h : List.of("Authorization", "x-ms-blob-type", "x-ms-range", "If-Match", "x-ms-version", "Content-Type")) {
                if (r.getHeaders().get(h) != null) {
                    e.put(h, r.getHeaders().get(h));
                }
            }
            e.put("bodySize", String.valueOf(r.getBodySize()));
            if (path.endsWith("/batch/metadata") || "blocklist".equals(r.getUrl().queryParameter("comp"))) {
                e.put("body", r.getBody() == null ? "" : r.getBody().utf8());
            }
            log.add(e);
        }
        if (path.startsWith(BLOB_PREFIX)) {
            if (blobStatus != 0) {
                return new MockResponse.Builder().code(blobStatus).setHeader("x-ms-error-code", "AuthenticationFailed").body(
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code></Error>").build();
            }
            if (!SIG.equals(r.getUrl().queryParameter("sig"))) {
                return new MockResponse.Builder().code(403).build();
            }
            String blob = java.net.URLDecoder.decode(path.substring(BLOB_PREFIX.length()), StandardCharsets.UTF_8);
            String comp = r.getUrl().queryParameter("comp");
            if (m.equals("PUT") && "block".equals(comp)) {
                blocks.put(blob + "|" + r.getUrl().queryParameter("blockid"), r.getBody().toByteArray());
                return new MockResponse.Builder().code(201).setHeader("ETag", "\"0x2\"").build();
            }
            if (m.equals("PUT") && "blocklist".equals(comp)) {
                Matcher ids = Pattern.compile("<Latest>([^<]+)</Latest>").matcher(r.getBody().utf8());
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                while (ids.find()) {
                    byte[] b = blocks.remove(blob + "|" + ids.group(1));
                    if (b == null) {
                        return new MockResponse.Builder().code(400).body("InvalidBlockList").build();
                    }
                    all.writeBytes(b);
                }
                blobs.put(blob, all.toByteArray());
                return new MockResponse.Builder().code(201).setHeader("ETag", "\"0x3\"").build();
            }
            if (m.equals("PUT")) {
                if (!"BlockBlob".equals(r.getHeaders().get("x-ms-blob-type"))) {
                    return new MockResponse.Builder().code(400).body("MissingRequiredHeader").build();
                }
                blobs.put(blob, r.getBody() == null ? new byte[0] : r.getBody().toByteArray());
                return new MockResponse.Builder().code(201).setHeader("ETag", "\"0x4\"").build();
            }
            if (m.equals("GET")) {
                byte[] data = blobs.get(blob);
                if (data == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                String range = r.getHeaders().get("x-ms-range");
                MockResponse.Builder b = new MockResponse.Builder().setHeader("ETag", "\"0x4\"").setHeader("x-ms-blob-type", "BlockBlob");
                if (range == null) {
                    return b.code(200).body(new Buffer().write(data)).build();
                }
                String[] ab = range.substring("bytes=".length()).split("-");
                long a = Long.parseLong(ab[0]);
                long z = Math.min(Long.parseLong(ab[1]), data.length - 1L);
                if (a >= data.length) {
                    return new MockResponse.Builder().code(416).build();
                }
                return b.code(206).setHeader("Content-Range", "bytes " + a + "-" + z + "/" + data.length)
                        .body(new Buffer().write(data, (int) a, (int) (z - a + 1))).build();
            }
        }
        if (!("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
            return json(401, Map.of("error", Map.of("code", "Unauthorized", "message", "no token")));
        }
        if (path.equals(HISTORY + "/batch/metadata") && m.equals("POST")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) Json.shared().fromJson(r.getBody().utf8(), Map.class);
            Map<String, Object> arts = new LinkedHashMap<>();
            Map<String, Object> infos = new LinkedHashMap<>();
            for (Object o : (List<?>) body.get("paths")) {
                String p = String.valueOf(((Map<?, ?>) o).get("path"));
                if (!artifacts.contains(p)) {
                    artifacts.add(p);
                }
                arts.put(p, artifact(p));
                infos.put(p, contentInfo(p));
            }
            return json(200, Map.of("artifacts", arts, "artifactContentInformation", infos, "errors", Map.of()));
        }
        if (path.equals(HISTORY) && m.equals("GET")) {
            String pageParam = r.getUrl().queryParameter("page");
            int page = pageParam == null ? 0 : Integer.parseInt(pageParam);
            int from = page * pageSize;
            List<Object> value = new ArrayList<>();
            for (int i = from; i < Math.min(from + pageSize, artifacts.size()); i++) {
                value.add(artifact(artifacts.get(i)));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("value", value);
            if (from + pageSize < artifacts.size()) {
                out.put("continuationToken", "p" + (page + 1));
                out.put("nextLink", server.url(HISTORY + "?page=" + (page + 1)).toString());
            }
            return json(200, out);
        }
        if (path.equals(HISTORY + "/contentinfo") && m.equals("GET")) {
            String p = r.getUrl().queryParameter("path");
            if (!artifacts.contains(p)) {
                return json(404, Map.of("error", Map.of("code", "UserError", "message", "artifact not found")));
            }
            return json(200, contentInfo(p));
        }
        return json(404, Map.of("error", Map.of("code", "NotFound", "message", "fake: no route for " + m + " " + path)));
    }
}
