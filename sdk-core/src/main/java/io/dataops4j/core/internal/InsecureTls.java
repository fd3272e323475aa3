package io.dataops4j.core.internal;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.LoggerFactory;

/** Trust-all TLS, applied only when a user opts in explicitly (self-signed test servers). */
final class InsecureTls {
    private InsecureTls() {
    }

    static void apply(OkHttpClient.Builder builder) {
        LoggerFactory.getLogger(InsecureTls.class).warn("TLS certificate and host name checks are OFF for this client");
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // trusts every client: explicit opt-in
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // trusts every server: explicit opt-in
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustAll}, new java.security.SecureRandom());
            builder.sslSocketFactory(ctx.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }
}
