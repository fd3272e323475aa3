package io.dataops4j.mlflow;

import io.dataops4j.testkit.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * Writes the public API of sdk-mlflow to {@code api/sdk-mlflow.api} (committed, so that every change to it shows in
 * review) and checks that it exposes no wire library type: callers never see OkHttp, Okio or Moshi.
 */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCommittedListing() {
        ApiListing.of("sdk-mlflow", MlflowClient.class)
                .check();
    }
}
