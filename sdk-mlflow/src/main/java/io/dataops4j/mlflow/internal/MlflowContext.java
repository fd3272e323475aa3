package io.dataops4j.mlflow.internal;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the sub-clients of one MlflowClient share.
 *
 * @param http            the tracking server's client (base URL = the tracking URI)
 * @param repositories    artifact repositories by URI
 * @param clock           the clock pollers use
 * @param sleeper         the sleeper pollers use
 * @param pollInterval    the first wait between polls
 * @param maxPollInterval the longest wait between polls
 */
public record MlflowContext(ApiClient http, ArtifactRepositories repositories, Clock clock, Sleeper sleeper,
                            Duration pollInterval, Duration maxPollInterval) {
    /** The REST API's base path. */
    public static final String API = "api/2.0/mlflow/";

    /** Sends a request and decodes the answer. */
    public <T> T send(ApiRequest request, Class<T> type) {
        return http.send(request, type);
    }

    /** Sends a request and discards the answer. */
    public void send(ApiRequest request) {
        http.send(request);
    }

    public MlflowContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(repositories, "repositories");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
    }
}
