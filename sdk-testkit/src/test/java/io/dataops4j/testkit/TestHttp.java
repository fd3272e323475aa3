package io.dataops4j.testkit;

import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain HTTP calls for the tests, straight through OkHttp. */
final class TestHttp {
    private static final OkHttpClient CLIENT = new OkHttpClient();
    private static final MediaType JSON = MediaType.get("application/json");

    record Reply(int status, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.shared().parseValue(body);
        }
    }

    private TestHttp() {
    }

    static Reply get(URI base, String pathAndQuery) {
        return call(new Request.Builder().url(base.resolve(pathAndQuery).toString()).build());
    }

    static Reply post(URI base, String path, String json) {
        return call(new Request.Builder().url(base.resolve(path).toString()).post(RequestBody.create(json, JSON)).build());
    }

    private static Reply call(Request request) {
        try (Response response = CLIENT.newCall(request).execute()) {
            return new Reply(response.code(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an experiment and returns its id. */
    static String createExperiment(MlflowServer server, String name) {
        Reply reply = post(server.uri(), "/api/2.0/mlflow/experiments/create", "{\"name\":\"" + name + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("create experiment: " + reply);
        }
        return (String) reply.json().get("experiment_id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> experiment(Reply reply) {
        return (Map<String, Object>) reply.json().get("experiment");
    }
}
