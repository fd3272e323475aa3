package io.dataops4j.dataiku;

import io.dataops4j.core.Secret;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.dataiku.testsupport.FakeClock;
import io.dataops4j.dataiku.testsupport.RecordingSleeper;
import io.dataops4j.testkit.FixtureDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;

/**
 * A MockWebServer answering from the fixtures recorded from dataikuapi (src/test/resources/fixtures/dss/OP.json,
 * written by wire/record-dss.py), and a client for it whose pollers and retries wait on a fake clock.
 */
final class DssFixtures implements AutoCloseable {
    /** The fixture API key (its Basic header is what the recordings carry). */
    static final String API_KEY = "fixture-dss-api-key-0001";
    static final DssVersion NEW = DssVersion.parse("14.3.3").orElseThrow();
    static final DssVersion OLD = DssVersion.parse("13.4.2").orElseThrow();

    final MockWebServer server = new MockWebServer();
    final FixtureDispatcher fixtures;
    final FakeClock clock = new FakeClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private DssFixtures(FixtureDispatcher fixtures) {
        this.fixtures = fixtures;
        server.setDispatcher(fixtures);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server answering from the fixtures of these recorded operations. */
    static DssFixtures of(String... ops) {
        FixtureDispatcher.Builder b = FixtureDispatcher.builder();
        for (String op : ops) {
            b.classpath("fixtures/dss/" + op + ".json");
        }
        return new DssFixtures(b.build());
    }

    /** A server answering from fixture text, then from the fixtures of recorded operations. */
    static DssFixtures ofJson(String json, String... ops) {
        FixtureDispatcher.Builder b = FixtureDispatcher.builder().json("inline", json);
        for (String op : ops) {
            b.classpath("fixtures/dss/" + op + ".json");
        }
        return new DssFixtures(b.build());
    }

    String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** A client that does not ask for the server's version. */
    DssClient client(DssVersion version) {
        return client(b -> b.serverVersion(version));
    }

    /** A client that asks for the server's version. */
    DssClient client() {
        return client(b -> { });
    }

    DssClient client(Consumer<DssClient.Builder> customize) {
        DssClient.Builder b = DssClient.builder(url(), Secret.of(API_KEY))
                .timing(clock, sleeper)
                .pollInterval(Duration.ofMillis(200), Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.defaults().withRetryStatuses(DssClient.RETRIED_STATUSES));
        customize.accept(b);
        return b.build();
    }

    /** Every request matched a fixture, and every fixture answered all its responses. */
    void verify() {
        fixtures.assertAllMatched();
        fixtures.assertAllUsed();
    }

    @Override
    public void close() {
        server.close();
    }
}
