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
 * gets no answer at all. This server does the same on purpose: it answers one request per connection and then
 * closes the connection without a {@code Connection: close} header. Every create must still succeed, once.
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
}
