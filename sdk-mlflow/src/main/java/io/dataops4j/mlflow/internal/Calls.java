package io.dataops4j.mlflow.internal;

import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests, trying a request that is not idempotent once more when it failed on a stale pooled connection:
 * the server had closed the keep-alive connection (uvicorn, which serves MLflow 3, closes idle ones after 5 s) and
 * the answer ended before its first byte, so the request was never processed. The core pipeline retries only
 * idempotent requests; without this, a POST sent 5 to 10 seconds after the previous request fails with
 * "unexpected end of stream".
 */
public final class Calls {
    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private Calls() {
    }

    public static <T> T send(ApiClient http, ApiRequest request, Type type) {
        try {
            return http.send(request, type);
        } catch (TransportException e) {
            if (!request.idempotent() && staleConnection(e)) {
                LOG.debug("{} hit a connection the server had closed; sending it again", request);
                return http.send(request, type);
            }
            throw e;
        }
    }

    public static void send(ApiClient http, ApiRequest request) {
        send(http, request, Void.class);
    }

    public static ApiResponse execute(ApiClient http, ApiRequest request) {
        try {
            return http.execute(request);
        } catch (TransportException e) {
            if (!request.idempotent() && staleConnection(e)) {
                LOG.debug("{} hit a connection the server had closed; sending it again", request);
                return http.execute(request);
            }
            throw e;
        }
    }

    /** OkHttp's signature of a reused connection closed by the server: no byte of the status line was read. */
    static boolean staleConnection(TransportException e) {
        Throwable c = e.getCause();
        return c instanceof IOException && c.getMessage() != null && c.getMessage().startsWith("unexpected end of stream")
                && c.getCause() instanceof EOFException eof && eof.getMessage() != null && eof.getMessage().contains("limit=0");
    }
}
