package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.transfer.Action;
import io.dataops4j.mlflow.transfer.TransferCounts;
import io.dataops4j.mlflow.transfer.TransferFailure;
import io.dataops4j.mlflow.transfer.TransferResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an apply did so far; thread-safe. */
public final class Stats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Stats.class);
    private static final int MAX_WARNINGS = 1000;
    private static final int MAX_FAILURES = 10_000;

    final AtomicLong experimentsCreated = new AtomicLong();
    final AtomicLong experimentsUpdated = new AtomicLong();
    final AtomicLong runsCreated = new AtomicLong();
    final AtomicLong runsUpdated = new AtomicLong();
    final AtomicLong runsReplaced = new AtomicLong();
    final AtomicLong runsSkipped = new AtomicLong();
    final AtomicLong runsFailed = new AtomicLong();
    final AtomicLong modelsCreated = new AtomicLong();
    final AtomicLong modelsUpdated = new AtomicLong();
    final AtomicLong versionsCreated = new AtomicLong();
    final AtomicLong versionsUpdated = new AtomicLong();
    final AtomicLong versionsSkipped = new AtomicLong();
    final AtomicLong versionsFailed = new AtomicLong();
    final AtomicLong metricPoints = new AtomicLong();
    final AtomicLong artifactFiles = new AtomicLong();
    final AtomicLong artifactBytes = new AtomicLong();

    private final int maxIds;
    private final Map<String, String> runIds = new LinkedHashMap<>();
    private boolean truncated;
    private final Map<String, Map<String, String>> versions = new LinkedHashMap<>();
    private final List<TransferFailure> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final BufferedWriter idMap;

    public Stats(int maxIds, Path idMapFile) {
        this.maxIds = maxIds;
        try {
            if (idMapFile != null) {
                Path parent = idMapFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                this.idMap = Files.newBufferedWriter(idMapFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                this.idMap = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the id map file " + idMapFile, e);
        }
    }

    void run(Action action) {
        (switch (action) {
            case CREATE -> runsCreated;
            case UPDATE -> runsUpdated;
            case REPLACE -> runsReplaced;
            case SKIP -> runsSkipped;
        }).incrementAndGet();
    }

    void version(Action action) {
        (switch (action) {
            case CREATE, REPLACE -> versionsCreated;
            case UPDATE -> versionsUpdated;
            case SKIP -> versionsSkipped;
        }).incrementAndGet();
    }

    void runId(String source, String target) {
        synchronized (runIds) {
            if (runIds.size() < maxIds || runIds.containsKey(source)) {
                runIds.put(source, target);
            } else {
                truncated = true;
            }
        }
        line("{\"type\":\"run\",\"source\":\"" + source + "\",\"target\":\"" + target + "\"}");
    }

    void versionNumber(String model, String targetModel, String source, String target) {
        synchronized (versions) {
            versions.computeIfAbsent(model, k -> new LinkedHashMap<>()).put(source, target);
        }
        line("{\"type\":\"model_version\",\"model\":" + quote(model) + ",\"target_model\":" + quote(targetModel)
                + ",\"source\":" + quote(source) + ",\"target\":" + quote(target) + "}");
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void line(String json) {
        if (idMap == null) {
            return;
        }
        synchronized (idMap) {
            try {
                idMap.write(json);
                idMap.newLine();
                idMap.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the id map file", e);
            }
        }
    }

    void fail(String item, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warn("{} failed: {}", item, message, e);
        synchronized (failures) {
            if (failures.size() < MAX_FAILURES) {
                failures.add(new TransferFailure(item, message));
            }
        }
    }

    void warn(String message) {
        LOG.warn(message);
        synchronized (warnings) {
            if (warnings.size() < MAX_WARNINGS && !warnings.contains(message)) {
                warnings.add(message);
            }
        }
    }

    public TransferCounts counts() {
        return new TransferCounts(experimentsCreated.get(), experimentsUpdated.get(), runsCreated.get(), runsUpdated.get(),
                runsReplaced.get(), runsSkipped.get(), runsFailed.get(), modelsCreated.get(), modelsUpdated.get(),
                versionsCreated.get(), versionsUpdated.get(), versionsSkipped.get(), versionsFailed.get(), metricPoints.get(),
                artifactFiles.get(), artifactBytes.get());
    }

    public TransferResult result(Duration duration) {
        synchronized (runIds) {
            synchronized (versions) {
                synchronized (failures) {
                    synchronized (warnings) {
                        return new TransferResult(counts(), runIds, versions, failures, warnings, truncated, duration);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (idMap != null) {
            try {
                idMap.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
