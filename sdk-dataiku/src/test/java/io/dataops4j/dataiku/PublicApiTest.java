package io.dataops4j.dataiku;

import io.dataops4j.testkit.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * Writes the public API of sdk-dataiku to {@code api/sdk-dataiku.api} (committed, so that every change to it shows in
 * review) and checks that it exposes no wire library type.
 */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCommittedListing() {
        ApiListing.of("sdk-dataiku", DssClient.class)
                .check();
    }
}
