package io.dataops4j.core.internal;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.PermissionDeniedException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.TooManyRequestsException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.error.UnauthenticatedException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiInterceptor;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The request pipeline behind {@link io.dataops4j.core.http.ApiClient}. */
public final class HttpPipeline {
    private static final Logger LOG = LoggerFactory.getLogger("io.dataops4j.http");
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** Secret-named query values this long or longer are registered as secrets (shorter ones are too common). */
    private static final int MIN_SIGNATURE_LENGTH = 16;
    private static final byte[] EMPTY = new byte[0];
    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final String service;
    private final HttpUrl baseUrl;
    private final Credential credential;
    private final RetryPolicy policy;
    private final ErrorParser errorParser;
    private final boolean allowInsecureHttp;
    private final String requestIdHeader;
    /** The user agent and the default headers, checked once. */
    private final okhttp3.Headers fixedHeaders;
    private final List<ApiInterceptor> interceptors;
    private final Sleeper sleeper;
    private final OkHttpClient http;
    /** The same client, with a {@link ConnectionUse} listening to the calls of requests that are not idempotent. */
    private final OkHttpClient tracked;
    /** The same client without pooling, for the one resend after a stale pooled connection; made when first needed. */
    private volatile OkHttpClient unpooled;
    private final Retry retry;

    public HttpPipeline(String service, URI baseUrl, Credential credential, RetryPolicy policy, ErrorParser errorParser,
                        Duration connectTimeout, Duration readTimeout, Duration callTimeout, boolean allowInsecureHttp,
                        String requestIdHeader, String userAgent, Map<String, String> defaultHeaders,
                        List<ApiInterceptor> interceptors, Sleeper sleeper, SSLContext sslContext,
                        X509TrustManager trustManager, boolean insecureTls) {
        this.service = service;
        this.baseUrl = HttpUrl.get(baseUrl.toString());
        this.credential = credential;
        this.policy = policy;
        this.errorParser = errorParser;
        this.allowInsecureHttp = allowInsecureHttp;
        this.requestIdHeader = requestIdHeader;
        okhttp3.Headers.Builder fixed = new okhttp3.Headers.Builder().set("User-Agent", userAgent);
        defaultHeaders.forEach(fixed::set);
        this.fixedHeaders = fixed.build();
        this.interceptors = interceptors;
        this.sleeper = sleeper;
        OkHttpClient.Builder b = SharedHttp.client().newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(false);
        if (insecureTls) {
            InsecureTls.apply(b);
        } else if (sslContext != null) {
            b.sslSocketFactory(sslContext.getSocketFactory(), trustManager);
        }
        this.http = b.build();
        this.tracked = http.newBuilder().eventListenerFactory(ConnectionUse.FACTORY).build();
        this.retry = Retry.of(service, RetryConfig.<Attempt>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(Attempt::retryable)
                .retryOnException(t -> t instanceof FailedAttempt f && f.attempt.retryable())
                .intervalBiFunction((n, outcome) -> outcome.isLeft()
                        ? ((FailedAttempt) outcome.getLeft()).attempt.delayMillis
                        : outcome.get().delayMillis)
                .failAfterMaxAttempts(false)
                .build());
    }

