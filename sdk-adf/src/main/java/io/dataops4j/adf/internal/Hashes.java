package io.dataops4j.adf.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Hashes for incremental deployment. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256(String text) {
        return digest("SHA-256", text.getBytes(StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT);
    }

    public static String md5(byte[] data) {
        return digest("MD5", data);
    }

    /**
     * The MD5 hashes azure.datafactory.tools may have stored for a file it deployed unchanged ({@code Get-FileHash}
     * of the file, upper-case hex): the bytes as they are, and with line ends as LF and as CRLF (a Windows checkout
     * of the same commit has CRLF).
     */
    public static Set<String> toolHashes(byte[] file) {
        Set<String> out = new LinkedHashSet<>();
        out.add(md5(file));
        String text = new String(file, StandardCharsets.UTF_8);
        String lf = text.replace("\r\n", "\n");
        out.add(md5(lf.getBytes(StandardCharsets.UTF_8)));
        out.add(md5(lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
