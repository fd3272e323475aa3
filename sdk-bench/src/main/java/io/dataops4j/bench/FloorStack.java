package io.dataops4j.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.dataops4j.bench.model.Run;
import io.dataops4j.core.internal.JsonAdapters;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * (c) The floor of our own stack: a default OkHttpClient and one Moshi adapter (with sdk-core's adapters, so
 * the decoding work is the same as ours), no retry, no credential object, no logging, no request id.
 */
final class FloorStack implements Stack {
    private final OkHttpClient http = new OkHttpClient();
    private final JsonAdapter<Run> adapter = JsonAdapters.install(new Moshi.Builder()).build().adapter(Run.class);
    private final HttpUrl endpoint;
    private final String authorization;
    private final long runId;

    FloorStack(String baseUrl, String token, long runId) {
        this.endpoint = HttpUrl.get(baseUrl + LoopbackServer.PATH);
        this.authorization = "Bearer " + token;
        this.runId = runId;
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public String description() {
        return "OkHttp " + okhttp3.OkHttp.VERSION + " + Moshi -> records";
    }

    @Override
    public long call() {
        Request request = new Request.Builder()
                .url(endpoint.newBuilder().addQueryParameter("run_id", Long.toString(runId)).build())
                .header("Authorization", authorization)
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("HTTP " + response.code() + " from " + endpoint);
            }
            return Checksums.of(adapter.fromJson(response.body().source()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }
}
