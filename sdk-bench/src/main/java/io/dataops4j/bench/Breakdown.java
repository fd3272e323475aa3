package io.dataops4j.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.dataops4j.bench.model.Run;
import io.dataops4j.bench.proto.SelectEnumAdapter;
import io.dataops4j.bench.proto.SpreadRecordAdapter;
import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Versions;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.internal.HttpPipeline;
import io.dataops4j.core.internal.JsonAdapters;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Where the calling thread's CPU time and allocation go in one {@code ApiClient.send}: each step of sdk-core's
 * pipeline is replayed alone with the calls {@code io.dataops4j.core.internal.HttpPipeline} makes (as of
 * 2026-11-28: {@code url()}, {@code newRequestId()}, {@code buildRequest()}, {@code decode()}), many times, and
 * measured like the main benchmark. Steps the floor also takes are shown in the floor's version, and two whole
 * calls without decoding (ours through {@code ApiClient.execute}, the floor's bare OkHttp call) give the
 * pipeline's overhead black-box, as a check on the replays. When HttpPipeline changes, the replays must follow.
 */
final class Breakdown {
    private static volatile long sink;

    private Breakdown() {
    }

    /** One replayed step: how many times a call takes it, who takes it, and the step itself. */
    record Step(String name, int perCall, String who, int iterations, LongSupplier op) {
    }

    /** A step's median figures per operation. */
    record Figure(Step step, double cpuNanos, double allocBytes) {
    }

    static List<Figure> run(RunsGetBenchmark.Settings settings, PrintStream out) throws IOException {
        byte[] body = Bodies.runsGet();
        String path = "api/2.2/jobs/runs/get";
        long runId = Bodies.RUN_ID;
        String token = RunsGetBenchmark.TOKEN;
        Credential credential = Credential.bearer(Secret.of(token));
        String userAgent = Versions.userAgent("sdk-bench");
        Moshi floorMoshi = JsonAdapters.install(new Moshi.Builder()).build();
        JsonAdapter<Run> floorAdapter = floorMoshi.adapter(Run.class);
        JsonAdapter<Run> selectAdapter = JsonAdapters.install(new Moshi.Builder().add(SelectEnumAdapter.FACTORY)).build()
                .adapter(Run.class);
        JsonAdapter<Run> spreadAdapter = JsonAdapters.install(new Moshi.Builder().add(SpreadRecordAdapter.FACTORY)).build()
                .adapter(Run.class);
        JsonAdapter<Run> bothAdapter = JsonAdapters.install(new Moshi.Builder()
                .add(SelectEnumAdapter.FACTORY).add(SpreadRecordAdapter.FACTORY)).build().adapter(Run.class);
        OkHttpClient http = new OkHttpClient();

        try (LoopbackServer server = LoopbackServer.start(body, runId, token)) {
            HttpUrl base = HttpUrl.get(server.baseUrl() + "/");
            HttpUrl endpoint = base.resolve(path);
            HttpUrl url = endpoint.newBuilder().addQueryParameter("run_id", Long.toString(runId)).build();
            String requestId = UUID.randomUUID().toString();
            int n = 2_000;
            okhttp3.Headers fixedHeaders = new okhttp3.Headers.Builder().add("User-Agent", userAgent).build();
            OursStack ours = new OursStack(server.baseUrl(), token, runId);
            byte[] skipBuffer = new byte[8192];
            List<Step> steps = List.of(
                    new Step("ApiRequest.get(path).query(\"run_id\", id).build()", 1, "ours", n,
                            () -> ApiRequest.get(path).query("run_id", runId).build().query().size()),
                    new Step("url(): baseUrl.newBuilder(path), query, host check, secret-parameter scan", 1, "ours", n,
                            () -> {
                                HttpUrl u = base.newBuilder(path).addQueryParameter("run_id", Long.toString(runId)).build();
                                boolean plainHttpElsewhere = !u.isHttps() && !u.host().equals(base.host())
                                        && !HttpPipeline.isLoopback(u.host());
                                int secrets = 0;
                                for (int i = 0; i < u.querySize(); i++) {
                                    String v = u.queryParameterValue(i);
                                    if (v != null && v.length() >= 16 && Redactor.isSecretParam(u.queryParameterName(i))) {
                                        secrets++;
                                    }
                                }
                                return u.querySize() + secrets + (plainHttpElsewhere ? 1 : 0);
                            }),
                    new Step("floor: endpoint.newBuilder().addQueryParameter()", 1, "floor", n,
                            () -> endpoint.newBuilder().addQueryParameter("run_id", Long.toString(runId)).build().querySize()),
                    new Step("newRequestId(): ThreadLocalRandom, UUID version 4 layout", 1, "ours", n,
                            () -> randomRequestId().length()),
                    new Step("buildRequest(): fixed headers, request id, credential headers", 1, "ours", n, () -> {
                        Request.Builder rb = new Request.Builder().url(url)
                                .headers(fixedHeaders)
                                .header("x-request-id", requestId);
                        credential.headers(false).forEach(rb::header);
                        rb.method("GET", null);
                        return rb.build().headers().size();
                    }),
                    new Step("floor: OkHttp Request with Authorization only", 1, "floor", n,
                            () -> new Request.Builder().url(url).header("Authorization", "Bearer " + token).build()
                                    .headers().size()),
                    new Step("baseline: copy the body into an okio Buffer (subtracted below)", 1, "-", n, () -> {
                        Buffer b = new Buffer().write(body);
                        long size = b.size();
                        b.clear();
                        return size;
                    }),
                    new Step("decode: Json.shared().read(source, Run.class, () -> what)", 1, "ours", n, () -> {
                        Buffer b = new Buffer().write(body);
                        Run run = Json.shared().read(b, Run.class, () -> "GET " + Redactor.url(url.toString()));
                        return run.runId();
                    }),
                    new Step("floor decode: one cached Moshi adapter, sdk-core's adapters", 1, "floor", n, () -> {
                        try {
                            return floorAdapter.fromJson(new Buffer().write(body)).runId();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }),
                    new Step("decode: proposal, enum adapter with JsonReader.selectString", 1, "proposal", n, () -> {
                        try {
                            return selectAdapter.fromJson(new Buffer().write(body)).runId();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }),
                    new Step("decode: proposal, record adapter with a spreader handle built once", 1, "proposal", n, () -> {
                        try {
                            return spreadAdapter.fromJson(new Buffer().write(body)).runId();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }),
                    new Step("decode: both proposals", 1, "proposal", n, () -> {
                        try {
                            return bothAdapter.fromJson(new Buffer().write(body)).runId();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }),
                    new Step("whole call without decoding: ApiClient.execute(), body skipped", 1, "ours", 500, () -> {
                        try (ApiResponse response = ours.api().execute(ApiRequest.get(path).query("run_id", runId).build());
                             java.io.InputStream in = response.body()) {
                            long total = 0;
                            for (int r; (r = in.read(skipBuffer)) > 0; ) {
                                total += r;
                            }
                            return total;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }),
                    new Step("whole call without decoding: OkHttp call, body skipped", 1, "floor", 500, () -> {
                        Request request = new Request.Builder()
                                .url(endpoint.newBuilder().addQueryParameter("run_id", Long.toString(runId)).build())
                                .header("Authorization", "Bearer " + token)
                                .build();
                        try (Response response = http.newCall(request).execute()) {
                            long length = response.body().contentLength();
                            response.body().source().skip(length);
                            return length;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
            List<Figure> figures = measure(steps, settings.rounds());
            print(figures, out);
            return figures;
        } finally {
            http.connectionPool().evictAll();
        }
    }

    /** A version 4 (random) UUID from ThreadLocalRandom: unique enough for a request id, and no lock, no syscall. */
    static String randomRequestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(msb, lsb).toString();
    }

    /**
     * Warms every step up, then measures them round-robin: each round runs every step once, so that a change of
     * load during the run falls on all of them alike.
     */
    private static List<Figure> measure(List<Step> steps, int rounds) {
        long acc = 0;
        for (Step step : steps) {
            for (int i = 0; i < step.iterations() * 2; i++) {
                acc += step.op().getAsLong();
            }
        }
        double[][] cpu = new double[steps.size()][rounds];
        double[][] alloc = new double[steps.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < steps.size(); k++) {
                Step step = steps.get(k);
                ThreadCost before = ThreadCost.now();
                for (int i = 0; i < step.iterations(); i++) {
                    acc += step.op().getAsLong();
                }
                ThreadCost spent = ThreadCost.now().since(before);
                cpu[k][r] = (double) spent.cpuNanos / step.iterations();
                alloc[k][r] = (double) spent.allocatedBytes / step.iterations();
            }
        }
        sink = acc;
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            figures.add(new Figure(steps.get(k), Stats.of(cpu[k]).median(), Stats.of(alloc[k]).median()));
        }
        return figures;
    }

    static void print(List<Figure> figures, PrintStream out) {
        out.println();
        out.println("breakdown: the steps of one ApiClient.send replayed alone (calling thread, median round)");
        String row = "%-72s %-8s %5s %10s %10s %12s %12s%n";
        out.printf(Locale.ROOT, row, "step", "who", "x", "ns/op", "bytes/op", "ns per call", "bytes/call");
        Figure baseline = figures.stream().filter(f -> f.step().name().startsWith("baseline")).findFirst().orElseThrow();
        for (Figure f : figures) {
            double cpu = f.cpuNanos();
            double alloc = f.allocBytes();
            String name = f.step().name();
            if (name.contains("decode")) {
                cpu -= baseline.cpuNanos();
                alloc -= baseline.allocBytes();
            }
            out.printf(Locale.ROOT, row, name, f.step().who(), "x" + f.step().perCall(), fmt(cpu), fmt(alloc),
                    fmt(cpu * f.step().perCall()), fmt(alloc * f.step().perCall()));
        }
        double replayCpu = 0;
        double replayAlloc = 0;
        double wholeCpu = 0;
        double wholeAlloc = 0;
        for (Figure f : figures) {
            String name = f.step().name();
            int sign = f.step().who().equals("ours") ? 1 : f.step().who().equals("floor") ? -1 : 0;
            if (name.startsWith("whole call")) {
                wholeCpu += sign * f.cpuNanos();
                wholeAlloc += sign * f.allocBytes();
            } else if (!name.contains("decode")) {
                replayCpu += sign * f.cpuNanos() * f.step().perCall();
                replayAlloc += sign * f.allocBytes() * f.step().perCall();
            }
        }
        out.printf(Locale.ROOT, "our pipeline's overhead over the floor, decoding aside: replayed steps %s ns and %s bytes per call;"
                + " whole calls %s ns and %s bytes%n", fmt(replayCpu), fmt(replayAlloc), fmt(wholeCpu), fmt(wholeAlloc));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static long sink() {
        return sink;
    }
}
