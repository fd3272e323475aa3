package io.dataops4j.mlflow.webhooks;

import io.dataops4j.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an incoming delivery comes from MLflow with the webhook's secret, and is recent. MLflow
 * ({@code mlflow/webhooks/delivery.py}, {@code constants.py}) sends
 * {@code X-MLflow-Signature: v1,<base64(HMAC-SHA256(secret, "{delivery_id}.{timestamp}.{body}"))>} with
 * {@code X-MLflow-Delivery-Id} and {@code X-MLflow-Timestamp} (Unix seconds). Signatures are compared in constant
 * time; a timestamp further than the tolerance (five minutes unless told otherwise) from now is refused, which
 * bounds replays. The body must be the exact bytes received.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(Secret.of(System.getenv("HOOK_SECRET")));
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/hook", exchange -> {
 *     byte[] body = exchange.getRequestBody().readAllBytes();
 *     try {
 *         WebhookDelivery d = verifier.verify(exchange.getRequestHeaders()::getFirst, body);
 *         handle(d.event(), d.data());
 *         exchange.sendResponseHeaders(200, -1);
 *     } catch (WebhookVerificationException e) {
 *         exchange.sendResponseHeaders(401, -1);
 *     }
 * });
 * }</pre>
 *
 * <p>Immutable and thread-safe; its {@code toString()} never shows the secret.
 */
public final class WebhookVerifier {
    /** The header with the signature. */
    public static final String SIGNATURE_HEADER = "X-MLflow-Signature";
    /** The header with the delivery id. */
    public static final String DELIVERY_ID_HEADER = "X-MLflow-Delivery-Id";
    /** The header with the Unix timestamp (seconds). */
    public static final String TIMESTAMP_HEADER = "X-MLflow-Timestamp";
    /** The signature scheme version MLflow writes. */
    public static final String VERSION = "v1";
    /** The timestamp tolerance unless told otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Secret secret;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(Secret secret, Duration tolerance, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance must not be negative");
        }
    }

    /** A verifier for a webhook's secret, with the default tolerance and the system clock. */
    public static WebhookVerifier of(Secret secret) {
        return new WebhookVerifier(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** The same verifier with another timestamp tolerance. */
    public WebhookVerifier withTolerance(Duration tolerance) {
        return new WebhookVerifier(secret, tolerance, clock);
    }

    /** The same verifier with another clock (tests). */
    public WebhookVerifier withClock(Clock clock) {
        return new WebhookVerifier(secret, tolerance, clock);
    }

    /**
     * Verifies a delivery from its headers.
     *
     * @param headers a case-insensitive header lookup ({@code exchange.getRequestHeaders()::getFirst})
     * @param body    the exact bytes received
     * @throws WebhookVerificationException when a header is missing, the signature does not match, or the
     *                                      timestamp is out of tolerance
     */
    public WebhookDelivery verify(Function<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        return verify(headers.apply(DELIVERY_ID_HEADER), headers.apply(TIMESTAMP_HEADER), headers.apply(SIGNATURE_HEADER), body);
    }

    /**
     * Verifies a delivery from its three header values.
     *
     * @throws WebhookVerificationException when a value is missing, the signature does not match, or the timestamp
     *                                      is out of tolerance
     */
    public WebhookDelivery verify(String deliveryId, String timestamp, String signature, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new WebhookVerificationException("missing " + DELIVERY_ID_HEADER + " header");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new WebhookVerificationException("missing " + TIMESTAMP_HEADER + " header");
        }
        if (signature == null || signature.isBlank()) {
            throw new WebhookVerificationException("missing " + SIGNATURE_HEADER + " header (is a secret set on the webhook?)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(TIMESTAMP_HEADER + " is not a Unix timestamp: " + timestamp);
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new WebhookVerificationException("delivery timestamp " + sent + " is " + skew.toSeconds()
                    + " s away from now, beyond the tolerance of " + tolerance.toSeconds() + " s");
        }
        byte[] expected = sign(deliveryId.strip(), timestamp.strip(), body);
        boolean match = false;
        for (String candidate : signature.strip().split("\\s+")) {
            int comma = candidate.indexOf(',');
            if (comma <= 0 || !candidate.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // constant time; every candidate is compared, so timing says nothing about which one matched
            match |= MessageDigest.isEqual(expected, given);
        }
        if (!match) {
            throw new WebhookVerificationException("webhook signature does not match (delivery " + deliveryId + ")");
        }
        return new WebhookDelivery(deliveryId.strip(), sent, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether a delivery verifies. */
    public boolean isValid(String deliveryId, String timestamp, String signature, byte[] body) {
        try {
            verify(deliveryId, timestamp, signature, body);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    /**
     * The signature MLflow would send for these values: {@code v1,<base64 HMAC-SHA256>} (for tests and for
     * forwarding deliveries).
     */
    public String signature(String deliveryId, String timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(sign(deliveryId, timestamp, body));
    }

    private byte[] sign(String deliveryId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(deliveryId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secret=****, tolerance=" + tolerance + "]";
    }
}
