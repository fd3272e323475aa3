package io.dataops4j.mlflow.tracking;

import io.dataops4j.mlflow.internal.Lists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A logged model's parameters and metrics ({@code LoggedModelData}).
 *
 * @param params  its parameters ({@code {key, value}}, the shape of a run's {@link Param})
 * @param metrics the metrics logged against it (with {@link Metric#modelId()} set), possibly empty
 */
public record LoggedModelData(List<Param> params, List<Metric> metrics) {
    public LoggedModelData {
        params = Lists.view(params);
        metrics = Lists.view(metrics);
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

    /** The parameters by key. */
    public Map<String, String> paramMap() {
        Map<String, String> m = new LinkedHashMap<>();
        params.forEach(p -> m.put(p.key(), p.value()));
        return m;
    }
}
