package io.dataops4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataops4j demo} in-process: two real servers, seed, copy, diff, report, servers stopped. */
class DemoCommandTest {
    @TempDir
    Path home;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void copiesDevToProdWithZeroDifferencesAndStopsTheServers() {
        CliHarness.Result r = CliHarness.in(home).run("--json", "demo");
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> report = r.json();

        String devUrl = (String) report.get("dev_url");
        String prodUrl = (String) report.get("prod_url");
        assertTrue(prodUrl.startsWith("http://127.0.0.1:"), prodUrl);
        assertTrue(!prodUrl.equals(devUrl), "DEV and PROD are the same server");
        assertEquals(12, number(report.get("seeded_runs")));

        Map<String, Object> copy = map(report.get("copy"));
        assertEquals(true, copy.get("complete"));
        assertEquals(1, number(copy.get("experiments_created")));
        assertEquals(12, number(copy.get("runs_created")));
        assertEquals(1, number(copy.get("models_created")));
        assertEquals(4, number(copy.get("versions_created")));
        // 3 metrics x (100 + 60 + 40 + 20 + 8 x 30) steps
        assertEquals(3 * (100 + 60 + 40 + 20 + 8 * 30), number(copy.get("metric_points")));
        // MLmodel and model.pkl on two runs, a report and a plot on three; MLmodel and model.pkl in the logged model
        assertEquals(12, number(copy.get("artifact_files")));
        assertEquals(12, map(copy.get("run_ids")).size());
        assertEquals(Map.of("1", "1", "2", "2", "3", "3", "4", "4"), map(copy.get("model_versions")).get(DemoSeed.MODEL));

        Map<String, Object> diff = map(report.get("diff"));
        assertEquals(0, number(diff.get("differences")));
        assertEquals(1, number(diff.get("experiments_compared")));
        assertEquals(12, number(diff.get("runs_compared")));
        assertEquals(1, number(diff.get("models_compared")));
        assertEquals(4, number(diff.get("versions_compared")));

        assertTrue(r.err().contains("\"event\":\"progress\""), r::err);
        // without --keep, both servers are stopped
        assertThrows(IOException.class, () -> health(prodUrl));
        assertThrows(IOException.class, () -> health(devUrl));
    }

    private static int health(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url + "/health").toURL().openConnection(Proxy.NO_PROXY);
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }
}
