package io.dataops4j.databricks.internal;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.databricks.registry.CreateRegistryWebhook;
import io.dataops4j.databricks.registry.HttpUrlSpec;
import io.dataops4j.databricks.registry.RegistryWebhook;
import io.dataops4j.databricks.registry.RegistryWebhookEvent;
import io.dataops4j.databricks.registry.UpdateRegistryWebhook;
import io.dataops4j.databricks.registry.WebhookJobSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire shapes of the Model Registry webhooks API ({@code /api/2.0/mlflow/registry-webhooks/...}, databricks-sdk
 * {@code ModelRegistryAPI}): request bodies, the only place where webhook secrets are revealed, and answer envelopes.
 */
public final class RegistryWire {
    private RegistryWire() {
    }

    /** {@code {"webhook": {...}}}, the answer of create and update. */
    public record WebhookEnvelope(RegistryWebhook webhook) {
    }

    /** A page of {@code registry-webhooks/list}. */
    public record WebhooksPage(List<RegistryWebhook> webhooks, @Json(name = "next_page_token") String nextPageToken) {
    }

    /** The fields of a delivery body (docs: Model Registry webhooks, payload). */
    public record Delivery(RegistryWebhookEvent event, @Json(name = "webhook_id") String webhookId,
                           @Json(name = "event_timestamp") @EpochMillis Instant eventTimestamp,
                           @Json(name = "model_name") String modelName, String version,
                           @Json(name = "to_stage") String toStage, @Json(name = "from_stage") String fromStage,
                           String text) {
    }

    /** The body of {@code registry-webhooks/create}. */
    public static Map<String, Object> createBody(CreateRegistryWebhook r) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "model_name", r.modelName());
        m.put("events", names(r.events()));
        put(m, "description", r.description());
        put(m, "status", r.status() == null ? null : r.status().name());
        put(m, "http_url_spec", r.httpUrlSpec() == null ? null : http(r.httpUrlSpec()));
        put(m, "job_spec", r.jobSpec() == null ? null : job(r.jobSpec()));
        return m;
    }

    /** The body of {@code registry-webhooks/update}. */
    public static Map<String, Object> updateBody(UpdateRegistryWebhook r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        put(m, "events", r.events() == null ? null : names(r.events()));
        put(m, "description", r.description());
        put(m, "status", r.status() == null ? null : r.status().name());
        put(m, "http_url_spec", r.httpUrlSpec() == null ? null : http(r.httpUrlSpec()));
        put(m, "job_spec", r.jobSpec() == null ? null : job(r.jobSpec()));
        return m;
    }

    /** The body of {@code registry-webhooks/test}. */
    public static Map<String, Object> testBody(String id, RegistryWebhookEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        put(m, "event", event == null ? null : event.name());
        return m;
    }

    /** Event names, as the service spells them. */
    public static List<String> names(List<RegistryWebhookEvent> events) {
        List<String> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(e.name()));
        return out;
    }

    private static Map<String, Object> http(HttpUrlSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        put(m, "secret", s.secret() == null ? null : s.secret().reveal());
        put(m, "authorization", s.authorization() == null ? null : s.authorization().reveal());
        put(m, "enable_ssl_verification", s.enableSslVerification());
        return m;
    }

    private static Map<String, Object> job(WebhookJobSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", s.jobId());
        m.put("access_token", s.accessToken().reveal());
        put(m, "workspace_url", s.workspaceUrl());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
