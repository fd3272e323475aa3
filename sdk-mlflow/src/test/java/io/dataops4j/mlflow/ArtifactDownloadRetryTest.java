package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Artifact downloads through the proxy ({@code GET api/2.0/mlflow-artifacts/artifacts/<path>}) are retried on a
 * gateway's 502/503/504 but not on the 500 with which MLflow answers a missing file (retrying cannot mend it). A
 * scripted server stands in for the gateway; the real server's 500 is covered by ArtifactsTest.
 */
class ArtifactDownloadRetryTest {
    private static final String ROOT = "mlflow-artifacts:/1/r1/artifacts";
    private static final String FILE_PATH = "/api/2.0/mlflow-artifacts/artifacts/1/r1/artifacts/notes/a.txt";
    private static final String MISSING = "{\"error_code\": \"INTERNAL_ERROR\", \"message\": "
            + "\"[Errno 2] No such file or directory: '/srv/artifacts/1/r1/artifacts/notes/a.txt'\"}";

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = waits::add;

    private ArtifactRepository repository(LocalHttp server) {
        return MlflowClient.builder().trackingUri(server.url()).timing(Clock.systemUTC(), sleeper).build()
                .artifacts().forUri(ROOT);
    }

    private static String read(ArtifactRepository repo) throws Exception {
        try (InputStream in = repo.open("notes/a.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aGatewayErrorIsRetried() throws Exception {
        Iterator<LocalHttp.Answer> answers = List.of(
                new LocalHttp.Answer(503, "upstream connect error", java.util.Map.of()),
                new LocalHttp.Answer(502, "<html>Bad Gateway</html>", java.util.Map.of()),
                new LocalHttp.Answer(200, "bonjour", java.util.Map.of("Content-Type", "text/plain"))).iterator();
        AtomicInteger other = new AtomicInteger();
        try (LocalHttp server = new LocalHttp(r -> {
            if (!r.path().equals(FILE_PATH)) {
                other.incrementAndGet();
                return LocalHttp.Answer.json(404, "{}");
            }
            return answers.next();
        })) {
            assertEquals("bonjour", read(repository(server)));
            assertEquals(3, List.of(server.next(1), server.next(1), server.next(1)).stream().filter(r -> r.method().equals("GET")).count());
            assertEquals(0, other.get());
            assertEquals(2, waits.size(), "two waits, one per retry");
        }
    }

    @Test
    void theFiveHundredOfAMissingFileIsNotRetried() throws Exception {
        try (LocalHttp server = new LocalHttp(r -> LocalHttp.Answer.json(500, MISSING))) {
            assertThrows(ResourceNotFoundException.class, () -> read(repository(server)));
            server.next(1);
            assertEquals(0, server.pending(), "asked once");
            assertEquals(List.of(), waits);
        }
    }

    @Test
    void anyOtherFiveHundredIsNotRetriedEither() throws Exception {
        try (LocalHttp server = new LocalHttp(r -> LocalHttp.Answer.json(500,
                "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"an unexpected error\"}"))) {
            ServerErrorException e = assertThrows(ServerErrorException.class, () -> read(repository(server)));
            assertEquals(500, e.status());
            server.next(1);
            assertEquals(0, server.pending(), "asked once");
        }
    }
}
