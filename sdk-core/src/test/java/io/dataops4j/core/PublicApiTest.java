package io.dataops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.testsupport.ApiListing;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public API of sdk-core, listed in {@code api/sdk-core.api} (committed: every change to it shows in review), and
 * what it exposes: no type of the libraries the core hides (OkHttp, Okio, Moshi, resilience4j) and no type of its
 * {@code internal} package, except the deliberate uses listed in {@link #DELIBERATE}.
 *
 * <p>When the API changes on purpose, this test rewrites the listing and fails once; review the diff and commit it.
 */
class PublicApiTest {
    private static final List<String> HIDDEN = List.of("okhttp3.", "okio.", "com.squareup.moshi.", "io.github.resilience4j.",
            "io.dataops4j.core.internal.");

    /**
     * Listing lines that name a hidden type on purpose, with the reason. Moshi's annotations are the JSON mapping
     * of every module's records ({@code @Json(name)}, qualifiers); an Okio source is how the core's own pipeline (in
     * the {@code internal} package, so it needs a public method) feeds an answer to JSON without copying it.
     */
    static final Map<String, String> DELIBERATE = Map.of(
            "annotation io.dataops4j.core.json.EpochMillis @java.lang.annotation.Documented @com.squareup.moshi.JsonQualifier "
                    + "@java.lang.annotation.Retention @java.lang.annotation.Target",
            "a Moshi qualifier: that is what makes @EpochMillis select the epoch-millisecond adapter",
            "<T> T read(okio.BufferedSource, java.lang.reflect.Type, java.util.function.Supplier<java.lang.String>)",
            "Json: decoding straight from the answer's Okio source, for the pipeline in the internal package (and "
                    + "sdk-bench's breakdown, which replays it)");

    private static Path moduleDir() throws URISyntaxException {
        // target/test-classes -> module directory
        return Path.of(PublicApiTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent();
    }

    private static String listing() throws Exception {
        Path classes = Path.of(ApiClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ApiListing.of(classes, PublicApiTest.class.getClassLoader());
    }

    @Test
    void thePublicApiIsTheCommittedListing() throws Exception {
        String api = listing();
        assertTrue(api.contains("final class io.dataops4j.core.http.ApiClient implements java.lang.AutoCloseable\n"), "the listing names the client");
        Path file = moduleDir().resolve("api/sdk-core.api");
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!committed.equals(api)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, api, StandardCharsets.UTF_8);
            fail("the public API of sdk-core changed: " + file + " has been rewritten; review the diff (git diff "
                    + "sdk-core/api) and commit it with the change");
        }
    }

    @Test
    void thePublicApiExposesNoHiddenLibraryOrInternalTypeExceptDeliberately() throws Exception {
        List<String> leaks = new ArrayList<>();
        Set<String> used = new java.util.HashSet<>();
        for (String line : listing().split("\n")) {
            String member = line.strip();
            boolean hidden = ApiListing.typesIn(line).stream().anyMatch(t -> HIDDEN.stream().anyMatch(t::startsWith));
            if (hidden) {
                if (DELIBERATE.containsKey(member)) {
                    used.add(member);
                } else {
                    leaks.add(member);
                }
            }
        }
        assertEquals(List.of(), leaks, "hidden library or internal types in sdk-core's public API");
        assertEquals(DELIBERATE.keySet(), used, "every deliberate exception is still needed");
    }

    @Test
    void typesAreFoundInListingLines() {
        assertEquals(List.of("java.util.Map", "java.lang.String", "java.util.List", "okhttp3.Headers$Builder"),
                ApiListing.typesIn("  static java.util.Map<java.lang.String, java.util.List<okhttp3.Headers$Builder>> x(T)"));
    }
}
