package io.dataops4j.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever surrounds it, a registered secret never comes out of the Redactor; a URL's signature never either. */
class RedactorPropertiesTest {

    /** Secrets as they come: tokens, keys, passwords with punctuation; a fixed prefix keeps them apart from other tests' text. */
    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!$%@:;\"' ")
                .ofMinLength(3).ofMaxLength(60).map(s -> "Zq7" + s);
    }

    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("Bearer ", "password=", "{\"token\":\"", "https://u:", "?sig=", "Basic ", "", "\n", "****", "Zq7"));
    }

    @Property(tries = 400)
    void aRegisteredSecretNeverLeaks(@ForAll("secrets") String secret, @ForAll("surroundings") String before,
                                     @ForAll("surroundings") String after, @ForAll("surroundings") String between) {
        Secret.of(secret);
        String text = before + secret + between + secret + after;
        String out = Redactor.text(text);
        assertFalse(out.contains(secret), () -> "leaked " + secret + " in " + out);
        assertFalse(Redactor.url(text).contains(secret), () -> "leaked through url(): " + secret);
    }

    @Property(tries = 400)
    void aSignatureInAUrlIsAlwaysMasked(@ForAll("signatures") String sig, @ForAll("paramNames") String name) {
        String url = "https://acc.blob.core.windows.net/c/blob.parquet?sv=2022-11-02&" + name + "=" + sig + "&se=2026-01-01";
        String out = Redactor.url(url);
        assertTrue(out.contains("&" + name + "=****&"), out);
        assertFalse(out.contains(name + "=" + sig), out);
    }

    @Provide
    Arbitrary<String> signatures() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%-_.~").ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> paramNames() {
        return Arbitraries.of("sig", "SIG", "signature", "code", "token", "client_secret", "api-key", "x-ms-signature");
    }
}
