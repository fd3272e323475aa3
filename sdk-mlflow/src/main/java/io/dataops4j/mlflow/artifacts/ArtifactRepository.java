package io.dataops4j.mlflow.artifacts;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.internal.ArtifactTransfers;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A store of artifacts under one root URI: the MLflow artifact proxy ({@code mlflow-artifacts:/...}), a local
 * directory ({@code file:///...}), or a storage that another module plugs in through an
 * {@link ArtifactRepositoryFactory} (Databricks DBFS or Unity Catalog volumes, Azure ML blob storage). Paths are
 * relative to the root and '/'-separated; {@code ..} segments are refused. Transfers stream: memory stays bounded
 * whatever the size of a file.
 *
 * <pre>{@code
 * ArtifactRepository repo = mlflow.artifacts().forRun(runId);
 * repo.uploadFile(Path.of("model.onnx"), "model");          // -> model/model.onnx
 * repo.listRecursive("").forEach(System.out::println);       // lazy, files only
 * Path local = repo.download("model", Path.of("/tmp/out"));  // a directory, recursively
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
public interface ArtifactRepository {
    /** The root URI this repository serves (an artifact location, a run's artifact URI). */
    String rootUri();

    /**
     * The entries directly inside a directory, with paths relative to the root. An empty listing for a file or a
     * missing directory.
     *
     * @param path a directory relative to the root; "" for the root
     */
    Paged<ArtifactFile> list(String path);

    /** Opens a file for reading; the caller closes the stream. */
    InputStream open(String path);

    /**
     * Writes a file, creating the directories above it. The body may be read more than once (retries): use
     * {@link ApiBody#file(Path, String)} or {@link ApiBody#stream(java.util.function.Supplier, long, String)}.
     */
    void upload(String path, ApiBody content);

    /** Deletes a file or a directory with everything in it. */
    default void delete(String path) {
        throw new UnsupportedOperationException("this artifact repository cannot delete: " + rootUri());
    }

    /** Every file (not directory) under a directory, depth first, listed lazily directory by directory. */
    default Paged<ArtifactFile> listRecursive(String path) {
        return ArtifactTransfers.walk(this::list, path);
    }

    /**
     * Downloads a file or a directory (recursively) into a local directory, under its own name, streaming each
     * file to disk.
     *
     * @param path           the artifact path; "" for everything
     * @param destinationDir an existing or new local directory
     * @return the local file or directory written
     */
    default Path download(String path, Path destinationDir) {
        return ArtifactTransfers.download(this, path, destinationDir);
    }

    /**
     * Uploads a local file as {@code artifactDir/<file name>}, or a local directory's content (recursively) under
     * {@code artifactDir}.
     *
     * @param local       a file or a directory
     * @param artifactDir the directory relative to the root; "" or null for the root
     */
    default void uploadFile(Path local, String artifactDir) {
        ArtifactTransfers.upload(this, local, artifactDir);
    }
}
