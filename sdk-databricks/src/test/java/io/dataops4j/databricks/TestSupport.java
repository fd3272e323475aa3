package io.dataops4j.databricks;

import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.config.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;

/** Clients against a MockWebServer, with a fake clock that moves when the code sleeps. */
public final class TestSupport {
    public static final String PAT = "dapi-test-0000000000";

    private TestSupport() {
    }

    /** A clock that only moves when told (or when the sleeper sleeps). */
    public static final class FakeClock extends Clock {
        private volatile Instant now;
        public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        public FakeClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public Sleeper sleeper() {
            return d -> {
                sleeps.add(d);
                advance(d);
            };
        }
    }

    public static DatabricksClient.Builder builder(MockWebServer server, Path home, FakeClock clock) {
        return DatabricksClient.builder()
                .host(server.url("/").toString())
                .environment(Environment.of(Map.of()))
                .home(home)
                .timing(clock, clock.sleeper());
    }

    public static DatabricksClient client(MockWebServer server, Path home, FakeClock clock) {
        return builder(server, home, clock).token(Secret.of(PAT)).build();
    }

    public static FakeClock clock() {
        return new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
