package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registration that takes time or fails: a local MLflow registers synchronously (READY at once), so these answers are
 * scripted, in the shape of {@code model_registry.proto} (ModelVersion: status PENDING_REGISTRATION,
 * FAILED_REGISTRATION or READY, with status_message).
 */
class ModelVersionPollingTest {

    private static String version(String status, String message) {
        return "{\"model_version\": {\"name\": \"churn\", \"version\": \"7\", \"creation_timestamp\": 1700000000000, "
                + "\"last_updated_timestamp\": 1700000000000, \"current_stage\": \"None\", \"source\": "
                + "\"s3://bucket/model\", \"run_id\": \"r1\", \"status\": \"" + status + "\""
                + (message == null ? "" : ", \"status_message\": \"" + message + "\"") + "}}";
    }

    /** A clock that moves only when the sleeper sleeps. */
    private static final class FakeTime extends Clock implements Sleeper {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static MlflowClient client(LocalHttp server, FakeTime time) {
        return MlflowClient.builder().trackingUri(server.url()).timing(time, time)
                .pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();
    }

    @Test
    void failedRegistrationEndsWithTheServersStatusMessage() throws Exception {
        Iterator<String> answers = List.of(
                version("PENDING_REGISTRATION", "Copying artifacts"),
                version("PENDING_REGISTRATION", "Copying artifacts"),
                version("FAILED_REGISTRATION", "Failed to copy s3://bucket/model: AccessDenied")).iterator();
        try (LocalHttp server = new LocalHttp(r -> LocalHttp.Answer.json(200,
                r.path().endsWith("/create") ? version("PENDING_REGISTRATION", null) : answers.next()))) {
            FakeTime time = new FakeTime();
            List<ModelVersionStatus> seen = new ArrayList<>();
            OperationFailedException e = assertThrows(OperationFailedException.class, () -> client(server, time).modelVersions()
                    .create(CreateModelVersion.builder("churn", "s3://bucket/model").runId("r1").build())
                    .onProgress(v -> seen.add(v.status()))
                    .waitForCompletion(Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("Failed to copy s3://bucket/model: AccessDenied"), e.getMessage());
            assertTrue(e.getMessage().contains("churn v7"), e.getMessage());
            ModelVersion last = (ModelVersion) e.finalState();
            assertEquals(ModelVersionStatus.FAILED_REGISTRATION, last.status());
            assertEquals(List.of(ModelVersionStatus.PENDING_REGISTRATION, ModelVersionStatus.PENDING_REGISTRATION,
                    ModelVersionStatus.FAILED_REGISTRATION), seen);
            assertEquals(3, time.sleeps.size(), "one wait before each poll");

            LocalHttp.Received create = server.next(5);
            assertEquals("POST", create.method());
            assertEquals("/api/2.0/mlflow/model-versions/create", create.path());
            LocalHttp.Received poll = server.next(5);
            assertEquals("/api/2.0/mlflow/model-versions/get", poll.path());
            assertEquals("name=churn&version=7", poll.query());
        }
    }

    @Test
    void pendingThenReadySucceeds() throws Exception {
        Iterator<String> answers = List.of(version("PENDING_REGISTRATION", null), version("READY", null)).iterator();
        try (LocalHttp server = new LocalHttp(r -> LocalHttp.Answer.json(200,
                r.path().endsWith("/create") ? version("PENDING_REGISTRATION", null) : answers.next()))) {
            FakeTime time = new FakeTime();
            ModelVersion v = client(server, time).modelVersions()
                    .createAndWait(CreateModelVersion.builder("churn", "s3://bucket/model").build(), Duration.ofMinutes(1));
            assertEquals(ModelVersionStatus.READY, v.status());
            assertEquals("7", v.version());
        }
    }

    @Test
    void aRegistrationStillPendingAtTheDeadlineTimesOutWithTheLastState() throws Exception {
        try (LocalHttp server = new LocalHttp(r -> LocalHttp.Answer.json(200, version("PENDING_REGISTRATION", "waiting")))) {
            FakeTime time = new FakeTime();
            PollTimeoutException e = assertThrows(PollTimeoutException.class, () -> client(server, time).modelVersions()
                    .poll("churn", "7").waitForCompletion(Duration.ofSeconds(30)));
            assertEquals(ModelVersionStatus.PENDING_REGISTRATION, ((ModelVersion) e.lastState()).status());
            assertSame(ModelVersion.class, e.lastState().getClass());
        }
    }
}
