package io.dataops4j.core.http;

import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * A request body. Every kind can be sent again on a retry: JSON and bytes are held, files are re-read, streams
 * come from a supplier that opens a new stream per attempt.
 */
public abstract sealed class ApiBody permits ApiBody.Bytes, ApiBody.FileBody, ApiBody.StreamBody {
    private final String contentType;

    private ApiBody(String contentType) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    /** A JSON body, encoded once. */
    public static ApiBody json(Object value) {
        return new Bytes("application/json; charset=utf-8", Json.shared().toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public static ApiBody form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(enc(k) + "=" + enc(v)));
        return new Bytes("application/x-www-form-urlencoded", j.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes. */
    public static ApiBody bytes(byte[] data, String contentType) {
        return new Bytes(contentType, data.clone());
    }

    /** A file, streamed from disk on each attempt. */
    public static ApiBody file(Path file, String contentType) {
        return new FileBody(contentType, file);
    }

    /** A stream of known length (or -1), opened anew for each attempt. */
    public static ApiBody stream(Supplier<InputStream> opener, long length, String contentType) {
        return new StreamBody(contentType, opener, length);
    }

    /** The media type. */
    public String contentType() {
        return contentType;
    }

    /** The length in bytes, or -1 when unknown. */
    public abstract long length();

    /** Opens the content for one attempt. */
    public abstract InputStream open();

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Bytes held in memory. */
    public static final class Bytes extends ApiBody {
        private final byte[] data;

        Bytes(String contentType, byte[] data) {
            super(contentType);
            this.data = data;
        }

        /** The content (not a copy: do not change it). */
        public byte[] data() {
            return data;
        }

        @Override
        public long length() {
            return data.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(data);
        }
    }

    /** A file read on each attempt. */
    public static final class FileBody extends ApiBody {
        private final Path file;

        FileBody(String contentType, Path file) {
            super(contentType);
            this.file = Objects.requireNonNull(file, "file");
        }

        public Path file() {
            return file;
        }

        @Override
        public long length() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** A stream from a supplier. */
    public static final class StreamBody extends ApiBody {
        private final Supplier<InputStream> opener;
        private final long length;

        StreamBody(String contentType, Supplier<InputStream> opener, long length) {
            super(contentType);
            this.opener = Objects.requireNonNull(opener, "opener");
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public InputStream open() {
            return opener.get();
        }
    }
}
