package io.dataops4j.databricks.registry;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.DeserializationException;
import io.dataops4j.core.json.Json;
import io.dataops4j.databricks.internal.RegistryWire;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an incoming Model Registry webhook delivery was signed with the webhook's secret. Databricks sends
 * {@code X-Databricks-Signature}: the lowercase hex HMAC-SHA256 of the raw body, keyed with the secret's UTF-8 bytes
 * (docs: "Model Registry webhooks", security). The signature is compared in constant time; a header that is missing or
 * not 64 lowercase hex digits is refused with a message that says so. The body must be the exact bytes received.
 * Databricks signs no timestamp, so replays cannot be bounded here: make handlers idempotent (e.g. on
 * {@code webhook_id} + {@code event_timestamp}).
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(Secret.of(System.getenv("HOOK_SECRET")));
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/hook", exchange -> {
 *     byte[] body = exchange.getRequestBody().readAllBytes();
 *     try {
 *         WebhookDelivery d = verifier.verify(exchange.getRequestHeaders()::getFirst, body);
 *         if (d.event() == RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_TO_PRODUCTION) {
 *             release(d.modelName(), d.version());
 *         }
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
    public static final String SIGNATURE_HEADER = "X-Databricks-Signature";

    private static final int HEX_LENGTH = 64;

    private final Secret secret;

    private WebhookVerifier(Secret secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** A verifier for a webhook's secret (the {@code http_url_spec.secret} it was created with). */
    public static WebhookVerifier of(Secret secret) {
        return new WebhookVerifier(secret);
    }

    /**
     * Verifies a delivery and reads its payload.
     *
     * @param headers a case-insensitive header lookup ({@code exchange.getRequestHeaders()::getFirst})
     * @param body    the exact bytes received
     * @throws WebhookVerificationException when the header is missing or malformed, the signature does not match, or
     *                                      the body is not a webhook payload
     */
    public WebhookDelivery verify(Function<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        return verify(headers.apply(SIGNATURE_HEADER), body);
    }

    /**
     * Verifies a delivery from its {@code X-Databricks-Signature} value and reads its payload.
     *
     * @throws WebhookVerificationException when the signature is missing or malformed, does not match, or the body is
     *                                      not a webhook payload
     */
    public WebhookDelivery verify(String signature, byte[] body) {
        verifySignature(signature, body);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new WebhookVerificationException("the signature matches, but the body is not UTF-8 text (" + body.length
                    + " bytes), so it is not a registry webhook payload");
        }
        RegistryWire.Delivery d;
        try {
            d = text.isBlank() ? null : Json.shared().fromJson(text, RegistryWire.Delivery.class);
        } catch (DeserializationException e) {
            throw new WebhookVerificationException("the signature matches, but the body is not a registry webhook payload: "
                    + e.getMessage());
        }
        if (d == null) {
            throw new WebhookVerificationException("the signature matches, but the body is empty: no registry webhook payload");
        }
        return new WebhookDelivery(d.event(), d.webhookId(), d.eventTimestamp(), d.modelName(), d.version(), d.toStage(),
                d.fromStage(), d.text(), text);
    }

    /**
     * Checks only the signature of a body (any bytes), without reading it.
     *
     * @throws WebhookVerificationException when the signature is missing, malformed or does not match
     */
    public void verifySignature(String signature, byte[] body) {
        Objects.requireNonNull(body, "body");
        byte[] given = parse(signature);
        byte[] expected = mac(body);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " does not match the body (" + body.length
                    + " bytes): it was signed with another secret, or the body changed on the way");
        }
    }

    /** Whether a signature matches a body. */
    public boolean isValid(String signature, byte[] body) {
        try {
            verifySignature(signature, body);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    /** The signature Databricks would send for a body: lowercase hex HMAC-SHA256 (for tests and for forwarding). */
    public String signature(byte[] body) {
        return HexFormat.of().formatHex(mac(Objects.requireNonNull(body, "body")));
    }

    private static byte[] parse(String signature) {
        if (signature == null || signature.isEmpty()) {
            throw new WebhookVerificationException("missing " + SIGNATURE_HEADER + " header (does the webhook have a secret "
                    + "in its http_url_spec?)");
        }
        String s = signature.strip();
        if (s.length() != HEX_LENGTH) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " is malformed: expected " + HEX_LENGTH
                    + " lowercase hex digits (HMAC-SHA256), got " + s.length() + " characters");
        }
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                throw new WebhookVerificationException(SIGNATURE_HEADER + " is malformed: character " + (i + 1)
                        + " is not a hex digit (expected " + HEX_LENGTH + " lowercase hex digits)");
            }
        }
        if (upper) {
            throw new WebhookVerificationException(SIGNATURE_HEADER + " is malformed: it has uppercase hex digits, but "
                    + "Databricks sends lowercase hex (was it re-encoded on the way?)");
        }
        return HexFormat.of().parseHex(s);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secret=****]";
    }
}
