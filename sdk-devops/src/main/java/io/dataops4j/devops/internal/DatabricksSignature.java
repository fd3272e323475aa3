package io.dataops4j.devops.internal;

import io.dataops4j.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Databricks registry webhook signatures: {@code X-Databricks-Signature} is the lowercase hex HMAC-SHA256 of the raw
 * body with the webhook's secret (shared/reference/databricks-api.md). Move to sdk-databricks once it has one.
 */
public final class DatabricksSignature {
    public static final String HEADER = "X-Databricks-Signature";

    private DatabricksSignature() {
    }

    /** The signature Databricks sends for a body. */
    public static String sign(Secret secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether a signature matches, compared in constant time. */
    public static boolean verify(Secret secret, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
