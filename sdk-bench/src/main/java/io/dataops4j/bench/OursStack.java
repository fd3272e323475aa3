package io.dataops4j.bench;

import io.dataops4j.bench.model.Run;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Versions;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;

/**
 * (a) dataops4j: sdk-core's {@link ApiClient} with its defaults (retry policy, request id, user agent, bearer
 * credential, logging at INFO), decoding into records through {@code Json.shared()}.
 */
final class OursStack implements Stack {
    private final ApiClient api;
    private final long runId;

    OursStack(String baseUrl, String token, long runId) {
        this.api = ApiClient.builder("DATABRICKS", "sdk-bench")
                .baseUrl(baseUrl)
                .credential(Credential.bearer(Secret.of(token)))
                .build();
        this.runId = runId;
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public String description() {
        return "dataops4j " + Versions.sdk() + " ApiClient.send -> records";
    }

    @Override
    public long call() {
        Run run = api.send(ApiRequest.get("api/2.2/jobs/runs/get").query("run_id", runId).build(), Run.class);
        return Checksums.of(run);
    }

    ApiClient api() {
        return api;
    }

    @Override
    public void close() {
        api.close();
    }
}
