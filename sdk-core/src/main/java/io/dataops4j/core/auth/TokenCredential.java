package io.dataops4j.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A bearer-token credential that caches the token from a source and fetches a new one ahead of expiry (by
 * default two minutes ahead) or when forced after a 401. Thread-safe: concurrent callers share one fetch.
 *
 * <pre>{@code
 * Credential cred = TokenCredential.of("custom", () -> myTokenService.fetch());
 * }</pre>
 */
public final class TokenCredential implements Credential {
    /** How long before expiry a token is replaced, unless told otherwise. */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(2);

    private final String kind;
    private final Supplier<AccessToken> source;
    private final Duration refreshAhead;
    private final Clock clock;
    private final Map<String, String> extraHeaders;
    private volatile Cached cached;

    private record Cached(AccessToken token, Map<String, String> headers) {
    }

    private TokenCredential(String kind, Supplier<AccessToken> source, Duration refreshAhead, Clock clock,
                            Map<String, String> extraHeaders) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.source = Objects.requireNonNull(source, "source");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    /** A caching credential over a token source. */
    public static TokenCredential of(String kind, Supplier<AccessToken> source) {
        return new TokenCredential(kind, source, DEFAULT_REFRESH_AHEAD, Clock.systemUTC(), Map.of());
    }

    /** The same credential with another refresh margin and clock (tests inject a clock). */
    public TokenCredential withRefresh(Duration refreshAhead, Clock clock) {
        return new TokenCredential(kind, source, refreshAhead, clock, extraHeaders);
    }

    @Override
    public Map<String, String> headers(boolean forceRefresh) {
        Cached c = cached;
        if (forceRefresh || c == null || needsRefresh(c.token())) {
            synchronized (this) {
                c = cached;
                if (forceRefresh || c == null || needsRefresh(c.token())) {
                    AccessToken token = Objects.requireNonNull(source.get(), "token source returned null");
                    java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>(extraHeaders);
                    h.put("Authorization", "Bearer " + token.token().reveal());
                    c = new Cached(token, Map.copyOf(h));
                    cached = c;
                    forceRefresh = false;
                }
            }
        }
        return c.headers();
    }

    private boolean needsRefresh(AccessToken token) {
        return !clock.instant().plus(refreshAhead).isBefore(token.expiresAt());
    }

    /** When the cached token expires, or null when none was fetched yet. */
    public Instant cachedExpiry() {
        Cached c = cached;
        return c == null ? null : c.token().expiresAt();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "Credential[" + kind + "]";
    }
}
