package io.dataops4j.devops.relay;

import io.dataops4j.core.Secret;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.devops.DevOpsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A DevOps mock answering as recorded from the official client, and a plain HTTP sender. */
final class RelayTestSupport {
    static final String RELEASE = "{\"id\":17,\"name\":\"Release-17\",\"status\":\"active\",\"releaseDefinition\":{\"id\":5,\"name\":\"deploy-model\"},"
            + "\"environments\":[{\"id\":41,\"name\":\"staging\",\"status\":\"inProgress\"}]}";
    static final String RUN = "{\"id\":123,\"name\":\"20261128.1\",\"state\":\"inProgress\",\"pipeline\":{\"id\":7,\"name\":\"deploy\"}}";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private RelayTestSupport() {
    }

    /** A DevOps mock: creates releases and runs; the first {@code failures} creates answer 503. */
    static final class DevOpsMock extends Dispatcher {
        final MockWebServer server = new MockWebServer();
        final List<RecordedRequest> creates = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        DevOpsMock() {
            server.setDispatcher(this);
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            if (r.getMethod().equals("POST") && (path.endsWith("/_apis/release/releases") || path.endsWith("/runs"))) {
                creates.add(r);
                if (failures.getAndDecrement() > 0) {
                    return new MockResponse.Builder().code(503).body("").build();
                }
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body(path.endsWith("/runs") ? RUN : RELEASE).build();
            }
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body("{\"message\":\"no such route\",\"typeKey\":\"NotFound\"}").build();
        }

        DevOpsClient client() {
            return DevOpsClient.builder(server.url("/myorg").toString()).pat(Secret.of("relay-pat-123"))
                    .releaseUrl(server.url("/vsrm/myorg").toString()).retryPolicy(RetryPolicy.none()).build();
        }
    }

    static HttpResponse<String> post(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
