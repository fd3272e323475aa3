package io.dataops4j.devops.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a verified delivery says, source-independent.
 *
 * @param source     {@code mlflow} or {@code databricks}
 * @param deliveryId the sender's delivery id, or null (Databricks sends none)
 * @param event      MLflow {@code entity.action} or the Databricks event name
 * @param model      the model name
 * @param version    the version, or null
 * @param stage      the target stage, or null
 * @param alias      the alias, or null
 * @param runId      the run id, or null
 * @param timestamp  the sender's event timestamp as given, or null
 */
public record RelayEvent(String source, String deliveryId, String event, String model, String version, String stage, String alias,
                         String runId, String timestamp) {
    /** What identifies the event itself, across different deliveries of it. */
    public String identity() {
        return source + "|" + event + "|" + model + "|" + version + "|" + stage + "|" + alias + "|" + timestamp;
    }

    /** The variables passed to DevOps: MODEL_NAME, MODEL_VERSION, MODEL_STAGE, MODEL_ALIAS, MODEL_RUN_ID, MODEL_EVENT. */
    public Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("MODEL_EVENT", event);
        v.put("MODEL_NAME", model);
        put(v, "MODEL_VERSION", version);
        put(v, "MODEL_STAGE", stage);
        put(v, "MODEL_ALIAS", alias);
        put(v, "MODEL_RUN_ID", runId);
        return v;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
