package io.dataops4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer {@link Dispatcher} that serves a fixed script of responses in order, whatever the request, and
 * counts the attempts: the companion of {@link Faults} for retry tests. Once the script is used up it answers
 * {@value #EXHAUSTED_STATUS} with a text body saying so, or repeats the last response when built with
 * {@link #repeatingLast()}.
 *
 * <pre>{@code
 * ScriptedDispatcher script = ScriptedDispatcher.of(Faults.burst(3, 503, Faults.json(200, "{}")));
 * server.setDispatcher(script);
 * // ... call the client under test ...
 * assertEquals(4, script.attempts());
 * script.assertAllServed();
 * assertEquals("/api/2.0/mlflow/runs/get", script.lastRequest().getUrl().encodedPath());
 * }</pre>
 */
public final class ScriptedDispatcher extends Dispatcher {
    /** The status answered once the script is used up (unless it repeats its last response). */
    public static final int EXHAUSTED_STATUS = 599;

    private final List<MockResponse> script;
    private final boolean repeatLast;
    private final List<RecordedRequest> requests = new ArrayList<>();

    private ScriptedDispatcher(List<MockResponse> script, boolean repeatLast) {
        if (script.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one response");
        }
        this.script = List.copyOf(script);
        this.repeatLast = repeatLast;
    }

    /** Serves these responses in order. */
    public static ScriptedDispatcher of(MockResponse... responses) {
        return of(List.of(responses));
    }

    /** Serves these responses in order. */
    public static ScriptedDispatcher of(List<MockResponse> responses) {
        Objects.requireNonNull(responses, "responses");
        return new ScriptedDispatcher(responses, false);
    }

    /** Serves {@code first}, then the responses of {@code rest} in order (e.g. a fault, then a burst). */
    public static ScriptedDispatcher of(MockResponse first, List<MockResponse> rest) {
        List<MockResponse> all = new ArrayList<>();
        all.add(Objects.requireNonNull(first, "first"));
        all.addAll(rest);
        return of(all);
    }

    /** A fresh dispatcher with the same script that repeats its last response for ever once the others are used. */
    public ScriptedDispatcher repeatingLast() {
        return new ScriptedDispatcher(script, true);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        int index = requests.size() - 1;
        if (index < script.size()) {
            return script.get(index);
        }
        if (repeatLast) {
            return script.get(script.size() - 1);
        }
        return new MockResponse.Builder()
                .code(EXHAUSTED_STATUS)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .body("ScriptedDispatcher: attempt " + (index + 1) + " but only " + script.size()
                        + " response(s) were scripted; request: " + request.getMethod() + " "
                        + request.getUrl().encodedPath())
                .build();
    }

    /** How many requests arrived: the client's attempts. */
    public synchronized int attempts() {
        return requests.size();
    }

    /** Every request received, in order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The latest request.
     *
     * @throws IllegalStateException when none arrived
     */
    public synchronized RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return requests.get(requests.size() - 1);
    }

    /** How many scripted responses have not been served yet. */
    public synchronized int remaining() {
        return Math.max(0, script.size() - requests.size());
    }

    /**
     * Fails unless every scripted response was served, and (unless repeating) no request came after the script.
     *
     * @throws AssertionError naming the expected and actual attempt counts
     */
    public synchronized void assertAllServed() {
        if (requests.size() < script.size() || (!repeatLast && requests.size() > script.size())) {
            throw new AssertionError("expected " + script.size() + " attempt(s) but " + requests.size() + " arrived");
        }
    }

    @Override
    public String toString() {
        return "ScriptedDispatcher[" + attempts() + " of " + script.size() + " served]";
    }
}
