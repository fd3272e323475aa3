package io.dataops4j.bench;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExternalLink;
import com.databricks.sdk.service.sql.Format;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Versions;
import io.dataops4j.core.config.Environment;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.sql.Row;
import io.dataops4j.databricks.sql.StatementRequest;
import io.dataops4j.databricks.sql.StatementResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Ways of reading every row of a large EXTERNAL_LINKS statement result. */
final class StatementStacks {
    private StatementStacks() {
    }

    /** Reads the whole result once and returns a checksum over (id, name length, score) of every row. */
    interface Reader extends AutoCloseable {
        String name();

        String description();

        long readAll();

        @Override
        void close();
    }

    static long mix(long acc, long id, int nameLength, double score) {
        return acc + id + 31L * nameLength + (long) (score * 2);
    }

    /** Ours: {@code statements().execute(...)}, rows streamed across chunks with a bounded parallel prefetch. */
    static final class Ours implements Reader {
        private final DatabricksClient dbx;

        Ours(String baseUrl, String token) {
            this.dbx = DatabricksClient.builder().host(baseUrl).token(Secret.of(token))
                    .environment(Environment.of(Map.of())).home(Path.of(System.getProperty("java.io.tmpdir"), "no-databrickscfg"))
                    .build();
        }

        @Override
        public String name() {
            return "ours";
        }

        @Override
        public String description() {
            return "dataops4j " + Versions.sdk() + " statements().execute(EXTERNAL_LINKS) -> Row getters, 4 chunks prefetched";
        }

        @Override
        public long readAll() {
            long acc = 0;
            try (StatementResult r = dbx.sql().statements().execute(StatementRequest.builder("bench-wh", "SELECT * FROM big")
                    .disposition(StatementRequest.Disposition.EXTERNAL_LINKS).build())) {
                for (Row row : r) {
                    acc = mix(acc, row.getLongValue(0), row.getString(1).length(), row.getDouble(2));
                }
            }
            return acc;
        }

        @Override
        public void close() {
            dbx.close();
        }
    }

    /**
     * The peer: {@code statementExecution().executeStatement} and {@code getStatementResultChunkN} for the links;
     * the SDK does not download external links, so each link is fetched as its docs say (no Authorization) with the
     * JDK's HttpClient and read with Jackson's streaming parser (the peer's own JSON library, its most frugal use),
     * one chunk after another.
     */
    static final class Peer implements Reader {
        private final WorkspaceClient ws;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final JsonFactory json = new JsonFactory();

        Peer(String baseUrl, String token) {
            this.ws = new WorkspaceClient(new DatabricksConfig().setHost(baseUrl).setToken(token).setAuthType("pat"));
        }

        @Override
        public String name() {
            return "peer";
        }

        @Override
        public String description() {
            return "databricks-sdk-java " + PeerStack.version() + " executeStatement + getStatementResultChunkN; JDK HttpClient"
                    + " + Jackson streaming per link, sequential";
        }

        @Override
        public long readAll() {
            com.databricks.sdk.service.sql.StatementResponse r = ws.statementExecution().executeStatement(
                    new ExecuteStatementRequest().setWarehouseId("bench-wh").setStatement("SELECT * FROM big")
                            .setDisposition(Disposition.EXTERNAL_LINKS).setFormat(Format.JSON_ARRAY));
            long chunks = r.getManifest().getTotalChunkCount();
            long acc = 0;
            for (long i = 0; i < chunks; i++) {
                Collection<ExternalLink> links = i == 0 ? r.getResult().getExternalLinks()
                        : ws.statementExecution().getStatementResultChunkN(r.getStatementId(), i).getExternalLinks();
                for (ExternalLink l : links) {
                    acc += read(l.getExternalLink());
                }
            }
            return acc;
        }

        private long read(String url) {
            try {
                HttpResponse<InputStream> resp = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long acc = 0;
                try (InputStream in = resp.body(); JsonParser p = json.createParser(in)) {
                    p.nextToken();   // [
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        p.nextToken();
                        long id = Long.parseLong(p.getText());
                        p.nextToken();
                        String name = p.getText();
                        p.nextToken();
                        double score = Double.parseDouble(p.getText());
                        p.nextToken();   // the timestamp, unread
                        p.nextToken();   // ]
                        acc = mix(acc, id, name.length(), score);
                    }
                }
                return acc;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
