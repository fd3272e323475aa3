package io.dataops4j.dataiku.internal;

import io.dataops4j.core.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Loads a trust store file (PKCS12 or JKS) into an SSL context. */
public final class TrustStores {
    private TrustStores() {
    }

    /** An SSL context and its trust manager. */
    public record Loaded(SSLContext sslContext, X509TrustManager trustManager) {
    }

    public static Loaded load(Path file, char[] password) {
        KeyStore ks = null;
        Exception last = null;
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore k = KeyStore.getInstance(type);
                k.load(in, password);
                ks = k;
                break;
            } catch (IOException | GeneralSecurityException e) {
                last = e;
            }
        }
        if (ks == null) {
            throw new ConfigurationException("cannot read trust store " + file + " (PKCS12 or JKS): "
                    + (last == null ? "unknown error" : last.getMessage()), last);
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    SSLContext ssl = SSLContext.getInstance("TLS");
                    ssl.init(null, new TrustManager[] {x}, null);
                    return new Loaded(ssl, x);
                }
            }
            throw new ConfigurationException("trust store " + file + " gives no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot use trust store " + file + ": " + e.getMessage(), e);
        }
    }
}
