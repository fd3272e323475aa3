package io.dataops4j.mlflow.internal;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A logged model's artifacts read through the tracking server, whatever store holds them (MLflow 3.8.1,
 * {@code mlflow/server/handlers.py}):
 * <ul>
 * <li>{@code GET /api/2.0/mlflow/logged-models/<id>/artifacts/directories?artifact_directory_path=<dir>}: the
 *     entries of a directory, paths relative to the model's artifact root ({@code ListLoggedModelArtifacts})</li>
 * <li>{@code GET /ajax-api/2.0/mlflow/logged-models/<id>/artifacts/files?artifact_file_path=<path>}: a file's bytes
 *     (a missing file answers 500 with an HTML page)</li>
 * </ul>
 * Read-only: uploads need the repository of the model's artifact URI.
 */
public final class LoggedModelArtifacts implements ArtifactRepository {
    private final ApiClient http;
    private final String encodedId;
    private final String modelId;
    private final Set<Integer> downloadRetryStatuses;

    /**
     * @param http      the tracking server's client
     * @param encodedId the model id, encoded for a URL path
     * @param modelId   the model id
     */
    public LoggedModelArtifacts(ApiClient http, String encodedId, String modelId) {
        this.http = http;
        this.encodedId = encodedId;
        this.modelId = modelId;
        Set<Integer> statuses = new HashSet<>(http.retryPolicy().retryStatuses());
        statuses.remove(500);
        this.downloadRetryStatuses = Set.copyOf(statuses);
    }

    /** {@code models:/<model id>}: the server resolves it to the model's artifact root. */
    @Override
    public String rootUri() {
        return "models:/" + modelId;
    }

    @Override
    public Paged<ArtifactFile> list(String path) {
        String dir = ArtifactPaths.normalize(path);
        return Paged.tokens(token -> {
            Wire.ArtifactsPage page = http.send(ApiRequest.get(MlflowContext.API + "logged-models/" + encodedId
                            + "/artifacts/directories")
                    .query("artifact_directory_path", dir.isEmpty() ? null : dir).query("page_token", token)
                    .operation("loggedModels.listArtifacts").build(), Wire.ArtifactsPage.class);
            if (page == null || page.files() == null) {
                return new Page<>(List.of(), null);
            }
            List<ArtifactFile> out = new ArrayList<>(page.files().size());
            for (ArtifactFile f : page.files()) {
                out.add(new ArtifactFile(ArtifactPaths.normalize(f.path()), f.dir(), f.fileSize()));
            }
            return new Page<>(out, page.nextPageToken());
        });
    }

    @Override
    public InputStream open(String path) {
        String p = ArtifactPaths.normalize(path);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("an artifact path is required");
        }
        // retried on the client's statuses but 500: a missing file answers 500, which retrying cannot mend
        ApiResponse response = http.execute(ApiRequest.get("ajax-api/2.0/mlflow/logged-models/" + encodedId
                        + "/artifacts/files").query("artifact_file_path", p).retryOn(downloadRetryStatuses)
                .operation("loggedModels.downloadArtifact").build());
        return new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    @Override
    public void upload(String path, ApiBody content) {
        throw new UnsupportedOperationException("the tracking server's logged model artifact routes are read-only ("
                + rootUri() + "): upload through LoggedModels.artifacts(model)");
    }

    @Override
    public String toString() {
        return "LoggedModelArtifacts[" + rootUri() + "]";
    }
}
