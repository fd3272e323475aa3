package io.dataops4j.mlflow.internal;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Splits any number of metrics, params and tags into {@code runs/log-batch} bodies that each stay within the
 * server's limits ({@code mlflow/utils/validation.py}: 1000 metrics, 100 params, 100 tags, 1000 items in all,
 * 1,000,000 bytes). Items are consumed lazily from their iterators, in order, so metric points are never reordered
 * and memory holds one request at a time. Bodies are written by hand: the size of each item is known exactly as
 * it is added.
 */
public final class LogBatchEncoder implements Iterator<LogBatchEncoder.Request> {
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final byte[] METRICS = ",\"metrics\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PARAMS = ",\"params\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TAGS = ",\"tags\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The limits of one request.
     *
     * @param maxMetrics metrics per request
     * @param maxParams  params per request
     * @param maxTags    tags per request
     * @param maxItems   metrics + params + tags per request
     * @param maxBytes   body size per request
     */
    public record Limits(int maxMetrics, int maxParams, int maxTags, int maxItems, int maxBytes) {
        /** MLflow's own: {@code MAX_METRICS_PER_BATCH}, {@code MAX_PARAMS_TAGS_PER_BATCH}, {@code MAX_ENTITIES_PER_BATCH}, {@code MAX_BATCH_LOG_REQUEST_SIZE}. */
        public static final Limits MLFLOW = new Limits(1000, 100, 100, 1000, 1_000_000);

        public Limits {
            if (maxMetrics < 1 || maxParams < 1 || maxTags < 1 || maxItems < 1 || maxBytes < 64) {
                throw new IllegalArgumentException("batch limits must be positive (and at least 64 bytes)");
            }
        }
    }

    /**
     * One request body.
     *
     * @param body    the JSON body
     * @param metrics how many metrics it holds
     * @param params  how many params
     * @param tags    how many tags
     */
    public record Request(ApiBody body, int metrics, int params, int tags) {
        public int items() {
            return metrics + params + tags;
        }
    }

    private final byte[] head;
    private final Iterator<Metric> metrics;
    private final Iterator<Param> params;
    private final Iterator<Tag> tags;
    private final Limits limits;
    private final ByteBuf metricBuf = new ByteBuf(64 * 1024);
    private final ByteBuf paramBuf = new ByteBuf(8 * 1024);
    private final ByteBuf tagBuf = new ByteBuf(8 * 1024);
    private Metric pendingMetric;
    private Param pendingParam;
    private Tag pendingTag;

