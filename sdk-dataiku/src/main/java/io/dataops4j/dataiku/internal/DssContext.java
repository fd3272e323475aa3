package io.dataops4j.dataiku.internal;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.dataiku.DssVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every sub-client shares: the HTTP client, the server version, the pollers' timing. */
public final class DssContext {
    private static final Logger LOG = LoggerFactory.getLogger("io.dataops4j.dataiku");

    private final ApiClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final AtomicReference<Optional<DssVersion>> version = new AtomicReference<>();

    public DssContext(ApiClient http, DssVersion knownVersion, Clock clock, Sleeper sleeper, Duration pollInterval,
                      Duration maxPollInterval) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.maxPollInterval = maxPollInterval;
        if (knownVersion != null) {
            version.set(Optional.of(knownVersion));
        }
    }

    public ApiClient http() {
        return http;
    }

    /**
     * The server's version from the {@code DSS-Version} header of {@code GET projects/} (read once, as Dataiku's Java
     * client does), or the one given to the builder; empty when the server does not send it.
     */
    public Optional<DssVersion> version() {
        Optional<DssVersion> v = version.get();
        if (v == null) {
            try (ApiResponse r = http.execute(ApiRequest.get("projects/").query("includeLocation", "false")
                    .operation("dss.serverVersion").build())) {
                String header = r.header("DSS-Version");
                v = DssVersion.parse(header);
                LOG.debug("DSS version {}", header == null ? "not sent" : header);
            }
            version.compareAndSet(null, v);
        }
        return v;
    }

    /** Sends a request and reads the answer as JSON kept exact (RawJson); null for an empty answer. */
    public RawJson json(ApiRequest request) {
        return http.send(request, RawJson.class);
    }

    /** Sends a request and reads the answer as plain JSON values (Map, List, ...), numbers exact; null when empty. */
    public Object value(ApiRequest request) {
        RawJson raw = json(request);
        return raw == null ? null : raw.value();
    }

    /** Sends a request and reads the answer as text. */
    public String text(ApiRequest request) {
        try (ApiResponse r = http.execute(request)) {
            return r.bodyString();
        }
    }

    /** A poller with the client's timing. */
    public <T> Poller.Builder<T> poller(String id, String description, Supplier<PollResponse<T>> poll) {
        return Poller.builder(id, description, poll).interval(pollInterval, maxPollInterval).timing(clock, sleeper);
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }
}
