package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.tracking.DatasetInput;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a source run looked like, in two parts: {@code data} (start time, parameters, the latest point of each
 * metric: what cannot be changed in place once written, since metrics only append and parameters are write-once)
 * and {@code meta} (name, status, end time, user, tags, dataset inputs, lifecycle: what an update can set). Stored on
 * each complete copy as {@code v1:<data>:<meta>}.
 *
 * @param data the hash of the write-once part
 * @param meta the hash of the changeable part
 */
public record Fingerprint(String data, String meta) {
    private static final String VERSION = "v1";

    /** The fingerprint of a run as its source shows it (latest metrics as {@code runs/search} returns them). */
    public static Fingerprint of(Run run) {
        RunInfo i = run.info();
        StringBuilder d = new StringBuilder();
        d.append("start=").append(i.startTime() == null ? "" : i.startTime().toEpochMilli()).append('\n');
        TreeMap<String, String> params = new TreeMap<>();
        for (Param p : run.data().params()) {
            params.put(p.key(), p.value());
        }
        params.forEach((k, v) -> d.append("param ").append(k).append('=').append(v).append('\n'));
        List<String> metrics = new ArrayList<>();
        for (Metric m : run.data().metrics()) {
            metrics.add(m.key() + "=" + JsonOut.formatDouble(m.value()) + "@" + m.step() + "/" + m.timestamp());
        }
        metrics.sort(null);
        metrics.forEach(m -> d.append("metric ").append(m).append('\n'));

        StringBuilder m = new StringBuilder();
        m.append("name=").append(nz(i.runName())).append('\n');
        m.append("status=").append(i.status() == null ? "" : i.status().name()).append('\n');
        m.append("end=").append(i.endTime() == null ? "" : i.endTime().toEpochMilli()).append('\n');
        m.append("user=").append(nz(i.userId())).append('\n');
        m.append("lifecycle=").append(i.lifecycleStage() == null ? "" : i.lifecycleStage().name()).append('\n');
        TreeMap<String, String> tags = TransferTags.userTags(run.data().tags());
        tags.forEach((k, v) -> m.append("tag ").append(k).append('=').append(v).append('\n'));
        for (String ds : datasets(run.inputs().datasetInputs())) {
            m.append("input ").append(ds).append('\n');
        }
        return new Fingerprint(hash(d.toString()), hash(m.toString()));
    }

    /** Dataset inputs as sorted canonical strings (for fingerprints and comparisons). */
    public static List<String> datasets(List<DatasetInput> inputs) {
        List<String> out = new ArrayList<>();
        for (DatasetInput in : inputs) {
            Map<String, String> tags = new TreeMap<>();
            for (Tag t : in.tags()) {
                tags.put(t.key(), t.value());
            }
            var ds = in.dataset();
            out.add(ds.name() + "|" + nz(ds.digest()) + "|" + nz(ds.sourceType()) + "|" + nz(ds.source()) + "|" + nz(ds.schema())
                    + "|" + nz(ds.profile()) + "|" + tags);
        }
        out.sort(null);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a stored fingerprint; null when absent or of another version. */
    public static Fingerprint parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            return null;
        }
        return new Fingerprint(parts[1], parts[2]);
    }

    /** The stored form. */
    public String encode() {
        return VERSION + ":" + data + ":" + meta;
    }
}
