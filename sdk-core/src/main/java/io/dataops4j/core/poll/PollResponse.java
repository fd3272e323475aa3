package io.dataops4j.core.poll;

import java.time.Duration;
import java.util.Objects;

/**
 * What one poll saw.
 *
 * @param status     where the operation stands
 * @param value      the state read (a run, an operation status); may be null only while in progress
 * @param retryAfter how long the service asked to wait before the next poll, or null
 * @param message    why it failed, for terminal failures; or a short status line; may be null
 */
public record PollResponse<T>(PollStatus status, T value, Duration retryAfter, String message) {
    public PollResponse {
        Objects.requireNonNull(status, "status");
    }

    public static <T> PollResponse<T> inProgress(T value) {
        return new PollResponse<>(PollStatus.IN_PROGRESS, value, null, null);
    }

    public static <T> PollResponse<T> succeeded(T value) {
        return new PollResponse<>(PollStatus.SUCCEEDED, value, null, null);
    }

    public static <T> PollResponse<T> failed(T value, String message) {
        return new PollResponse<>(PollStatus.FAILED, value, null, message);
    }

    /** The response with secrets masked. */
    @Override
    public String toString() {
        return io.dataops4j.core.Redactor.text("PollResponse[" + status + ", " + value
                + (retryAfter != null ? ", retryAfter=" + retryAfter : "") + (message != null ? ", " + message : "") + "]");
    }

    /** The same response with a service-given wait. */
    public PollResponse<T> withRetryAfter(Duration wait) {
        return new PollResponse<>(status, value, wait, message);
    }
}
