package io.dataops4j.mlflow.webhooks;

import com.squareup.moshi.Json;

/**
 * What happened when the server sent a test delivery.
 *
 * @param success        whether the receiver answered below 400
 * @param responseStatus the receiver's HTTP status, or null when it could not be reached
 * @param responseBody   the receiver's answer, or null
 * @param errorMessage   why the delivery failed, or null
 */
public record WebhookTestResult(Boolean success, @Json(name = "response_status") Integer responseStatus,
                                @Json(name = "response_body") String responseBody,
                                @Json(name = "error_message") String errorMessage) {
    public WebhookTestResult {
        success = Boolean.TRUE.equals(success);
    }

    /** Whether the receiver answered below 400. */
    public boolean succeeded() {
        return success;
    }
}
