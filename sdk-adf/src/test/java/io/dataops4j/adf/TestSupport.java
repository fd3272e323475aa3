package io.dataops4j.adf;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class TestSupport {
    private TestSupport() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestSupport.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path mini() {
        return resource("adf-mini");
    }

    static String read(AdfObject o, String path) {
        return o.read(path).map(r -> r.json()).orElse("<missing>");
    }
}
