package io.dataops4j.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

final class BasicAuth {
    private BasicAuth() {
    }

    static String header(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
