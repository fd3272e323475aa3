package io.dataops4j.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the requests an MLflow server answered, from the access log its uvicorn writes to the server's log file
 * ({@code INFO:     127.0.0.1:54321 - "POST /api/2.0/mlflow/runs/log-batch HTTP/1.1" 200 OK}): how many, by method,
 * path and status, and from how many client connections (source ports). The clients never see it, so every stack is
 * counted the same way.
 */
final class ServerLog {
    private static final Pattern ACCESS = Pattern.compile(
            "^INFO: +[0-9.]+:(\\d+) - \"(\\S+) (\\S+) HTTP/[0-9.]+\" (\\d{3})", Pattern.MULTILINE);

    /** What was answered between two marks. */
    record Requests(long count, int connections, Map<String, Long> byRequest) {
        @Override
        public String toString() {
            return count + " requests on " + connections + " connections " + byRequest;
        }
    }

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    /** The end of the log now, once the server has stopped writing (it logs a request just after answering it). */
    long mark() {
        long size = size();
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            sleep(20);
            long now = size();
            if (now != size) {
                size = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= 150_000_000L) {
                break;
            }
        }
        return size;
    }

    /** The requests logged between two marks. */
    Requests between(long from, long to) {
        String text;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (to - from)];
            raf.seek(from);
            raf.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Matcher m = ACCESS.matcher(text);
        long count = 0;
        Set<String> ports = new HashSet<>();
        Map<String, Long> by = new TreeMap<>();
        while (m.find()) {
            count++;
            ports.add(m.group(1));
            String path = m.group(3);
            int q = path.indexOf('?');
            by.merge(m.group(2) + " " + (q < 0 ? path : path.substring(0, q)) + " " + m.group(4), 1L, Long::sum);
        }
        return new Requests(count, ports.size(), by);
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
