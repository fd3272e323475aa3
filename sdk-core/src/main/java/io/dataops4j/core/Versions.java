package io.dataops4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of dataops4j and the user agent it sends. */
public final class Versions {
    private static final String VERSION = load();

    private Versions() {
    }

    /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String sdk() {
        return VERSION;
    }

    /** {@code dataops4j/<version> java/<version> <module>}. */
    public static String userAgent(String module) {
        return "dataops4j/" + VERSION + " java/" + System.getProperty("java.version") + " " + module;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/io/dataops4j/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
