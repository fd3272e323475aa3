package io.dataops4j.mlflow.artifacts;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.internal.ArtifactPaths;
import io.dataops4j.mlflow.internal.ArtifactTransfers;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.Wire;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's artifacts: list (one directory, or recursively and lazily), download and upload streaming with bounded
 * memory, delete. Listing goes through the tracking server ({@code /api/2.0/mlflow/artifacts/list}), which sees any
 * store it is configured for; reading and writing go through the {@link ArtifactRepository} of the run's artifact
 * root: the artifact proxy for {@code mlflow-artifacts:} roots, the local file system for {@code file:} roots, or a
 * plugged-in {@link ArtifactRepositoryFactory}.
 *
 * <pre>{@code
 * Artifacts artifacts = mlflow.artifacts();
 * artifacts.upload(runId, Path.of("out/model"), "model");            // a directory, recursively
 * artifacts.list(runId, "model").forEach(f -> System.out.println(f.path() + " " + f.fileSize()));
 * Path local = artifacts.download(runId, "model", Path.of("/tmp/dl"));
 * try (InputStream in = artifacts.open(runId, "model/MLmodel")) { ... }
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code MlflowClient.artifacts()}.
 */
public final class Artifacts {
    private static final int RUN_ROOT_CACHE = 1024;

    private final MlflowContext ctx;
    private final Map<String, String> runRoots = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RUN_ROOT_CACHE;
        }
    };

    /** Used by {@code MlflowClient}. */
    public Artifacts(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** The entries at the top of a run's artifacts. */
    public Paged<ArtifactFile> list(String runId) {
        return list(runId, "");
    }

    /**
     * The entries directly inside a directory of a run's artifacts (paths relative to the run's artifact root),
     * through the tracking server; pages are fetched as they are consumed.
     */
    public Paged<ArtifactFile> list(String runId, String path) {
        Objects.requireNonNull(runId, "runId");
        String p = ArtifactPaths.normalize(path);
        return Paged.tokens(token -> {
            Wire.ArtifactsPage page = ctx.send(ApiRequest.get(MlflowContext.API + "artifacts/list")
                    .query("run_id", runId).query("path", p.isEmpty() ? null : p).query("page_token", token)
                    .operation("artifacts.list").build(), Wire.ArtifactsPage.class);
            if (page == null) {
                return new Page<>(List.of(), null);
            }
            if (page.rootUri() != null) {
                rememberRoot(runId, page.rootUri());
            }
            return new Page<>(page.files(), page.nextPageToken());
        });
    }

    /** Every file (not directory) under a directory of a run's artifacts, depth first, listed lazily. */
    public Paged<ArtifactFile> listRecursive(String runId, String path) {
        Objects.requireNonNull(runId, "runId");
        return ArtifactTransfers.walk(dir -> list(runId, dir), path);
    }

    /** Opens a run's artifact file for streaming; the caller closes it. */
    public InputStream open(String runId, String path) {
        return forRun(runId).open(path);
    }

    /**
     * Downloads a file or a directory (recursively) of a run's artifacts into a local directory, under its own name
     * ({@code ""} downloads everything into {@code destinationDir}). Each file streams to disk.
     *
     * @return the local file or directory
     */
    public Path download(String runId, String path, Path destinationDir) {
        return forRun(runId).download(path, destinationDir);
    }

    /**
     * Uploads a local file as {@code artifactDir/<file name>}, or every file of a local directory (recursively)
     * under {@code artifactDir}, streaming from disk.
     */
    public void upload(String runId, Path local, String artifactDir) {
        forRun(runId).uploadFile(local, artifactDir);
    }

    /** Uploads content as one artifact file at {@code path}. */
    public void upload(String runId, String path, ApiBody content) {
        forRun(runId).upload(path, content);
    }

    /** Deletes an artifact file or directory of a run. */
    public void delete(String runId, String path) {
        forRun(runId).delete(path);
    }

    /** The repository of a run's artifact root (one {@code runs/get} the first time a run is seen). */
    public ArtifactRepository forRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        String root;
        synchronized (runRoots) {
            root = runRoots.get(runId);
        }
        if (root == null) {
            root = ctx.send(ApiRequest.get(MlflowContext.API + "runs/get").query("run_id", runId)
                    .operation("runs.get").build(), Wire.RunResponse.class).run().info().artifactUri();
            rememberRoot(runId, root);
        }
        return ctx.repositories().forUri(root);
    }

    /**
     * The repository rooted at any artifact URI: an experiment's artifact location, a run's artifact URI, a model
     * version's download URI.
     */
    public ArtifactRepository forUri(String artifactUri) {
        return ctx.repositories().forUri(artifactUri);
    }

    private void rememberRoot(String runId, String root) {
        synchronized (runRoots) {
            runRoots.put(runId, root);
        }
    }
}