    public LogBatchEncoder(String runId, Iterable<Metric> metrics, Iterable<Param> params, Iterable<Tag> tags, Limits limits) {
        Objects.requireNonNull(runId, "runId");
        ByteBuf h = new ByteBuf(64);
        h.writeAscii("{\"run_id\":").writeString(runId);
        this.head = h.toArray();
        this.metrics = metrics == null ? Collections.emptyIterator() : metrics.iterator();
        this.params = params == null ? Collections.emptyIterator() : params.iterator();
        this.tags = tags == null ? Collections.emptyIterator() : tags.iterator();
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean hasNext() {
        return pendingMetric != null || pendingParam != null || pendingTag != null
                || metrics.hasNext() || params.hasNext() || tags.hasNext();
    }

    @Override
    public Request next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        metricBuf.clear();
        paramBuf.clear();
        tagBuf.clear();
        int size = head.length + 1; // the closing brace
        int items = 0;
        int np = 0;
        int nt = 0;
        int nm = 0;

        // params, then tags, then metrics in the order given
        while (np < limits.maxParams() && items < limits.maxItems()) {
            Param p = pendingParam != null ? pendingParam : params.hasNext() ? Objects.requireNonNull(params.next(), "null param") : null;
            if (p == null) {
                break;
            }
            pendingParam = null;
            int mark = paramBuf.size();
            if (np > 0) {
                paramBuf.writeByte(',');
            }
            writeParam(paramBuf, p);
            int delta = paramBuf.size() - mark + (np == 0 ? PARAMS.length + 1 : 0);
            if (size + delta > limits.maxBytes()) {
                paramBuf.truncate(mark);
                pendingParam = p;
                tooLarge(items, "param", p.key());
                break;
            }
            size += delta;
            np++;
            items++;
        }
        while (nt < limits.maxTags() && items < limits.maxItems()) {
            Tag t = pendingTag != null ? pendingTag : tags.hasNext() ? Objects.requireNonNull(tags.next(), "null tag") : null;
            if (t == null) {
                break;
            }
            pendingTag = null;
            int mark = tagBuf.size();
            if (nt > 0) {
                tagBuf.writeByte(',');
            }
            writeTag(tagBuf, t);
            int delta = tagBuf.size() - mark + (nt == 0 ? TAGS.length + 1 : 0);
            if (size + delta > limits.maxBytes()) {
                tagBuf.truncate(mark);
                pendingTag = t;
                tooLarge(items, "tag", t.key());
                break;
            }
            size += delta;
            nt++;
            items++;
        }
        while (nm < limits.maxMetrics() && items < limits.maxItems()) {
            Metric m = pendingMetric != null ? pendingMetric : metrics.hasNext() ? Objects.requireNonNull(metrics.next(), "null metric") : null;
            if (m == null) {
                break;
            }
            pendingMetric = null;
            int mark = metricBuf.size();
            if (nm > 0) {
                metricBuf.writeByte(',');
            }
            writeMetric(metricBuf, m);
            int delta = metricBuf.size() - mark + (nm == 0 ? METRICS.length + 1 : 0);
            if (size + delta > limits.maxBytes()) {
                metricBuf.truncate(mark);
                pendingMetric = m;
                tooLarge(items, "metric", m.key());
                break;
            }
            size += delta;
            nm++;
            items++;
        }

        byte[] body = new byte[size];
        int at = 0;
        System.arraycopy(head, 0, body, at, head.length);
        at += head.length;
        at = section(body, at, METRICS, metricBuf, nm);
        at = section(body, at, PARAMS, paramBuf, np);
        at = section(body, at, TAGS, tagBuf, nt);
        body[at++] = '}';
        if (at != size) {
            throw new IllegalStateException("log-batch body size mismatch: " + at + " != " + size);
        }
        ApiBody apiBody = ApiBody.stream(() -> new ByteArrayInputStream(body), body.length, CONTENT_TYPE);
        return new Request(apiBody, nm, np, nt);
    }

    private static int section(byte[] body, int at, byte[] prefix, ByteBuf items, int count) {
        if (count == 0) {
            return at;
        }
        System.arraycopy(prefix, 0, body, at, prefix.length);
        at += prefix.length;
        items.copyTo(body, at);
        at += items.size();
        body[at++] = ']';
        return at;
    }

    private void tooLarge(int itemsInRequest, String kind, String key) {
        if (itemsInRequest == 0) {
            throw new IllegalArgumentException("the " + kind + " '" + key + "' alone is larger than the "
                    + limits.maxBytes() + "-byte limit of one log-batch request");
        }
    }

    static void writeMetric(ByteBuf b, Metric m) {
        b.writeAscii("{\"key\":").writeString(m.key())
                .writeAscii(",\"value\":").writeDouble(m.value())
                .writeAscii(",\"timestamp\":").writeLong(m.timestamp())
                .writeAscii(",\"step\":").writeLong(m.step());
        if (m.datasetName() != null) {
            b.writeAscii(",\"dataset_name\":").writeString(m.datasetName());
        }
        if (m.datasetDigest() != null) {
            b.writeAscii(",\"dataset_digest\":").writeString(m.datasetDigest());
        }
        if (m.modelId() != null) {
            b.writeAscii(",\"model_id\":").writeString(m.modelId());
        }
        b.writeByte('}');
    }

    static void writeParam(ByteBuf b, Param p) {
        b.writeAscii("{\"key\":").writeString(p.key());
        if (p.value() != null) {
            b.writeAscii(",\"value\":").writeString(p.value());
        }
        b.writeByte('}');
    }

    static void writeTag(ByteBuf b, Tag t) {
        b.writeAscii("{\"key\":").writeString(t.key());
        if (t.value() != null) {
            b.writeAscii(",\"value\":").writeString(t.value());
        }
        b.writeByte('}');
    }
}
