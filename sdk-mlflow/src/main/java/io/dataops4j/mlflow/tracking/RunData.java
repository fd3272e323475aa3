package io.dataops4j.mlflow.tracking;

import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.Lists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's metrics (the latest point of each key only: read the full history with
 * {@link Runs#metricHistory(String, String)}), parameters and tags.
 *
 * @param metrics the latest point of each metric
 * @param params  the parameters
 * @param tags    the tags, including MLflow's own ({@code mlflow.runName}, {@code mlflow.user}, ...)
 */
public record RunData(List<Metric> metrics, List<Param> params, List<Tag> tags) {
    public RunData {
        metrics = Lists.view(metrics);
        params = Lists.view(params);
        tags = Lists.view(tags);
    }

    /** The latest value of a metric, or null. */
    public Double metric(String key) {
        for (Metric m : metrics) {
            if (m.key().equals(key)) {
                return m.value();
            }
        }
        return null;
    }

    /** A parameter's value, or null. */
    public String param(String key) {
        for (Param p : params) {
            if (p.key().equals(key)) {
                return p.value();
            }
        }
        return null;
    }

    /** A tag's value, or null. */
    public String tag(String key) {
        for (Tag t : tags) {
            if (t.key().equals(key)) {
                return t.value();
            }
        }
        return null;
    }

    /** The latest metric values by key. */
    public Map<String, Double> metricMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        metrics.forEach(x -> m.put(x.key(), x.value()));
        return m;
    }

    /** The parameters by key. */
    public Map<String, String> paramMap() {
        Map<String, String> m = new LinkedHashMap<>();
        params.forEach(x -> m.put(x.key(), x.value()));
        return m;
    }

    /** The tags by key. */
    public Map<String, String> tagMap() {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(x -> m.put(x.key(), x.value()));
        return m;
    }
}
