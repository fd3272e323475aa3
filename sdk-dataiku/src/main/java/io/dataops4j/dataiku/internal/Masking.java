package io.dataops4j.dataiku.internal;

import io.dataops4j.core.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Masks the secrets of DSS objects (connection params, JDBC properties flagged secret) before they are printed. */
public final class Masking {
    private Masking() {
    }

    /** Whether a member of this name holds a secret. */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("accesskey") || k.contains("token")
                || k.equals("sas") || k.contains("privatekey") || k.contains("passphrase") || k.contains("apikey");
    }

    /** A copy of a plain JSON value with secrets masked. */
    public static Object mask(Object value) {
        if (value instanceof Map<?, ?> m) {
            boolean secretProperty = Boolean.TRUE.equals(m.get("secret")) && m.containsKey("value");
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object v = e.getValue();
                if ((secretProperty && k.equals("value")) || (isSecretKey(k) && v instanceof String s && !s.isEmpty())) {
                    out.put(k, Redactor.MASK);
                } else {
                    out.put(k, mask(v));
                }
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(mask(v)));
            return out;
        }
        if (value instanceof String s) {
            return Redactor.text(s);
        }
        return value;
    }

    /** The JSON text of a value with secrets masked. */
    public static String json(Object value) {
        return Redactor.text(JsonText.write(mask(value)));
    }
}
