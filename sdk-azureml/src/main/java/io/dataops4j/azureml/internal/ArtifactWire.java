package io.dataops4j.azureml.internal;

import io.dataops4j.core.Redactor;
import java.util.List;
import java.util.Map;

/**
 * The run-history artifact API's JSON, as the azureml-mlflow plugin's generated models name it
 * ({@code _restclient/run_artifact/models}); public for Moshi only.
 */
public final class ArtifactWire {
    private ArtifactWire() {
    }

    /** {@code PaginatedArtifactList}. */
    public record ArtifactList(List<Artifact> value, String continuationToken, String nextLink) {
    }

    /** One {@code Artifact} of a run (what is read of it). */
    public record Artifact(String artifactId, String origin, String container, String path) {
    }

    /** {@code ArtifactContentInformation}: where a file's bytes are, as a blob SAS URL (a secret). */
    public record ContentInformation(String contentUri, String origin, String container, String path) {
        @Override
        public String toString() {
            return "ContentInformation[" + path + ", " + Redactor.url(String.valueOf(contentUri)) + "]";
        }
    }

    /** {@code BatchArtifactContentInformationResult}. */
    public record BatchResult(Map<String, Artifact> artifacts, Map<String, ContentInformation> artifactContentInformation,
                              Map<String, ErrorBody> errors) {
    }

    /** {@code ErrorResponse}: its root error. */
    public record ErrorBody(RootError error) {
    }

    /** {@code RootError} (code and message). */
    public record RootError(String code, String message) {
    }
}
