package io.dataops4j.devops;

import io.dataops4j.devops.pipelines.Builds;
import io.dataops4j.devops.pipelines.Pipelines;
import io.dataops4j.devops.releases.Releases;
import io.dataops4j.testkit.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * Writes the public API of sdk-devops to {@code api/sdk-devops.api} (committed, so that every change to it shows in
 * review) and checks that it exposes no wire library type (callers never see OkHttp, Okio or Moshi) and no type of the
 * module's {@code internal} package (sub-clients are made by {@code DevOpsClient}, not by callers).
 */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCommittedListing() {
        ApiListing.of("sdk-devops", DevOpsClient.class)
                .noInternalTypes()
                .noPublicConstructors(Releases.class, Pipelines.class, Builds.class)
                .check();
    }
}
