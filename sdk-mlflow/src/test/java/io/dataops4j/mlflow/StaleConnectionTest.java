package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * uvicorn (MLflow 3's server) closes keep-alive connections idle for 5 s; a POST sent on such a pooled connection
 * gets no answer at all. The core's pipeline sends such a request once more on a new connection (it never reached
 * the server). The scripted server does the same on purpose: it answers one request per connection and then closes
 * the connection without a {@code Connection: close} header; the real server is caught in its idle window. Every
 * create must still succeed, once.
 */
class StaleConnectionTest {

    @Test
    void aPostOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws Exception {
        AtomicInteger served = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        int length = 0;
                        String line = in.readLine();
                        if (line == null) {
                            continue;
                        }
                        while ((line = in.readLine()) != null && !line.isEmpty()) {
                            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                        }
                        for (int i = 0; i < length; i++) {
                            in.read();
                        }
                        int n = served.incrementAndGet();
                        byte[] body = ("{\"experiment_id\": \"" + n + "\"}").getBytes(StandardCharsets.UTF_8);
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                        // then close, as an idle keep-alive timeout would, with no word to the client
                    } catch (IOException e) {
                        // the test closed the server socket
                    }
                }
            }, "closing-server");
            t.setDaemon(true);
            t.start();
            MlflowClient c = MlflowClient.of("http://127.0.0.1:" + server.getLocalPort());
            assertEquals("1", c.experiments().create("a"));
            assertEquals("2", c.experiments().create("b"));
            assertEquals("3", c.experiments().create("c"));
            assertEquals(3, served.get(), "each create processed exactly once");
        }
    }

    @Test
    void aPostAfterTheRealServersKeepAliveTimeoutIsProcessedOnce() throws Exception {
        MlflowClient c = TestSupport.client();
        String name = TestSupport.unique("stale");
        String first = c.experiments().create(name + "-a");
        // longer than uvicorn's keep-alive timeout (5 s), shorter than the idle time after which OkHttp probes a pooled
        // connection itself before a POST (10 s): the next POST takes the connection the server has closed
        Thread.sleep(6_500);
        String second = c.experiments().create(name + "-b");   // processed twice, it would fail as already existing
        assertEquals(second, c.experiments().getByName(name + "-b").experimentId());
        assertEquals(first, c.experiments().getByName(name + "-a").experimentId());
    }
}
