package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.tracking.Run;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB artifact up and down through the real server's artifact proxy in a 128 MB heap (this class runs in its
 * own surefire execution with {@code -Xmx128m}, see the pom): any code path that held the file in memory would die
 * with OutOfMemoryError.
 */
class LargeArtifactTest {
    private static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void aHundredMegabytesStreamUpAndDownInASmallHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 160L * 1024 * 1024,
                "this test must run with -Xmx128m (maxMemory " + Runtime.getRuntime().maxMemory() + ")");
        Path file = tmp.resolve("weights.bin");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        Random random = new Random(20240601L);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long n = 0; n < SIZE; n += chunk.length) {
                random.nextBytes(chunk);
                written.update(chunk);
                out.write(chunk);
            }
        }
        byte[] expected = written.digest();

        MlflowClient mlflow = TestSupport.client();
        Run run = mlflow.runs().create(mlflow.experiments().create(TestSupport.unique("large")), "large");
        mlflow.artifacts().upload(run.id(), file, "model");

        ArtifactFile listed = mlflow.artifacts().list(run.id(), "model").first().orElseThrow();
        assertEquals("model/weights.bin", listed.path());
        assertEquals(SIZE, listed.fileSize());

        // streamed read
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(mlflow.artifacts().open(run.id(), "model/weights.bin"), read)) {
            assertEquals(SIZE, in.transferTo(OutputStream.nullOutputStream()));
        }
        assertArrayEquals(expected, read.digest());

        // download to disk
        Path back = mlflow.artifacts().download(run.id(), "model/weights.bin", tmp.resolve("back"));
        assertEquals(SIZE, Files.size(back));
        MessageDigest downloaded = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(back), downloaded)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertArrayEquals(expected, downloaded.digest());
    }
}
