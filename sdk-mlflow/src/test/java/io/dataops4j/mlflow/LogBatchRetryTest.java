package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.mlflow.tracking.LogBatchResult;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code runs/log-batch} is sent again when the server is busy: MLflow answers 503 TEMPORARILY_UNAVAILABLE when its
 * database is locked (SQLAlchemy's OperationalError, {@code mlflow/store/db/utils.py}), and storing the same batch
 * twice changes nothing. An answer that says the batch itself is wrong is not retried.
 */
class LogBatchRetryTest {
    private static final String BUSY = "{\"error_code\": \"TEMPORARILY_UNAVAILABLE\", \"message\": "
            + "\"(sqlite3.OperationalError) database is locked\"}";

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = waits::add;

    private MlflowClient client(LocalHttp server) {
        return MlflowClient.builder().trackingUri(server.url()).timing(Clock.systemUTC(), sleeper).build();
    }

    @Test
    void aBatchTheServerWasTooBusyToStoreIsSentAgain() throws Exception {
        Iterator<LocalHttp.Answer> answers = List.of(LocalHttp.Answer.json(503, BUSY), LocalHttp.Answer.json(200, "{}")).iterator();
        try (LocalHttp server = new LocalHttp(r -> answers.next())) {
            LogBatchResult r = client(server).runs().logBatch("r1", List.of(Metric.of("loss", 0.5, 1000L, 3)),
                    List.of(Param.of("lr", "0.1")), List.of());
            assertEquals(1, r.requests());
            LocalHttp.Received first = server.next(1);
            LocalHttp.Received second = server.next(1);
            assertEquals("/api/2.0/mlflow/runs/log-batch", first.path());
            assertEquals(first.bodyText(), second.bodyText(), "the same batch, whole");
            assertEquals(1, waits.size(), "one wait before sending it again");
        }
    }

    @Test
    void aBatchTheServerRefusesIsNotSentAgain() throws Exception {
        String refused = "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Changing param values is not allowed\"}";
        try (LocalHttp server = new LocalHttp(r -> LocalHttp.Answer.json(400, refused))) {
            assertThrows(BadRequestException.class, () -> client(server).runs().logBatch("r1", List.of(),
                    List.of(Param.of("lr", "0.2")), List.of()));
            server.next(1);
            assertEquals(0, server.pending());
            assertEquals(List.of(), waits);
        }
    }
}
