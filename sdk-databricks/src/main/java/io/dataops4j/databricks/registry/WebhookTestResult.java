package io.dataops4j.databricks.registry;

import com.squareup.moshi.Json;

/**
 * What the receiver answered to a test delivery ({@code TestRegistryWebhookResponse}).
 *
 * @param statusCode the receiver's HTTP status, or null
 * @param body       the receiver's answer, or null
 */
public record WebhookTestResult(@Json(name = "status_code") Integer statusCode, String body) {
    /** Whether the receiver answered with a 2xx status. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
