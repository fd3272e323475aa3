package io.dataops4j.testkit;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.testkit.internal.FixtureFormat;
import io.dataops4j.testkit.internal.FixtureFormat.FixtureJson;
import io.dataops4j.testkit.internal.FixtureFormat.ThenJson;
import io.dataops4j.testkit.internal.FixtureFormat.WhenJson;
import io.dataops4j.testkit.internal.JsonMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MockWebServer {@link Dispatcher} that answers from given/when/then JSON fixtures, records every request, and
 * records every request that no fixture matches together with what differed from the closest fixture.
 *
 * <p>A fixture file holds one fixture or a list of them:
 *
 * <pre>{@code
 * [
 *   {
 *     "name": "get job",
 *     "when": {"method": "GET", "path": "/api/2.2/jobs/get", "query": {"job_id": "1"},
 *              "headers": {"Authorization": "Bearer dapi-test"}},
 *     "then": {"status": 200, "headers": {"x-request-id": "r1"}, "body": {"job_id": 1, "settings": {"name": "etl"}}}
 *   },
 *   {
 *     "name": "run goes from RUNNING to TERMINATED",
 *     "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "7"}},
 *     "then": [
 *       {"body": {"run_id": 7, "state": {"life_cycle_state": "RUNNING"}}},
 *       {"status": 429, "headers": {"Retry-After": "1"}},
 *       {"body": {"run_id": 7, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"}}}
 *     ]
 *   }
 * ]
 * }</pre>
 *
 * <p><b>when</b> (every key optional but one of {@code path} and {@code pathRegex}):
 * <ul>
 *   <li>{@code method}: compared ignoring case; any method when absent.</li>
 *   <li>{@code path}: the exact path, encoded or decoded; {@code pathRegex}: a regular expression the whole encoded
 *   path must match.</li>
 *   <li>{@code query}: parameter name to a value or a list of values (in order); numbers and booleans compare in their
 *   plain text form. Parameters the fixture does not name are ignored unless {@code "strictQuery": true}.</li>
 *   <li>{@code headers}: header name (any case) to a value or a list of values; other headers are ignored.</li>
 *   <li>{@code body}: JSON compared by value (key order and number format do not matter). Exact by default; with
 *   {@code "strictBody": false} the request's objects may carry fields the fixture does not name.
 *   {@code bodyText}: a non-JSON body compared as text.</li>
 * </ul>
 *
 * <p><b>then</b>, an object or an array served in order (the last one repeats once the others are used):
 * {@code status} (200 by default), {@code headers}, {@code body} (JSON, sent byte for byte as written in the file,
 * with {@code Content-Type: application/json} unless the headers say otherwise) or {@code bodyText}, {@code delayMs}
 * (delay before the headers) and {@code fault}: {@code "reset"} closes the connection instead of answering,
 * {@code "truncate"} closes it halfway through the body.
 *
 * <p>The first fixture whose {@code when} matches answers; when several match, the first whose responses are not all
 * used answers, so fixtures with the same {@code when} also form a sequence. A request no fixture matches gets status
 * {@value #UNMATCHED_STATUS} and a plain-text body naming the closest fixture and each difference; it is also kept
 * for {@link #mismatches()} and {@link #assertAllMatched()}. Header values in those descriptions pass through the
 * core's {@code Redactor}. Keys a fixture does not know are rejected when it is loaded, naming the file.
 *
 * <pre>{@code
 * FixtureDispatcher fixtures = FixtureDispatcher.builder()
 *     .classpath("fixtures/databricks/jobs.json")
 *     .path(Path.of("src/test/resources/fixtures/scim"))     // a file, or every *.json file below a directory
 *     .build();
 * try (MockWebServer server = new MockWebServer()) {
 *     server.setDispatcher(fixtures);
 *     server.start();
 *     // ... run the client under test against server.url("/")
 *     fixtures.assertAllMatched();                           // no request went unanswered
 *     fixtures.assertAllUsed();                              // every fixture and every response in a sequence served
 *     RecordedRequest first = fixtures.requests().get(0);
 * }
 * }</pre>
 */
public final class FixtureDispatcher extends Dispatcher {
    /** The status of the answer to a request that no fixture matches. */
    public static final int UNMATCHED_STATUS = 599;

    private static final Logger LOG = LoggerFactory.getLogger(FixtureDispatcher.class);
    private static final int WEIGHT_ROUTE = 10;

    private final List<Fixture> fixtures;
    private final int unmatchedStatus;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<Mismatch> mismatches = new ArrayList<>();

    private FixtureDispatcher(List<Fixture> fixtures, int unmatchedStatus) {
        this.fixtures = List.copyOf(fixtures);
        this.unmatchedStatus = unmatchedStatus;
    }

    /** Starts a dispatcher description. */
    public static Builder builder() {
        return new Builder();
    }

    /** A dispatcher with the fixtures of the given classpath resources (e.g. {@code "fixtures/jobs.json"}). */
    public static FixtureDispatcher fromClasspath(String... resources) {
        Builder builder = builder();
        for (String resource : resources) {
            builder.classpath(resource);
        }
        return builder.build();
    }

    /** A dispatcher with the fixtures of the given files, or of every {@code *.json} file below given directories. */
    public static FixtureDispatcher fromPath(Path... paths) {
        Builder builder = builder();
        for (Path path : paths) {
            builder.path(path);
        }
        return builder.build();
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        List<Fixture> matching = new ArrayList<>();
        Fixture closest = null;
        List<String> closestDifferences = List.of();
        int closestScore = Integer.MAX_VALUE;
        for (Fixture fixture : fixtures) {
            Differences differences = fixture.differences(request);
            if (differences.lines.isEmpty()) {
                matching.add(fixture);
            } else if (differences.score < closestScore) {
                closest = fixture;
                closestScore = differences.score;
                closestDifferences = differences.lines;
            }
        }
        if (!matching.isEmpty()) {
            Fixture chosen = matching.stream().filter(f -> f.served < f.responses.size()).findFirst()
                    .orElse(matching.get(matching.size() - 1));
            MockResponse response = chosen.responses.get(Math.min(chosen.served, chosen.responses.size() - 1));
            chosen.served++;
            return response;
        }
        Mismatch mismatch = new Mismatch(describe(request),
                closest == null ? null : closest.label(), redact(closestDifferences));
        mismatches.add(mismatch);
        LOG.warn("{}", mismatch);
        return new MockResponse.Builder()
                .code(unmatchedStatus)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .body(mismatch.toString())
                .build();
    }

    /** Every request received so far, matched or not, in order of arrival. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests arrived so far. */
    public synchronized int requestCount() {
        return requests.size();
    }

    /** The requests that no fixture matched, in order of arrival. */
    public synchronized List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    /** The names of the loaded fixtures, in order. */
    public List<String> fixtureNames() {
        return fixtures.stream().map(f -> f.name).collect(Collectors.toUnmodifiableList());
    }

    /** How many times the fixtures with this name answered. */
    public synchronized int servedCount(String fixtureName) {
        return fixtures.stream().filter(f -> f.name.equals(fixtureName)).mapToInt(f -> f.served).sum();
    }

    /** Forgets recorded requests and mismatches and restarts every sequence from its first response. */
    public synchronized void reset() {
        requests.clear();
        mismatches.clear();
        fixtures.forEach(f -> f.served = 0);
    }

    /**
     * Fails when some request matched no fixture.
     *
     * @throws AssertionError listing each unmatched request with its closest fixture and the differences
     */
    public synchronized void assertAllMatched() {
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " request(s) matched no fixture:\n"
                    + mismatches.stream().map(Mismatch::toString).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Fails when some fixture never answered, or answered fewer times than it has responses.
     *
     * @throws AssertionError listing each such fixture
     */
    public synchronized void assertAllUsed() {
        List<String> unused = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            if (fixture.served < fixture.responses.size()) {
                unused.add(fixture.label() + ": served " + fixture.served + " of " + fixture.responses.size()
                        + " response(s)");
            }
        }
        if (!unused.isEmpty()) {
            throw new AssertionError(unused.size() + " fixture(s) not fully used:\n  " + String.join("\n  ", unused));
        }
    }

    @Override
    public String toString() {
        return "FixtureDispatcher[" + fixtures.size() + " fixtures]";
    }

    private static String describe(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String target = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        return request.getMethod() + " " + Redactor.url(target);
    }

    private static List<String> redact(List<String> lines) {
        return lines.stream().map(Redactor::text).collect(Collectors.toUnmodifiableList());
    }

    /**
     * A request that matched no fixture.
     *
     * @param request the method and target, such as {@code GET /api/2.2/jobs/get?job_id=2}
     * @param closestFixture the fixture that differed least, as {@code 'name' (source)}, or null when none is loaded
     * @param differences what differed from the closest fixture, one line each
     */
    public record Mismatch(String request, String closestFixture, List<String> differences) {
        public Mismatch {
            Objects.requireNonNull(request, "request");
            differences = List.copyOf(differences);
        }

        @Override
        public String toString() {
            if (closestFixture == null) {
                return "No fixture matches " + request + ": no fixtures are loaded";
            }
            return "No fixture matches " + request + "; closest is " + closestFixture + ":\n  - "
                    + String.join("\n  - ", differences);
        }
    }

    private record Differences(List<String> lines, int score) {
    }

    /** One loaded fixture and its progress through its responses. */
    private static final class Fixture {
        final String name;
        final String source;
        final String method;
        final String path;
        final Pattern pathRegex;
        final Map<String, List<String>> query;
        final Map<String, List<String>> headers;
        final Object body;
        final String bodyText;
        final boolean strictQuery;
        final boolean strictBody;
        final List<MockResponse> responses;
        int served;

        Fixture(String name, String source, WhenJson when, List<MockResponse> responses) {
            this.name = name;
            this.source = source;
            this.method = when.method();
            this.path = when.path();
            try {
                this.pathRegex = when.pathRegex() == null ? null : Pattern.compile(when.pathRegex());
            } catch (PatternSyntaxException e) {
                throw new DataOpsException(source + ": fixture '" + name + "': bad when.pathRegex: " + e.getMessage());
            }
            this.query = textValues(when.query(), source, name, "query", false);
            this.headers = textValues(when.headers(), source, name, "headers", true);
            this.body = when.body() == null ? null : when.body().value();
            this.bodyText = when.bodyText();
            this.strictQuery = Boolean.TRUE.equals(when.strictQuery());
            this.strictBody = !Boolean.FALSE.equals(when.strictBody());
            this.responses = List.copyOf(responses);
        }

        String label() {
            return "'" + name + "' (" + source + ")";
        }

        Differences differences(RecordedRequest request) {
            List<String> lines = new ArrayList<>();
            int score = 0;
            HttpUrl url = request.getUrl();
            if (method != null && !method.equalsIgnoreCase(request.getMethod())) {
                lines.add("method: expected " + method.toUpperCase(Locale.ROOT) + " but was " + request.getMethod());
                score += WEIGHT_ROUTE;
            }
            String encodedPath = url.encodedPath();
            String decodedPath = "/" + String.join("/", url.pathSegments());
            if (path != null && !path.equals(encodedPath) && !path.equals(decodedPath)) {
                lines.add("path: expected " + path + " but was " + encodedPath);
                score += WEIGHT_ROUTE;
            }
            if (pathRegex != null && !pathRegex.matcher(encodedPath).matches()) {
                lines.add("path: expected to match " + pathRegex.pattern() + " but was " + encodedPath);
                score += WEIGHT_ROUTE;
            }
            for (Map.Entry<String, List<String>> entry : query.entrySet()) {
                List<String> actual = url.queryParameterValues(entry.getKey());
                if (actual.isEmpty()) {
                    lines.add("query " + entry.getKey() + ": expected " + show(entry.getValue()) + " but was absent");
                    score++;
                } else if (!actual.equals(entry.getValue())) {
                    lines.add("query " + entry.getKey() + ": expected " + show(entry.getValue()) + " but was " + show(actual));
                    score++;
                }
            }
            if (strictQuery) {
                Set<String> extra = new TreeSet<>(url.queryParameterNames());
                extra.removeAll(query.keySet());
                if (!extra.isEmpty()) {
                    lines.add("query: unexpected parameter(s) " + extra + " (strictQuery)");
                    score++;
                }
            }
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                List<String> actual = request.getHeaders().values(entry.getKey());
                if (actual.isEmpty()) {
                    lines.add("header " + entry.getKey() + ": expected " + show(entry.getValue()) + " but was absent");
                    score++;
                } else if (!actual.equals(entry.getValue())) {
                    lines.add("header " + entry.getKey() + ": expected " + show(entry.getValue()) + " but was " + show(actual));
                    score++;
                }
            }
            ByteString raw = request.getBody();
            String text = raw == null ? "" : raw.utf8();
            if (body != null) {
                if (text.isEmpty()) {
                    lines.add("body: expected JSON " + JsonMatch.show(body) + " but the request had no body");
                    score++;
                } else {
                    Object actual = parseOrNull(text);
                    if (actual == null && !"null".equals(text.trim())) {
                        lines.add("body: expected JSON but was " + abbreviate(text));
                        score++;
                    } else {
                        List<String> diffs = JsonMatch.differences(body, actual, strictBody);
                        diffs.forEach(d -> lines.add("body " + d));
                        score += diffs.size();
                    }
                }
            }
            if (bodyText != null && !bodyText.equals(text)) {
                lines.add("body: expected text " + abbreviate(bodyText) + " but was " + abbreviate(text));
                score++;
            }
            return new Differences(lines, score);
        }

        private static Object parseOrNull(String text) {
            try {
                return Json.shared().parseValue(text);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static String show(List<String> values) {
            return values.size() == 1 ? JsonMatch.show(values.get(0)) : JsonMatch.show(values);
        }

        private static String abbreviate(String text) {
            String oneLine = text.replace("\n", "\\n");
            return '"' + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine) + '"';
        }

        private static Map<String, List<String>> textValues(Map<String, Object> values, String source, String name,
                                                            String what, boolean caseInsensitive) {
            if (values == null) {
                return Map.of();
            }
            Map<String, List<String>> out = caseInsensitive
                    ? new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                Object value = entry.getValue();
                List<String> texts = new ArrayList<>();
                if (value instanceof List<?> list) {
                    for (Object element : list) {
                        texts.add(scalar(element, source + ": fixture '" + name + "': " + what + "." + entry.getKey()));
                    }
                } else {
                    texts.add(scalar(value, source + ": fixture '" + name + "': " + what + "." + entry.getKey()));
                }
                out.put(entry.getKey(), List.copyOf(texts));
            }
            return Collections.unmodifiableMap(out);
        }
    }

    private static String scalar(Object value, String where) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return JsonMatch.plainNumber(n);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        throw new DataOpsException(where + " must be a string, number or boolean, or a list of them; was " + JsonMatch.show(value));
    }

    /** Collects fixtures from files, directories, classpath resources and text. */
    public static final class Builder {
        private final List<Fixture> fixtures = new ArrayList<>();
        private int unmatchedStatus = UNMATCHED_STATUS;

        private Builder() {
        }

        /**
         * Adds the fixtures of a classpath resource, looked up through the thread's context class loader and then
         * the testkit's; a leading {@code /} is optional.
         *
         * @throws DataOpsException when the resource is missing or not a valid fixture file
         */
        public Builder classpath(String resource) {
            Objects.requireNonNull(resource, "resource");
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            InputStream in = null;
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                in = context.getResourceAsStream(name);
            }
            if (in == null) {
                in = FixtureDispatcher.class.getClassLoader().getResourceAsStream(name);
            }
            if (in == null) {
                throw new DataOpsException("fixture resource not found on the classpath: " + name);
            }
            try (InputStream stream = in) {
                return json(name, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fixture resource " + name, e);
            }
        }

        /**
         * Adds the fixtures of a file, or of every {@code *.json} file below a directory (in path order).
         *
         * @throws DataOpsException when a file is not a valid fixture file
         */
        public Builder path(Path fileOrDirectory) {
            Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
            try {
                if (Files.isDirectory(fileOrDirectory)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
                        files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                                .sorted().collect(Collectors.toList());
                    }
                    for (Path file : files) {
                        json(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                    }
                    return this;
                }
                return json(fileOrDirectory.toString(), Files.readString(fileOrDirectory, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fixtures from " + fileOrDirectory, e);
            }
        }

        /**
         * Adds the fixtures of a JSON text (one fixture object or an array of them).
         *
         * @param source a name for the text, used in error messages and mismatch reports
         */
        public Builder json(String source, String json) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(json, "json");
            String trimmed = json.strip();
            List<RawJson> raws;
            try {
                raws = trimmed.startsWith("[")
                        ? Json.shared().fromJson(trimmed, Json.listOf(RawJson.class))
                        : List.of(RawJson.of(trimmed));
            } catch (RuntimeException e) {
                throw new DataOpsException(source + ": not a fixture file: " + e.getMessage(), e);
            }
            for (int i = 0; i < raws.size(); i++) {
                fixtures.add(parse(source, i, raws.get(i)));
            }
            return this;
        }

        /** The status answered to unmatched requests; {@value #UNMATCHED_STATUS} by default. */
        public Builder unmatchedStatus(int status) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("status must be in 100..999: " + status);
            }
            this.unmatchedStatus = status;
            return this;
        }

        /** Builds the dispatcher; it may hold no fixture, and then answers every request as unmatched. */
        public FixtureDispatcher build() {
            return new FixtureDispatcher(fixtures, unmatchedStatus);
        }

        private static Fixture parse(String source, int index, RawJson raw) {
            String where = source + " #" + (index + 1);
            Map<String, Object> object = object(raw, where, "fixture");
            checkKeys(object, FixtureFormat.FIXTURE_KEYS, where, "fixture");
            FixtureJson fixture = raw.as(FixtureJson.class);
            String name = fixture.name() != null ? fixture.name() : "#" + (index + 1);
            String label = where + (fixture.name() != null ? " '" + fixture.name() + "'" : "");
            if (fixture.when() == null) {
                throw new DataOpsException(label + ": missing \"when\"");
            }
            if (fixture.then() == null) {
                throw new DataOpsException(label + ": missing \"then\"");
            }
            checkKeys(object(fixture.when(), label, "when"), FixtureFormat.WHEN_KEYS, label, "when");
            WhenJson when = read(fixture.when(), WhenJson.class, label, "when");
            if (when.path() == null && when.pathRegex() == null) {
                throw new DataOpsException(label + ": \"when\" needs \"path\" or \"pathRegex\"");
            }
            if (when.body() != null && when.bodyText() != null) {
                throw new DataOpsException(label + ": \"when\" has both \"body\" and \"bodyText\"");
            }
            List<RawJson> thens = fixture.then().json().strip().startsWith("[")
                    ? read(fixture.then(), Json.listOf(RawJson.class), label, "then")
                    : List.of(fixture.then());
            if (thens.isEmpty()) {
                throw new DataOpsException(label + ": \"then\" is an empty list");
            }
            List<MockResponse> responses = new ArrayList<>();
            for (int i = 0; i < thens.size(); i++) {
                String thenLabel = thens.size() == 1 ? "then" : "then[" + i + "]";
                checkKeys(object(thens.get(i), label, thenLabel), FixtureFormat.THEN_KEYS, label, thenLabel);
                responses.add(response(read(thens.get(i), ThenJson.class, label, thenLabel), label, thenLabel));
            }
            return new Fixture(name, source, when, responses);
        }

        private static MockResponse response(ThenJson then, String label, String field) {
            if (then.body() != null && then.bodyText() != null) {
                throw new DataOpsException(label + ": \"" + field + "\" has both \"body\" and \"bodyText\"");
            }
            int status = then.status() == null ? 200 : then.status();
            if (status < 100 || status > 999) {
                throw new DataOpsException(label + ": " + field + ".status must be in 100..999: " + status);
            }
            MockResponse.Builder builder = new MockResponse.Builder().code(status);
            Set<String> headerNames = new LinkedHashSet<>();
            if (then.headers() != null) {
                for (Map.Entry<String, Object> header : then.headers().entrySet()) {
                    List<Object> values = header.getValue() instanceof List<?> list
                            ? new ArrayList<>(list) : List.of(header.getValue());
                    for (Object value : values) {
                        builder.addHeader(header.getKey(), scalar(value, label + ": " + field + ".headers." + header.getKey()));
                    }
                    headerNames.add(header.getKey().toLowerCase(Locale.ROOT));
                }
            }
            if (then.body() != null) {
                builder.body(then.body().json());
                if (!headerNames.contains("content-type")) {
                    builder.setHeader("Content-Type", "application/json");
                }
            } else if (then.bodyText() != null) {
                builder.body(then.bodyText());
            }
            if (then.delayMs() != null) {
                if (then.delayMs() < 0) {
                    throw new DataOpsException(label + ": " + field + ".delayMs must not be negative");
                }
                builder.headersDelay(then.delayMs(), TimeUnit.MILLISECONDS);
            }
            if (then.fault() != null) {
                switch (then.fault()) {
                    case "reset" -> builder.onResponseStart(new SocketEffect.CloseSocket());
                    case "truncate" -> builder.onResponseBody(new SocketEffect.CloseSocket());
                    default -> throw new DataOpsException(label + ": " + field + ".fault must be \"reset\" or "
                            + "\"truncate\": " + then.fault());
                }
            }
            return builder.build();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> object(RawJson raw, String label, String field) {
            Object value;
            try {
                value = raw.value();
            } catch (RuntimeException e) {
                throw new DataOpsException(label + ": " + field + " is not valid JSON: " + e.getMessage(), e);
            }
            if (!(value instanceof Map<?, ?>)) {
                throw new DataOpsException(label + ": " + field + " must be a JSON object, was " + JsonMatch.show(value));
            }
            return (Map<String, Object>) value;
        }

        private static void checkKeys(Map<String, Object> object, Set<String> allowed, String label, String field) {
            for (String key : object.keySet()) {
                if (!allowed.contains(key) && !key.startsWith("_")) {
                    throw new DataOpsException(label + ": unknown key \"" + key + "\" in " + field + "; allowed: "
                            + new TreeSet<>(allowed) + " (keys starting with _ are comments)");
                }
            }
        }

        private static <T> T read(RawJson raw, java.lang.reflect.Type type, String label, String field) {
            try {
                return Json.shared().fromJson(raw.json(), type);
            } catch (RuntimeException e) {
                throw new DataOpsException(label + ": bad " + field + ": " + e.getMessage(), e);
            }
        }
    }
}
