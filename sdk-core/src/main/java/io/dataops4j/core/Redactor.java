package io.dataops4j.core;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it reaches a log, an exception message or a {@code toString()}.
 *
 * <p>Three layers: every {@link Secret} value ever created is masked verbatim; well-known secret shapes are
 * masked by pattern (Authorization values, JSON fields such as {@code "token"} or {@code "client_secret"},
 * {@code password=} in JDBC URLs, SAS {@code sig=} and other secret query parameters, user info in URLs);
 * and {@link #url(String)} rewrites a URL's secret query parameters.
 */
public final class Redactor {
    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    private static final int MIN_REGISTERED_LENGTH = 6;
    private static final int MAX_REGISTERED = 10_000;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private static final Set<String> SECRET_QUERY_PARAMS = Set.of(
            "sig", "signature", "token", "access_token", "refresh_token", "id_token", "code", "client_secret",
            "password", "pwd", "secret", "key", "api_key", "apikey", "api-key", "sv-sig", "x-ms-signature");

    private static final Pattern AUTH_VALUE = Pattern.compile(
            "(?i)\\b(Bearer|Basic|SharedKey|SAS)\\s+([A-Za-z0-9._~+/=:-]{6,})");
    private static final Pattern JSON_SECRET_FIELD = Pattern.compile(
            "(?i)(\"(?:[a-z0-9_.-]*(?:token|secret|password|passwd|pwd|apikey|api_key|accesskey|access_key|"
                    + "credential|private_key|sas|signature|authorization|accountkey|account_key|passphrase)[a-z0-9_.-]*)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern KV_SECRET = Pattern.compile(
            "(?i)\\b((?:password|pwd|secret|client_secret|access_token|sig|apikey|api_key|token|accountkey)\\s*=\\s*)"
                    + "([^;&\\s\"',}]+)");
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s:]+):([^/@\\s]+)@");

    private Redactor() {
    }

    /** Makes a secret value known, so that {@link #text(String)} masks it wherever it appears. */
    static void register(String value) {
        if (value != null && value.length() >= MIN_REGISTERED_LENGTH && KNOWN.size() < MAX_REGISTERED) {
            KNOWN.add(value);
        }
    }

    /** Masks every known secret and every secret-shaped fragment of a text. Null stays null. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String known : KNOWN) {
            // repeat: a replacement can join fragments into the secret again; each pass shortens the text
            while (out.contains(known)) {
                out = out.replace(known, MASK);
            }
        }
        out = AUTH_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                looksLikeCredential(m.group(2)) ? m.group(1) + " " + MASK : m.group()));
        out = JSON_SECRET_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        out = KV_SECRET.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = URL_USERINFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        return out;
    }

    /** A word after "Bearer" or "Basic" is a credential unless it reads like prose ("Basic authentication"). */
    private static boolean looksLikeCredential(String value) {
        if (value.length() >= 20) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** A URL with its secret query parameters and user info masked, safe to log. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        String base = url;
        String query = null;
        String fragment = "";
        if (q >= 0) {
            base = url.substring(0, q);
            query = url.substring(q + 1);
            int h = query.indexOf('#');
            if (h >= 0) {
                fragment = query.substring(h);
                query = query.substring(0, h);
            }
        }
        base = URL_USERINFO.matcher(base).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        if (query == null) {
            return text(base);
        }
        StringBuilder sb = new StringBuilder(base).append('?');
        String[] parts = query.split("&", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('&');
            }
            String part = parts[i];
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (eq >= 0 && isSecretParam(name)) {
                sb.append(name).append('=').append(MASK);
            } else {
                sb.append(part);
            }
        }
        return text(sb.append(fragment).toString());
    }

    /** A URI with its secret query parameters masked, safe to log. */
    public static String url(URI uri) {
        return uri == null ? null : url(uri.toString());
    }

    /** Whether a query parameter of this name carries a secret. */
    public static boolean isSecretParam(String name) {
        return SECRET_QUERY_PARAMS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a header of this name may be logged with its value. */
    public static boolean isLoggableHeader(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type", "content-length", "accept", "user-agent", "date", "retry-after", "x-ms-retry-after-ms",
                    "x-request-id", "x-ms-request-id", "x-ms-client-request-id", "x-ms-correlation-request-id",
                    "x-databricks-org-id", "x-databricks-request-id", "azure-asyncoperation", "location",
                    "x-ms-ratelimit-remaining-subscription-reads", "x-ms-ratelimit-remaining-subscription-writes",
                    "x-ms-continuationtoken", "x-ms-routing-request-id", "dss-version", "etag", "if-match",
                    "idempotency-key", "transfer-encoding", "connection" -> true;
            default -> false;
        };
    }
}
