package io.dataops4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of the calling thread, stack by stack: allocation samples and execution samples
 * (taken only while the thread runs Java code, so socket and lock waits are not in them), grouped by pipeline
 * step. Coarser than {@link Breakdown}: use it to see which steps exist and where the bulk goes. A step is the method that the
 * innermost "anchor" frame (our {@code HttpPipeline}/{@code ApiClient}, or the floor's and peer's call sites)
 * called, so that "HttpPipeline.execute -> Redactor.url" collects everything Redactor.url allocates.
 * Start the JVM with {@code -XX:FlightRecorderOptions:stackdepth=256} so that deep OkHttp stacks keep their anchor,
 * and with small fixed TLABs ({@code -XX:TLABSize=8k -XX:-ResizeTLAB}) so that allocation samples come often.
 */
final class Profile {
    private static final Set<String> ANCHORS = Set.of(
            "io.dataops4j.core.internal.HttpPipeline", "io.dataops4j.core.http.ApiClient",
            "io.dataops4j.bench.OursStack", "io.dataops4j.bench.FloorStack", "io.dataops4j.bench.PeerStack",
            "com.databricks.sdk.core.ApiClient", "com.databricks.sdk.core.commons.CommonsHttpClient");
    private static volatile long sink;

    private Profile() {
    }

    static void run(RunsGetBenchmark.Settings settings, PrintStream out) throws IOException {
        byte[] body = Bodies.runsGet();
        String token = RunsGetBenchmark.TOKEN;
        try (LoopbackServer server = LoopbackServer.start(body, Bodies.RUN_ID, token)) {
            List<Stack> stacks = List.of(
                    new OursStack(server.baseUrl(), token, Bodies.RUN_ID),
                    new FloorStack(server.baseUrl(), token, Bodies.RUN_ID),
                    new PeerStack(server.baseUrl(), token, Bodies.RUN_ID));
            try {
                int calls = settings.rounds() * settings.callsPerRound();
                // warm up under a recording with the same settings: starting the first recording makes the JIT
                // recompile hot code, which would otherwise be charged to whichever stack is profiled first
                try (Recording warmUp = recording()) {
                    warmUp.start();
                    long acc = 0;
                    for (int round = 0; round < 2; round++) {
                        for (Stack s : stacks) {
                            for (int i = 0; i < settings.warmupCalls() / 2; i++) {
                                acc += s.call();
                            }
                        }
                    }
                    sink = acc;
                    warmUp.stop();
                }
                for (Stack s : stacks) {
                    profile(s, calls, out);
                }
            } finally {
                stacks.forEach(Stack::close);
            }
        }
    }

    private static void profile(Stack stack, int calls, PrintStream out) throws IOException {
        Path file = Files.createTempFile("bench-" + stack.name(), ".jfr");
        long self = Thread.currentThread().getId();
        try (Recording recording = recording()) {
            recording.start();
            ThreadCost before = ThreadCost.now();
            long acc = 0;
            for (int i = 0; i < calls; i++) {
                acc += stack.call();
            }
            ThreadCost spent = ThreadCost.now().since(before);
            sink = acc;
            recording.stop();
            recording.dump(file);

            Map<String, Long> bytes = new HashMap<>();
            Map<String, Long> samples = new HashMap<>();
            long sampledBytes = 0;
            long cpuSamples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                String threadField = e.hasField("sampledThread") ? "sampledThread" : "eventThread";
                if (!e.hasField(threadField) || e.getThread(threadField) == null
                        || e.getThread(threadField).getJavaThreadId() != self) {
                    continue;
                }
                String name = e.getEventType().getName();
                if (name.equals("jdk.ObjectAllocationSample")) {
                    // counted, not weighted: with small fixed TLABs the samples fall evenly on the bytes allocated,
                    // while a sample's "weight" also carries whatever was allocated before the previous sample
                    bytes.merge(step(e.getStackTrace()), 1L, Long::sum);
                    sampledBytes++;
                } else if (name.equals("jdk.ExecutionSample")) {
                    samples.merge(step(e.getStackTrace()), 1L, Long::sum);
                    cpuSamples++;
                }
            }
            out.println();
            out.printf(Locale.ROOT, "profile of %s (%s): %,d calls, %.1f us CPU and %.1f KB per call on the calling thread%n",
                    stack.name(), stack.description(), calls, spent.cpuNanos / 1e3 / calls, spent.allocatedBytes / 1024.0 / calls);
            double scale = sampledBytes == 0 ? 0 : (double) spent.allocatedBytes / sampledBytes;
            long sampled = sampledBytes;
            long executions = cpuSamples;
            out.printf(Locale.ROOT, "  allocation by step (%,d JFR samples, scaled to the measured total), bytes per call:%n",
                    sampled);
            top(bytes, 18, (k, v) -> out.printf(Locale.ROOT, "    %8.0f  %5.1f%%  %s%n", v * scale / calls,
                    100.0 * v / Math.max(1, sampled), k));
            out.printf(Locale.ROOT, "  CPU by step (%,d execution samples while in Java code), share:%n", cpuSamples);
            top(samples, 14, (k, v) -> out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * v / Math.max(1, executions), k));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Recording recording() {
        Recording recording = new Recording();
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "200000/s").withStackTrace();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
        return recording;
    }

    /** "anchor.method -> callee.method (allocating frame)" for the innermost anchor frame of a stack. */
    static String step(RecordedStackTrace trace) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = trace.getFrames();
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame f = frames.get(i);
            String type = f.getMethod().getType().getName();
            if (ANCHORS.contains(type)) {
                String anchor = simple(type) + "." + f.getMethod().getName();
                String callee = i == 0 ? "(itself)" : name(frames.get(i - 1));
                String site = i <= 1 ? "" : "  [at " + name(frames.get(0)) + "]";
                return anchor + " -> " + callee + site;
            }
        }
        return (trace.isTruncated() ? "(truncated) " : "(no anchor) ") + name(frames.get(0));
    }

    private static String name(RecordedFrame f) {
        return simple(f.getMethod().getType().getName()) + "." + f.getMethod().getName();
    }

    private static String simple(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    private static void top(Map<String, Long> map, int n, java.util.function.BiConsumer<String, Long> line) {
        map.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> line.accept(e.getKey(), e.getValue()));
    }
}
