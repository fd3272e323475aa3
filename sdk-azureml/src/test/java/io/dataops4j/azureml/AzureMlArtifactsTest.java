package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.json.Json;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureMlArtifactsTest {
    @TempDir
    Path tmp;

    private MockWebServer server;
    private FakeAmlArtifacts fake;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        fake = new FakeAmlArtifacts(server);
        server.setDispatcher(fake);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** The repository as the MLflow client picks it for a run's artifact URI, through the Azure ML platform. */
    private ArtifactRepository repo(String artifactUri) {
        MlflowClient mlflow = MlflowClient.builder().trackingUri(FakeArm.TRACKING_URI)
                .platform(AzureMlMlflow.withCredential(Credential.bearer(Secret.of(FakeAmlArtifacts.TOKEN)))
                        .withEndpoint(server.url("/").toString()))
                .build();
        return mlflow.artifacts().forUri(artifactUri);
    }

    private static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void blockIdsAreTheBlobClientsAsRecorded() throws Exception {
        List<String> recorded = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/wire/artifacts-recording.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Map<?, ?> m = Json.shared().fromJson(line, Map.class);
                if (m.get("query") instanceof Map<?, ?> q && "block".equals(q.get("comp"))) {
                    recorded.add(String.valueOf(q.get("blockid")));
                }
            }
        }
        assertEquals(17, recorded.size(), "65 MiB in 4 MiB blocks");
        for (int i = 0; i < recorded.size(); i++) {
            assertEquals(recorded.get(i), AzureMlArtifactRepository.blockId(i * 4L * 1024 * 1024));
        }
    }

    @Test
    void uploadListAndDownloadNestedDirectoriesAsThePluginDoes() throws Exception {
        Path src = tmp.resolve("src");
        write(src.resolve("small.txt"), "hello azure ml\n");
        write(src.resolve("nested/b.txt"), "bb");
        write(src.resolve("nested/deeper/c.txt"), "ccc");
        write(src.resolve("nested/deeper/d e.txt"), "dddd");
        ArtifactRepository repo = repo(FakeAmlArtifacts.ARTIFACT_URI);
        assertInstanceOf(AzureMlArtifactRepository.class, repo);
        repo.uploadFile(src, "outputs");

        assertEquals(List.of("outputs"), repo.list("").stream().map(ArtifactFile::path).toList());
        assertTrue(repo.list("").stream().allMatch(ArtifactFile::isDir));
        List<ArtifactFile> outputs = repo.list("outputs").stream().toList();
        assertEquals(Map.of("outputs/small.txt", false, "outputs/nested", true),
                outputs.stream().collect(java.util.stream.Collectors.toMap(ArtifactFile::path, ArtifactFile::isDir)));
        assertNull(outputs.stream().filter(f -> !f.isDir()).findFirst().orElseThrow().fileSize(), "the service gives no sizes");
        assertEquals(List.of("outputs/nested/deeper/c.txt", "outputs/nested/deeper/d e.txt"),
                repo.list("outputs/nested/deeper").stream().map(ArtifactFile::path).sorted().toList());
        assertEquals(List.of(), repo.list("outputs/small.txt").stream().toList(), "a file lists as empty");
        assertEquals(List.of(), repo.list("out").stream().toList(), "a name prefix is not a directory");
        assertEquals(4, repo.listRecursive("").stream().count());

        Path dst = repo.download("outputs", tmp.resolve("dst"));
        assertEquals(tree(src), tree(dst));

        // a repository rooted below the run's artifacts sees paths relative to its root
        ArtifactRepository sub = repo(FakeAmlArtifacts.ARTIFACT_URI + "/outputs/nested");
        assertEquals(List.of("b.txt", "deeper"), sub.list("").stream().map(ArtifactFile::path).sorted().toList());
        try (InputStream in = sub.open("deeper/c.txt")) {
            assertEquals("ccc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        // the wire, as recorded from azureml-mlflow: workspace calls with the token, blob calls with the SAS only
        Map<String, String> create = fake.log.stream().filter(e -> e.get("path").endsWith("/batch/metadata")).findFirst().orElseThrow();
        assertEquals("POST", create.get("method"));
        assertTrue(create.get("body").matches("\\{\"paths\":\\[\\{\"path\":\"outputs/[^\"]+\"}]}"), create.get("body"));
        for (Map<String, String> e : fake.log) {
            boolean blob = e.get("path").startsWith("/azureml/ExperimentRun/");
            assertEquals(!blob, e.containsKey("Authorization"), "Authorization only to the workspace: " + e);
            if (blob && e.get("method").equals("PUT")) {
                assertEquals("BlockBlob", e.get("x-ms-blob-type"));
                assertEquals("application/octet-stream", e.get("Content-Type"));
                assertEquals(AzureMlArtifactRepository.BLOB_VERSION, e.get("x-ms-version"));
            }
            if (blob && e.get("method").equals("GET")) {
                assertEquals("bytes=0-33554431", e.get("x-ms-range"));
            }
        }
        assertTrue(fake.log.stream().anyMatch(e -> e.get("path").equals(FakeAmlArtifacts.HISTORY) && "page=1".equals(e.get("query"))),
                "the listing follows nextLink");
        assertTrue(fake.log.stream().anyMatch(e -> e.get("path").equals(FakeAmlArtifacts.HISTORY + "/contentinfo")
                && "outputs/nested/deeper/d e.txt".equals(java.net.URLDecoder.decode(query(e, "path").replace("+", "%2B"),
                        StandardCharsets.UTF_8))), String.valueOf(fake.log));
    }

    @Test
    void shortArtifactUrisTakeTheWorkspaceOfTheTrackingUri() throws Exception {
        ArtifactRepository repo = repo("azureml://experiments/exp-1/runs/run-1/artifacts");
        repo.upload("m/model.bin", ApiBody.bytes(new byte[] {1, 2, 3}, "application/octet-stream"));
        assertArrayEquals(new byte[] {1, 2, 3}, fake.blobs.get("m/model.bin"));
        assertTrue(fake.log.get(0).get("path").startsWith(FakeAmlArtifacts.HISTORY));
    }

    @Test
    void streamsOfUnknownLengthAndLargeFilesGoInBlocksAndComeBackInRanges() throws Exception {
        // small thresholds so that the block and range paths run on a few MB: 1 MiB single put, 256 KiB blocks,
        // 512 KiB first read, then 256 KiB reads
        io.dataops4j.core.http.ApiClient http = io.dataops4j.core.http.ApiClient.builder("azureml", "test")
                .baseUrl(server.url("/").toString()).credential(Credential.bearer(Secret.of(FakeAmlArtifacts.TOKEN))).build();
        ArtifactRepository repo = AzureMlArtifactRepository.of(http, null, FakeAmlArtifacts.ARTIFACT_URI,
                1024 * 1024, 256 * 1024, 512 * 1024, 256 * 1024);
        byte[] data = new byte[3 * 1024 * 1024 + 123];
        new Random(7).nextBytes(data);
        repo.upload("big.bin", ApiBody.file(Files.write(tmp.resolve("big.bin"), data), "application/octet-stream"));
        long blocks = fake.log.stream().filter(e -> "block".equals(query(e, "comp"))).count();
        assertEquals(13, blocks, "3 MiB + 123 bytes in 256 KiB blocks");
        Map<String, String> list = fake.log.stream().filter(e -> "blocklist".equals(query(e, "comp"))).findFirst().orElseThrow();
        assertTrue(list.get("body").startsWith("<?xml version='1.0' encoding='utf-8'?>\n<BlockList><Latest>"
                + AzureMlArtifactRepository.blockId(0) + "</Latest><Latest>" + AzureMlArtifactRepository.blockId(256 * 1024) + "</Latest>"));
        assertArrayEquals(data, fake.blobs.get("big.bin"));

        repo.upload("unknown.bin", ApiBody.stream(() -> new java.io.ByteArrayInputStream(data), -1, "application/octet-stream"));
        assertArrayEquals(data, fake.blobs.get("unknown.bin"));

        fake.log.clear();
        byte[] back;
        try (InputStream in = repo.open("big.bin")) {
            back = in.readAllBytes();
        }
        assertArrayEquals(data, back);
        List<Map<String, String>> gets = fake.log.stream().filter(e -> e.get("path").startsWith("/azureml/")).toList();
        assertEquals("bytes=0-524287", gets.get(0).get("x-ms-range"));
        assertNull(gets.get(0).get("If-Match"));
        assertEquals("bytes=524288-786431", gets.get(1).get("x-ms-range"));
        assertEquals("\"0x4\"", gets.get(1).get("If-Match"), "later ranges are pinned to the first answer's ETag");
        assertEquals(1 + (data.length - 512 * 1024 + 256 * 1024 - 1) / (256 * 1024), gets.size());

        repo.upload("empty.txt", ApiBody.bytes(new byte[0], "text/plain"));
        try (InputStream in = repo.open("empty.txt")) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    private static String query(Map<String, String> e, String name) {
        String q = e.get("query");
        if (q == null) {
            return null;
        }
        for (String kv : q.split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void multiMegabyteFilesMoveWithAHeapSmallerThanThem() throws Exception {
        fake.keepLog = false;
        Path big = tmp.resolve("blocks.bin");      // above 64 MiB: Put Block x 18 + Put Block List
        Path single = tmp.resolve("single.bin");   // below: one streamed Put Blob
        Random rnd = new Random(42);
        byte[] mb = new byte[1024 * 1024];
        try (var out = Files.newOutputStream(big); var out2 = Files.newOutputStream(single)) {
            for (int i = 0; i < 70; i++) {
                rnd.nextBytes(mb);
                out.write(mb);
                if (i < 40) {
                    out2.write(mb);
                }
            }
        }
        Path outDir = Files.createDirectories(tmp.resolve("back"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                ArtifactsMemoryProbe.class.getName(), server.url("/").toString(), outDir.toString(), big.toString(), single.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ok maxHeap="), output);
        long maxHeap = Long.parseLong(output.substring(output.indexOf("ok maxHeap=") + 11).strip().split("\\s")[0]);
        assertTrue(maxHeap < Files.size(single), "the child's heap (" + maxHeap + ") is smaller than each file");
        assertEquals(sha(big), sha(outDir.resolve("blocks.bin")));
        assertEquals(sha(single), sha(outDir.resolve("single.bin")));
        assertEquals(sha(big), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fake.blobs.get("big/blocks.bin"))));
    }

    @Test
    void aMigrationShapedRoundTripKeepsEveryFile() throws Exception {
        // as the MLflow transfer does: list the source recursively, stream each file into the target's upload
        Path src = tmp.resolve("run");
        write(src.resolve("model/MLmodel"), "flavors: {}\n");
        write(src.resolve("model/data/weights.bin"), "w".repeat(100_000));
        write(src.resolve("metrics.json"), "{}");
        MlflowClient local = MlflowClient.builder().trackingUri("http://127.0.0.1:1").build();
        ArtifactRepository from = local.artifacts().forUri(src.toUri().toString());
        ArtifactRepository to = repo(FakeAmlArtifacts.ARTIFACT_URI);
        for (ArtifactFile f : from.listRecursive("").stream().toList()) {
            to.upload(f.path(), ApiBody.stream(() -> from.open(f.path()), f.fileSize() == null ? -1 : f.fileSize(),
                    "application/octet-stream"));
        }
        // and back: Azure ML -> another local root
        Path back = tmp.resolve("back");
        ArtifactRepository into = local.artifacts().forUri(back.toUri().toString());
        for (ArtifactFile f : to.listRecursive("").stream().toList()) {
            into.upload(f.path(), ApiBody.stream(() -> to.open(f.path()), -1, "application/octet-stream"));
        }
        assertEquals(tree(src), tree(back));
    }

    @Test
    void sasUrlsNeverShowInMessagesOrLogs() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ArtifactRepository repo = repo(FakeAmlArtifacts.ARTIFACT_URI);
        repo.upload("a.txt", ApiBody.bytes("a".getBytes(StandardCharsets.UTF_8), "text/plain"));
        fake.blobStatus = 403;
        ServiceException e;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            e = assertThrows(ServiceException.class, () -> {
                try (InputStream in = repo.open("a.txt")) {
                    in.readAllBytes();
                }
            });
            assertThrows(ServiceException.class, () -> repo.upload("b.txt", ApiBody.bytes(new byte[] {1}, "text/plain")));
        } finally {
            System.setErr(err);
        }
        assertEquals(403, e.status());
        assertFalse(String.valueOf(e.getMessage()).contains(FakeAmlArtifacts.SIG), e.getMessage());
        assertFalse(e.toString().contains(FakeAmlArtifacts.SIG));
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("/azureml/ExperimentRun/dcid.run-1/a.txt"), "the blob calls were logged (DEBUG): " + logs);
        assertFalse(logs.contains(FakeAmlArtifacts.SIG), logs);
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains(FakeAmlArtifacts.TOKEN));
        assertFalse(repo.toString().contains(FakeAmlArtifacts.SIG));
    }

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), sha(f));
            }
        }
        return out;
    }

    private static String sha(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(f)) {
            in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
