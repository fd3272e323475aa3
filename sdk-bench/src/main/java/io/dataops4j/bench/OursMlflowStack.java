package io.dataops4j.bench;

import io.dataops4j.core.Versions;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.tracking.LogBatchResult;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.SearchRuns;
import java.util.ArrayList;
import java.util.List;

/**
 * (a) dataops4j sdk-mlflow with its defaults: {@code runs().logBatch} with every point at once (it splits them within
 * the server's limits), and {@code runs().search} consumed lazily, page by page.
 */
final class OursMlflowStack implements MlflowStack {
    private final MlflowClient client;

    OursMlflowStack(String trackingUri) {
        this.client = MlflowClient.builder().trackingUri(trackingUri).build();
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public String description() {
        return "dataops4j sdk-mlflow " + Versions.sdk() + ": runs().logBatch(all points), runs().search(...) iterated";
    }

    @Override
    public int logMetrics(String runId, int keys, int steps, long baseMillis) {
        List<Metric> metrics = new ArrayList<>(keys * steps);
        for (int step = 0; step < steps; step++) {
            for (int k = 0; k < keys; k++) {
                metrics.add(Metric.of("m" + k, MlflowStack.value(k, step), baseMillis + step, step));
            }
        }
        LogBatchResult r = client.runs().logBatch(runId, metrics, List.<Param>of(), List.<Tag>of());
        if (r.metrics() != metrics.size()) {
            throw new IllegalStateException("sent " + r.metrics() + " of " + metrics.size() + " points");
        }
        return r.requests();
    }

    @Override
    public MlflowChecksum searchRuns(String experimentId, int pageSize) {
        MlflowChecksum sum = MlflowChecksum.EMPTY;
        for (Run run : client.runs().search(SearchRuns.builder().experimentIds(experimentId).pageSize(pageSize).build())) {
            long metrics = 0;
            for (Metric m : run.data().metrics()) {
                metrics += MlflowChecksum.metric(m.key(), m.value(), m.step());
            }
            long params = 0;
            for (Param p : run.data().params()) {
                params += MlflowChecksum.entry(p.key(), p.value());
            }
            long tags = 0;
            for (Tag t : run.data().tags()) {
                tags += MlflowChecksum.entry(t.key(), t.value());
            }
            sum = sum.plus(MlflowChecksum.run(run.id(), run.info().runName(), run.info().startTime().toEpochMilli(),
                    metrics, params, tags));
        }
        return sum;
    }

    /** The client, for setting up and checking the server's state (never measured). */
    MlflowClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
