package io.dataops4j.databricks.registry;

import io.dataops4j.core.Secret;
import java.util.Objects;

/**
 * Where an HTTP registry webhook posts ({@code http_url_spec}). The secret signs every delivery
 * ({@code X-Databricks-Signature}, checked by {@link WebhookVerifier}); the authorization value is sent as the
 * delivery's {@code Authorization} header ({@code "<type> <credential>"}, e.g. {@code "Bearer ..."}). Neither is ever
 * returned by the service, shown by {@code toString()} or logged.
 *
 * <pre>{@code
 * HttpUrlSpec target = HttpUrlSpec.of("https://ci.example.com/hooks/databricks")
 *     .withSecret(Secret.of(System.getenv("HOOK_SECRET")))
 *     .withAuthorization(Secret.of("Bearer " + System.getenv("CI_TOKEN")));
 * }</pre>
 *
 * @param url                   the HTTPS URL called with a POST on each event
 * @param secret                the signing secret, or null for unsigned deliveries
 * @param authorization         the {@code Authorization} header value of deliveries, or null
 * @param enableSslVerification whether the server's certificate is checked (the service's default, true, when null)
 */
public record HttpUrlSpec(String url, Secret secret, Secret authorization, Boolean enableSslVerification) {
    public HttpUrlSpec {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("http_url_spec.url must not be blank");
        }
    }

    /** A target URL with no secret and no authorization. */
    public static HttpUrlSpec of(String url) {
        return new HttpUrlSpec(url, null, null, null);
    }

    /** The same target, deliveries signed with this secret. */
    public HttpUrlSpec withSecret(Secret signingSecret) {
        return new HttpUrlSpec(url, Objects.requireNonNull(signingSecret, "secret"), authorization, enableSslVerification);
    }

    /** The same target, deliveries sent with this {@code Authorization} header value ({@code "Bearer ..."}). */
    public HttpUrlSpec withAuthorization(Secret authorizationHeader) {
        return new HttpUrlSpec(url, secret, Objects.requireNonNull(authorizationHeader, "authorization"), enableSslVerification);
    }

    /** The same target with certificate checks on or off (off only for self-signed test receivers). */
    public HttpUrlSpec withSslVerification(boolean enable) {
        return new HttpUrlSpec(url, secret, authorization, enable);
    }

    @Override
    public String toString() {
        return "HttpUrlSpec[url=" + io.dataops4j.core.Redactor.url(url) + ", secret=" + (secret == null ? "none" : "****")
                + ", authorization=" + (authorization == null ? "none" : "****")
                + ", enableSslVerification=" + enableSslVerification + "]";
    }
}
