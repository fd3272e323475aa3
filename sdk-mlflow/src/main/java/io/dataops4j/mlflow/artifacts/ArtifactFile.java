package io.dataops4j.mlflow.artifacts;

import com.squareup.moshi.Json;
import java.util.Objects;

/**
 * A file or directory among a run's (or a repository's) artifacts.
 *
 * @param path     the path relative to the artifact root, '/'-separated ({@code model/MLmodel})
 * @param dir      whether it is a directory (never null)
 * @param fileSize the size in bytes for files, or null (directories, or when the store does not say)
 */
public record ArtifactFile(String path, @Json(name = "is_dir") Boolean dir, @Json(name = "file_size") Long fileSize) {
    public ArtifactFile {
        Objects.requireNonNull(path, "path");
        dir = Boolean.TRUE.equals(dir);
    }

    /** Whether it is a directory. */
    public boolean isDir() {
        return dir;
    }

    /** The last segment of the path. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
