package io.dataops4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.Page;

/**
 * (b) MLflow's own Java client, {@code org.mlflow:mlflow-client}: {@code new MlflowClient(trackingUri)} on its default
 * HTTP client (a shaded Apache HttpClient 4.5, whose blocking calls run on the calling thread). Its {@code logBatch}
 * sends what it is given in one request, so a user splits the points into batches of at most 1000 (the server's
 * limit); {@code searchRuns} returns a {@code RunsPage} whose {@code getNextPage()} fetches the next.
 */
final class PeerMlflowStack implements MlflowStack {
    /** The most metrics MLflow accepts in one log-batch request. */
    static final int MAX_METRICS_PER_BATCH = 1000;

    private final org.mlflow.tracking.MlflowClient client;

    PeerMlflowStack(String trackingUri) {
        this.client = new org.mlflow.tracking.MlflowClient(trackingUri);
    }

    @Override
    public String name() {
        return "peer";
    }

    @Override
    public String description() {
        return "org.mlflow:mlflow-client " + version() + ": logBatch per 1000 points, searchRuns + getNextPage";
    }

    /** The version in the jar's Maven metadata. */
    static String version() {
        try (java.io.InputStream in = org.mlflow.tracking.MlflowClient.class.getResourceAsStream(
                "/META-INF/maven/org.mlflow/mlflow-client/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    @Override
    public int logMetrics(String runId, int keys, int steps, long baseMillis) {
        List<Service.Metric> metrics = new ArrayList<>(keys * steps);
        for (int step = 0; step < steps; step++) {
            for (int k = 0; k < keys; k++) {
                metrics.add(Service.Metric.newBuilder().setKey("m" + k).setValue(MlflowStack.value(k, step))
                        .setTimestamp(baseMillis + step).setStep(step).build());
            }
        }
        int requests = 0;
        for (int from = 0; from < metrics.size(); from += MAX_METRICS_PER_BATCH) {
            client.logBatch(runId, metrics.subList(from, Math.min(metrics.size(), from + MAX_METRICS_PER_BATCH)),
                    List.of(), List.of());
            requests++;
        }
        return requests;
    }

    @Override
    public MlflowChecksum searchRuns(String experimentId, int pageSize) {
        MlflowChecksum sum = MlflowChecksum.EMPTY;
        Page<Service.Run> page = client.searchRuns(List.of(experimentId), null, Service.ViewType.ACTIVE_ONLY, pageSize,
                List.of());
        while (true) {
            for (Service.Run run : page.getItems()) {
                long metrics = 0;
                for (Service.Metric m : run.getData().getMetricsList()) {
                    metrics += MlflowChecksum.metric(m.getKey(), m.getValue(), m.getStep());
                }
                long params = 0;
                for (Service.Param p : run.getData().getParamsList()) {
                    params += MlflowChecksum.entry(p.getKey(), p.getValue());
                }
                long tags = 0;
                for (Service.RunTag t : run.getData().getTagsList()) {
                    tags += MlflowChecksum.entry(t.getKey(), t.getValue());
                }
                Service.RunInfo info = run.getInfo();
                sum = sum.plus(MlflowChecksum.run(info.getRunId(), info.hasRunName() ? info.getRunName() : null,
                        info.getStartTime(), metrics, params, tags));
            }
            if (!page.hasNextPage()) {
                return sum;
            }
            page = page.getNextPage();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
