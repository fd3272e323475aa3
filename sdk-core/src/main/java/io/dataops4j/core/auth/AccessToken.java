package io.dataops4j.core.auth;

import io.dataops4j.core.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it expires.
 *
 * @param token     the token
 * @param expiresAt when it stops being valid
 */
public record AccessToken(Secret token, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
