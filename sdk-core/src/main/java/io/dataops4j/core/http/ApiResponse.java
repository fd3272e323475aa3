package io.dataops4j.core.http;

import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * A successful (2xx or 3xx) answer whose body has not been read yet. Close it (try-with-resources) once the body
 * is read; the body streams, so a large download never sits in memory.
 *
 * <pre>{@code
 * try (ApiResponse r = client.execute(ApiRequest.get(url).build())) {
 *     Files.copy(r.body(), target);
 * }
 * }</pre>
 */
public interface ApiResponse extends AutoCloseable {
    int status();

    /** The first value of a header, or null. */
    String header(String name);

    /** Every header, names in lower case. */
    Map<String, List<String>> headers();

    /** The body as a stream (read it once). */
    InputStream body();

    /** The request id that was sent, the same on every attempt. */
    String requestId();

    /** The body as text. */
    default String bodyString() {
        try (InputStream in = body()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes the body as JSON. */
    default <T> T decode(Type type) {
        return Json.shared().fromJson(body(), type, "response body");
    }

    @Override
    void close();
}
