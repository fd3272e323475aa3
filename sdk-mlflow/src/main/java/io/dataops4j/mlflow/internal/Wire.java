package io.dataops4j.mlflow.internal;

import com.squareup.moshi.Json;
import io.dataops4j.core.paging.Page;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.webhooks.Webhook;
import io.dataops4j.mlflow.webhooks.WebhookTestResult;
import java.util.List;
import java.util.Map;

/**
 * The response envelopes of the MLflow REST API, field for field as the protos of MLflow 3.8.1 name them
 * ({@code service.proto}, {@code model_registry.proto}, {@code webhooks.proto}, {@code mlflow_artifacts.proto}).
 * Public only because the JSON reader needs it.
 */
public final class Wire {
    private Wire() {
    }

    /** {@code {"error_code", "message"}}. */
    public record ErrorBody(@Json(name = "error_code") String errorCode, String message) {
    }

    /** CreateExperiment.Response. */
    public record ExperimentId(@Json(name = "experiment_id") String experimentId) {
    }

    /** GetExperiment.Response, GetExperimentByName.Response. */
    public record ExperimentResponse(Experiment experiment) {
    }

    /** SearchExperiments.Response. */
    public record ExperimentsPage(List<Experiment> experiments, @Json(name = "next_page_token") String nextPageToken) {
    }

    /** GetRun.Response, CreateRun.Response. */
    public record RunResponse(Run run) {
    }

    /** UpdateRun.Response. */
    public record RunInfoResponse(@Json(name = "run_info") RunInfo runInfo) {
    }

    /** SearchRuns.Response. */
    public record RunsPage(List<Run> runs, @Json(name = "next_page_token") String nextPageToken) {
        /** The page, holding the decoded list itself (no copy). */
        public Page<Run> page() {
            return Page.wrap(runs, nextPageToken);
        }
    }

    /**
     * GetMetricHistory.Response. Values are read straight into {@link Metric}: NaN and infinities, which MLflow writes
     * the protobuf way ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), are read by the core's JSON.
     */
    public record MetricsPage(List<Metric> metrics, @Json(name = "next_page_token") String nextPageToken) {
        /** The page, holding the decoded list itself (no copy: a history page holds up to 25,000 points). */
        public Page<Metric> page() {
            return Page.wrap(metrics, nextPageToken);
        }
    }

    /** ListArtifacts.Response (tracking API). */
    public record ArtifactsPage(@Json(name = "root_uri") String rootUri, List<ArtifactFile> files,
                                @Json(name = "next_page_token") String nextPageToken) {
    }

    /** mlflow.artifacts.ListArtifacts.Response (proxy API): file names relative to the listed directory. */
    public record ProxyFiles(List<ArtifactFile> files) {
    }

    /** mlflow.artifacts.CreateMultipartUpload.Response. */
    public record MultipartCreated(@Json(name = "upload_id") String uploadId, List<MultipartCredential> credentials) {
    }

    /** mlflow.artifacts.MultipartUploadCredential: where to PUT one part, with which headers. */
    public record MultipartCredential(String url, @Json(name = "part_number") Long partNumber, Map<String, String> headers) {
    }

    /** CreateRegisteredModel/Get/Rename/Update Response. */
    public record RegisteredModelResponse(@Json(name = "registered_model") RegisteredModel registeredModel) {
    }

    /** SearchRegisteredModels.Response. */
    public record RegisteredModelsPage(@Json(name = "registered_models") List<RegisteredModel> registeredModels,
                                       @Json(name = "next_page_token") String nextPageToken) {
    }

    /** CreateModelVersion/Get/Update/TransitionStage/GetByAlias Response. */
    public record ModelVersionResponse(@Json(name = "model_version") ModelVersion modelVersion) {
    }

    /** SearchModelVersions.Response, GetLatestVersions.Response. */
    public record ModelVersionsPage(@Json(name = "model_versions") List<ModelVersion> modelVersions,
                                    @Json(name = "next_page_token") String nextPageToken) {
    }

    /** GetModelVersionDownloadUri.Response. */
    public record DownloadUri(@Json(name = "artifact_uri") String artifactUri) {
    }

    /** CreateWebhook/Get/Update Response. */
    public record WebhookResponse(Webhook webhook) {
    }

    /** ListWebhooks.Response. */
    public record WebhooksPage(List<Webhook> webhooks, @Json(name = "next_page_token") String nextPageToken) {
    }

    /** TestWebhook.Response. */
    public record WebhookTestResponse(WebhookTestResult result) {
    }
}
