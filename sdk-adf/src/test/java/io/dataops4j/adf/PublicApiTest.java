package io.dataops4j.adf;

import io.dataops4j.testkit.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The public API of sdk-adf must match the committed listing {@code api/sdk-adf.api}, so that every change to it shows
 * in review, and expose no wire library or internal type. On a difference the test rewrites the listing and fails
 * once: review the rewritten file, and the next run passes.
 */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCommittedListing() {
        ApiListing.of("sdk-adf", AdfClient.class)
                .showSuperclasses()
                .noInternalTypes()
                .check();
    }
}
