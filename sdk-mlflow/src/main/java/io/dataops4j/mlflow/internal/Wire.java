package io.dataops4j.mlflow.internal;

import com.squareup.moshi.Json;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunData;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.tracking.RunInputs;
import io.dataops4j.mlflow.tracking.RunOutputs;
import io.dataops4j.mlflow.webhooks.Webhook;
import io.dataops4j.mlflow.webhooks.WebhookTestResult;
import java.util.ArrayList;
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

    /**
     * A metric as it travels. The value is read as a number or a string because MLflow writes NaN and infinities
     * the protobuf way, as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, which a strict JSON
     * number reader refuses.
     */
    public record WireMetric(String key, Object value, Long timestamp, Long step,
                             @Json(name = "dataset_name") String datasetName,
                             @Json(name = "dataset_digest") String datasetDigest,
                             @Json(name = "model_id") String modelId,
                             @Json(name = "run_id") String runId) {
        public Metric toMetric() {
            return new Metric(key, number(value), timestamp == null ? 0L : timestamp, step == null ? 0L : step,
                    datasetName, datasetDigest, modelId, runId);
        }

        static double number(Object v) {
            if (v instanceof Double d) {
                return d;
            }
            if (v instanceof String s) {
                return Double.parseDouble(s);
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            return Double.NaN;
        }

        static List<Metric> toMetrics(List<WireMetric> wire) {
            if (wire == null || wire.isEmpty()) {
                return List.of();
            }
            List<Metric> out = new ArrayList<>(wire.size());
            for (WireMetric w : wire) {
                out.add(w.toMetric());
            }
            return out;
        }
    }

    /** RunData as it travels. */
    public record WireRunData(List<WireMetric> metrics, List<Param> params, List<Tag> tags) {
    }

    /** Run as it travels. */
    public record WireRun(RunInfo info, WireRunData data, RunInputs inputs, RunOutputs outputs) {
        public Run toRun() {
            RunData d = data == null ? null : new RunData(WireMetric.toMetrics(data.metrics()), data.params(), data.tags());
            return new Run(info, d, inputs, outputs);
        }
    }

    /** GetRun.Response, CreateRun.Response. */
    public record RunResponse(WireRun run) {
    }

    /** UpdateRun.Response. */
    public record RunInfoResponse(@Json(name = "run_info") RunInfo runInfo) {
    }

    /** SearchRuns.Response. */
    public record RunsPage(List<WireRun> runs, @Json(name = "next_page_token") String nextPageToken) {
        public List<Run> toRuns() {
            if (runs == null || runs.isEmpty()) {
                return List.of();
            }
            List<Run> out = new ArrayList<>(runs.size());
            for (WireRun r : runs) {
                out.add(r.toRun());
            }
            return out;
        }
    }

    /** GetMetricHistory.Response. */
    public record MetricsPage(List<WireMetric> metrics, @Json(name = "next_page_token") String nextPageToken) {
        public List<Metric> toMetrics() {
            return WireMetric.toMetrics(metrics);
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