    /** Whether a host name is this machine (plain http is allowed there). */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return LOOPBACK_V4.matcher(h).matches();
    }

    public HttpUrl resolve(String path) {
        return checked(builder(path).build());
    }

    /** A builder for an absolute URL, or for a path resolved against the base URL. */
    private HttpUrl.Builder builder(String path) {
        HttpUrl.Builder b;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            HttpUrl url = HttpUrl.parse(path);
            b = url == null ? null : url.newBuilder();
        } else {
            b = baseUrl.newBuilder(path.startsWith("/") ? path.substring(1) : path);
        }
        if (b == null) {
            throw new IllegalArgumentException("not a valid URL or path: " + Redactor.url(path));
        }
        return b;
    }

    /** Plain http only to the base URL's host (checked when the client was built), loopback, or with the opt-in. */
    private HttpUrl checked(HttpUrl url) {
        if (!url.isHttps() && !allowInsecureHttp && !url.host().equals(baseUrl.host()) && !isLoopback(url.host())) {
            throw new io.dataops4j.core.error.ConfigurationException("refusing plain http to " + url.host()
                    + " (not loopback); use https, or allow insecure http explicitly");
        }
        return url;
    }

    /** Sends a request and decodes its JSON answer (null for 204 or an empty body; nothing read for Void). */
    @SuppressWarnings("unchecked")
    public <T> T send(ApiRequest request, Type type) {
        return (T) run(request, type == void.class ? Void.class : type);
    }

    /** Sends a request and returns the open answer. */
    public ApiResponse execute(ApiRequest request) {
        return (ApiResponse) run(request, null);
    }

    /**
     * The attempt loop. With {@code decodeAs} null the open answer is returned; otherwise the body is read inside
     * the attempt, so that an answer cut off mid-body counts as an I/O failure of that attempt (and is retried when
     * the request is idempotent).
     */
    private Object run(ApiRequest request, Type decodeAs) {
        HttpUrl url = url(request);
        String requestId = newRequestId();
        Retry.AsyncContext<Attempt> ctx = null;   // created on the first failure only: no cost on the happy path
        long start = System.nanoTime();
        boolean refreshedAuth = false;
        boolean forceRefresh = false;
        boolean resentAfterStale = false;
        boolean freshConnection = false;
        int attemptNo = 0;
        while (true) {
            attemptNo++;
            // every call is watched, so that a failure on a stale pooled connection can be told from one on which the
            // service may have acted: such a request (idempotent or not) is sent once more at once, on a new
            // connection, instead of waiting out the retry policy's backoff
            ConnectionUse use = freshConnection ? null : new ConnectionUse();
            Request okRequest = buildRequest(request, url, requestId, attemptNo, forceRefresh, use);
            forceRefresh = false;
            Call call = (freshConnection ? unpooled() : use != null ? tracked : http).newCall(okRequest);
            freshConnection = false;
            if (request.timeout() != null) {
                call.timeout().timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            long t0 = System.nanoTime();
            if (LOG.isDebugEnabled()) {
                LOG.debug("--> {} {} (attempt {}, request-id {})", request.method(), redact(url), attemptNo, requestId);
                if (LOG.isTraceEnabled()) {
                    traceHeaders("-->", okRequest.headers());
                    traceBody(request);
                }
            }
            IOException failure;
            Response response;
            try {
                response = call.execute();
                failure = null;
            } catch (IOException e) {
                response = null;
                failure = e;
            }
            if (response != null) {
                int status = response.code();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("<-- {} {} {} ({} ms)", status, request.method(), redact(url), (System.nanoTime() - t0) / 1_000_000);
                    if (LOG.isTraceEnabled()) {
                        traceHeaders("<--", response.headers());
                    }
                    logThrottling(response);
                }
                if (status < 400) {
                    if (decodeAs == null) {
                        if (ctx != null) {
                            ctx.onComplete();
                        }
                        return new OkResponse(response, url, requestId);
                    }
                    try (Response r = response) {
                        Object value = decodeAs == Void.class ? null
                                : decode(r, decodeAs, () -> request.method() + " " + redact(url));
                        if (ctx != null) {
                            ctx.onComplete();
                        }
                        return value;
                    } catch (IOException e) {
                        failure = e;   // the answer broke off: an I/O failure of this attempt
                    }
                } else {
                    if (status == 401 && request.authenticated() && !refreshedAuth && !credential.headers(false).isEmpty()) {
                        // one forced refresh of the credential, not counted as a retry
                        response.close();
                        refreshedAuth = true;
                        forceRefresh = true;
                        LOG.debug("401 from {} {}: refreshing the credential once", request.method(), redact(url));
                        continue;
                    }
                    Duration retryAfter = retryAfter(response);
                    Set<Integer> statuses = request.retryStatuses() != null ? request.retryStatuses() : policy.retryStatuses();
                    boolean retryable = request.idempotent() && statuses.contains(status);
                    long delay = -1;
                    if (retryable) {
                        long delayMillis = retryAfter != null ? retryAfter.toMillis() : backoff(attemptNo);
                        if (ctx == null) {
                            ctx = retry.asyncContext();
                        }
                        delay = ctx.onResult(new Attempt(attemptNo, true, delayMillis, start, policy));
                    }
                    if (delay >= 0) {
                        response.close();
                        LOG.info("retrying {} {} after HTTP {} (attempt {} of {}, waiting {} ms{})", request.method(), redact(url),
                                status, attemptNo + 1, policy.maxAttempts(), delay, retryAfter != null ? ", as the service asked" : "");
                        sleep(delay);
                        continue;
                    }
                    if (retryable && LOG.isInfoEnabled()) {
                        LOG.info("giving up on {} {} after HTTP {} on attempt {} of {}{}", request.method(), redact(url), status,
                                attemptNo, policy.maxAttempts(), retryAfter != null ? " (the service asked to wait "
                                        + retryAfter.toMillis() + " ms, beyond the retry budget)" : "");
                    }
                    throw error(response, request, redact(url), requestId, retryAfter);
                }
            }
            // an I/O failure: no answer, or an answer cut off
            if (response == null && use != null && !resentAfterStale && use.staleConnection(failure)) {
                // the service had closed this pooled keep-alive connection (uvicorn does after 5 s idle) before our
                // request reached it: not one byte of an answer came, so it was not processed. Sent once more, at
                // once, on a new connection; this is not a retry of the policy.
                resentAfterStale = true;
                freshConnection = true;
                LOG.debug("{} {} failed on a pooled connection the service had closed ({}); sending it again on a new "
                        + "connection (request-id {})", request.method(), redact(url), describe(failure), requestId);
                continue;
            }
            boolean neverSent = response == null && (failure instanceof ConnectException
                    || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException);
            boolean mayRetry = request.idempotent() || neverSent;
            long delay = -1;
            if (mayRetry) {
                if (ctx == null) {
                    ctx = retry.asyncContext();
                }
                delay = ctx.onError(new FailedAttempt(new Attempt(attemptNo, true, backoff(attemptNo), start, policy), failure));
            }
            if (delay < 0) {
                throw new TransportException(request.method() + " " + redact(url) + " failed after " + attemptNo
                        + (attemptNo == 1 ? " attempt" : " attempts") + ": " + describe(failure)
                        + (mayRetry ? "" : resentAfterStale ? " (sent again once, after a pooled connection the service had "
                                + "closed; not retried further: the request is not idempotent)"
                                : " (not retried: the request is not idempotent)") + "; request-id: " + requestId,
                        failure);
            }
            LOG.info("retrying {} {} after {} (attempt {} of {}, waiting {} ms)", request.method(), redact(url),
                    describe(failure), attemptNo + 1, policy.maxAttempts(), delay);
            sleep(delay);
        }
    }

    /** Reads a JSON answer: null for 204 or an empty body; I/O failures come out as IOException. */
    @SuppressWarnings("unchecked")
    static <T> T decode(Response response, Type type, java.util.function.Supplier<String> what) throws IOException {
        BufferedSource source = response.body().source();
        if (response.code() == 204 || source.exhausted()) {
            return null;
        }
        try {
            return (T) Json.shared().read(source, type, what);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String redact(HttpUrl url) {
        return Redactor.url(url.toString());
    }

    /** A random (version 4) UUID from a fast, non-cryptographic source: request ids only need to be unique. */
    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }

    private HttpUrl url(ApiRequest request) {
        HttpUrl.Builder ub = builder(request.path());
        for (String[] q : request.query()) {
            ub.addQueryParameter(q[0], q[1]);
        }
        HttpUrl url = checked(ub.build());
        // a pre-signed link's signature (SAS sig, a callback URL's key) is a secret: make it known to the Redactor,
        // so that a service echoing it in an error body or message is masked too
        for (int i = 0, n = url.querySize(); i < n; i++) {
            String value = url.queryParameterValue(i);
            if (value != null && value.length() >= MIN_SIGNATURE_LENGTH && Redactor.isSecretParam(url.queryParameterName(i))) {
                Secret.of(value);
            }
        }
        return url;
    }

    private Request buildRequest(ApiRequest request, HttpUrl url, String requestId, int attempt, boolean forceRefresh,
                                 ConnectionUse use) {
        Request.Builder rb = new Request.Builder().url(url)
                .headers(fixedHeaders)
                .header(requestIdHeader, requestId);
        if (use != null) {
            rb.tag(ConnectionUse.class, use);
        }
        if (request.authenticated()) {
            Map<String, String> auth = credential.headers(forceRefresh);
            if (!auth.isEmpty()) {
                auth.forEach(rb::header);
            }
        }
        if (!request.headers().isEmpty()) {
            request.headers().forEach(rb::header);
        }
        if (!interceptors.isEmpty()) {
            for (ApiInterceptor i : interceptors) {
                i.beforeAttempt(request, attempt, rb::header);
            }
        }
        rb.method(request.method(), body(request));
        return rb.build();
    }

    private static RequestBody body(ApiRequest request) {
        ApiBody body = request.body();
        if (body == null) {
            return switch (request.method()) {
                case "POST", "PUT", "PATCH" -> RequestBody.create(EMPTY, null);
                default -> null;
            };
        }
        MediaType type = MediaType.parse(body.contentType());
        if (body instanceof ApiBody.Bytes bytes) {
            return RequestBody.create(bytes.data(), type);
        }
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return body.length();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (InputStream in = body.open(); Source source = Okio.source(in)) {
                    sink.writeAll(source);
                }
            }
        };
    }

    private OkHttpClient unpooled() {
        OkHttpClient c = unpooled;
        if (c == null) {
            // no idle connection kept: every call opens its own, and closes it when done
            c = http.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
            unpooled = c;
        }
        return c;
    }

    private long backoff(int attempt) {
        long ceiling = ceilingMillis(attempt);
        // full jitter between half the ceiling and the ceiling: spreads clients, keeps progress
        return ceiling <= 1 ? ceiling : ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private long ceilingMillis(int attempt) {
        double millis = policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
        return (long) Math.min(millis, policy.maxBackoff().toMillis());
    }

    private void sleep(long millis) {
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry", e);
        }
    }

    /** The wait a service asked for: x-ms-retry-after-ms, retry-after-ms, then Retry-After (seconds or HTTP date). */
    static Duration retryAfter(Response response) {
        String ms = response.header("x-ms-retry-after-ms");
        if (ms == null) {
            ms = response.header("retry-after-ms");
        }
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return parseRetryAfter(response.header("Retry-After"), System.currentTimeMillis());
    }

    /** Parses a Retry-After value: delta seconds or an HTTP date. Null when absent or unreadable. */
    public static Duration parseRetryAfter(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Duration.ofMillis(Math.max(0, at - nowMillis));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ServiceException error(Response response, ApiRequest request, String redactedUrl, String requestId,
                                   Duration retryAfter) {
        int status = response.code();
        String text;
        try (ResponseBody body = response.body()) {
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY);
            Buffer buf = source.getBuffer();
            text = buf.readString(Math.min(buf.size(), MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        ServiceError err;
        try {
            err = errorParser.parse(status, text);
        } catch (RuntimeException e) {
            err = ServiceError.of(null, null);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("<-- {} {} {}: {}", status, request.method(), redactedUrl, Redactor.text(text.length() > 2000 ? text.substring(0, 2000) : text));
        }
        String rid = requestId;
        String method = request.method();
        int family = errorParser.classify(status, err);
        if (status == 429) {
            return new TooManyRequestsException(service, err, rid, method, redactedUrl, retryAfter);
        }
        return switch (family) {
            case 400, 422 -> new BadRequestException(service, status, err, rid, method, redactedUrl);
            case 401 -> new UnauthenticatedException(service, status, err, rid, method, redactedUrl);
            case 403 -> new PermissionDeniedException(service, status, err, rid, method, redactedUrl);
            case 404, 410 -> new ResourceNotFoundException(service, status, err, rid, method, redactedUrl);
            case 409, 412 -> new ConflictException(service, status, err, rid, method, redactedUrl);
            default -> family >= 500 ? new ServerErrorException(service, status, err, rid, method, redactedUrl)
                    : new ServiceException(service, status, err, rid, method, redactedUrl);
        };
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return "timeout";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + Redactor.text(m));
    }

    /** ARM's remaining-quota headers, logged so that throttling can be foreseen; never relied on. */
    private static void logThrottling(Response response) {
        okhttp3.Headers h = response.headers();
        for (int i = 0; i < h.size(); i++) {
            String name = h.name(i);
            if (name.regionMatches(true, 0, "x-ms-ratelimit-remaining-", 0, 25)) {
                LOG.debug("<-- {}: {}", name, h.value(i));
            }
        }
    }

    private static void traceHeaders(String arrow, okhttp3.Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            LOG.trace("{} {}: {}", arrow, name, Redactor.isLoggableHeader(name) ? Redactor.url(headers.value(i)) : Redactor.MASK);
        }
    }

    private static void traceBody(ApiRequest request) {
        ApiBody body = request.body();
        if (body != null && request.sensitiveBody()) {
            LOG.trace("--> body: {} ({} bytes, sensitive: not logged)", body.contentType(), body.length());
        } else if (body instanceof ApiBody.Bytes b && body.contentType().contains("json") && b.data().length <= 8192) {
            LOG.trace("--> body: {}", Redactor.text(new String(b.data(), StandardCharsets.UTF_8)));
        } else if (body != null) {
            LOG.trace("--> body: {} ({} bytes)", body.contentType(), body.length());
        }
    }

    /**
     * What one call of a request that is not idempotent did with its connection: whether it was taken from the pool
     * (acquired with no connect in this call) and whether an answer's headers began to arrive. Created per call, only
     * for such requests, and found by OkHttp through the request's tag.
     */
    static final class ConnectionUse extends EventListener {
        static final EventListener.Factory FACTORY = call -> {
            ConnectionUse use = call.request().tag(ConnectionUse.class);
            return use != null ? use : EventListener.NONE;
        };

        private volatile boolean connected;
        private volatile boolean acquired;
        private volatile boolean answered;

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connected = true;
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            acquired = true;
        }

        @Override
        public void responseHeadersStart(Call call) {
            answered = true;
        }

        /**
         * Whether {@code failure} is a pooled connection that the service had closed: the connection was reused (not
         * connected in this call), no answer began, and the connection ended (end of stream before the first byte of
         * a status line, or a reset or broken pipe) rather than timing out. Such a request did not reach the
         * service's application. (The one case it cannot be told from: a service that read the request on a reused
         * connection and died before answering a byte; browsers resend then too.)
         */
        boolean staleConnection(IOException failure) {
            return acquired && !connected && !answered && closedBeforeAnswer(failure);
        }
    }

    /** An end of stream before the first byte of an answer, or a reset or broken connection; never a timeout. */
    static boolean closedBeforeAnswer(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return false;   // a timeout: the service may be working on the request
            }
            if (t instanceof EOFException) {
                // OkHttp reads the status line with Okio's readUtf8LineStrict, whose message counts the bytes it had:
                // "\n not found: limit=0 content=…" when none came at all
                String m = t.getMessage();
                return m != null && m.contains("limit=0 ");
            }
            if (t instanceof SocketException && !(t instanceof ConnectException)) {
                return true;    // connection reset, broken pipe
            }
        }
        return false;
    }

    /** The outcome of one attempt, as resilience4j sees it. */
    static final class Attempt {
        final int number;
        final boolean retryableKind;
        final long delayMillis;
        final long startNanos;
        final RetryPolicy policy;

        Attempt(int number, boolean retryableKind, long delayMillis, long startNanos, RetryPolicy policy) {
            this.number = number;
            this.retryableKind = retryableKind;
            this.delayMillis = delayMillis;
            this.startNanos = startNanos;
            this.policy = policy;
        }

        boolean retryable() {
            if (!retryableKind) {
                return false;
            }
            long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            return elapsedMillis + delayMillis <= policy.timeBudget().toMillis();
        }
    }

    /** A failed attempt carried through resilience4j's exception path. */
    static final class FailedAttempt extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Attempt attempt;

        FailedAttempt(Attempt attempt, IOException cause) {
            super(cause.getMessage(), cause, false, false);
            this.attempt = attempt;
        }
    }

    /** A 2xx/3xx answer. */
    static final class OkResponse implements ApiResponse {
        final Response response;
        final HttpUrl url;
        final String requestId;
        private Map<String, List<String>> headers;

        OkResponse(Response response, HttpUrl url, String requestId) {
            this.response = response;
            this.url = url;
            this.requestId = requestId;
        }

        @Override
        public int status() {
            return response.code();
        }

        @Override
        public String header(String name) {
            return response.header(name);
        }

        @Override
        public Map<String, List<String>> headers() {
            if (headers == null) {
                java.util.TreeMap<String, List<String>> m = new java.util.TreeMap<>();
                response.headers().toMultimap().forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                headers = java.util.Collections.unmodifiableMap(m);
            }
            return headers;
        }

        @Override
        public InputStream body() {
            return response.body().byteStream();
        }

        @Override
        public String requestId() {
            return requestId;
        }

        @Override
        public String bodyString() {
            try {
                return response.body().string();
            } catch (IOException e) {
                throw new TransportException("failed to read the answer from " + redact(url) + ": " + describe(e)
                        + "; request-id: " + requestId, e);
            }
        }

        @Override
        public <T> T decode(Type type) {
            try {
                return HttpPipeline.decode(response, type, () -> "the answer from " + redact(url));
            } catch (IOException e) {
                throw new TransportException("failed to read the answer from " + redact(url) + ": " + describe(e)
                        + "; request-id: " + requestId, e);
            }
        }

        @Override
        public void close() {
            response.close();
        }
    }

}
