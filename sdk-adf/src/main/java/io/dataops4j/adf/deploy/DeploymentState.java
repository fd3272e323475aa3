package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.internal.Access;
import io.dataops4j.adf.internal.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The incremental deployment state, in azure.datafactory.tools' file format
 * ({@code {"LastUpdate": ..., "Deployed": {"pipeline.PL_X": "<hash>"}, "adftoolsVer": ..., "Algorithm": ...}}).
 * A state written by the tool ({@code "Algorithm": "MD5"}: MD5 of the deployed file) is read and honoured for
 * objects a stage config did not change (line ends do not matter); this SDK writes SHA-256 of the canonical JSON
 * ({@code "Algorithm": "SHA256-CANONICAL"}), which formatting changes do not affect.
 *
 * <p>Where the state is kept (a local file, an Azure Storage blob) is a {@link StateStore}.
 *
 * <pre>{@code
 * DeploymentState s = DeploymentState.load(Path.of("adf-prod.adftools_deployment_state.json"));
 * boolean skip = s.isUnchanged(factory.find(AdfObjectType.PIPELINE, "PL_X").orElseThrow());
 * }</pre>
 */
public final class DeploymentState {
    /** The algorithm this SDK writes. */
    public static final String ALGORITHM = "SHA256-CANONICAL";

    private final Instant lastUpdate;
    private final Map<String, String> deployed;
    private final String version;
    private final String algorithm;
    /** The version of the stored copy it was read from (a blob's ETag), or null when it was not stored yet. */
    private final String etag;

    private DeploymentState(Instant lastUpdate, Map<String, String> deployed, String version, String algorithm, String etag) {
        this.lastUpdate = lastUpdate;
        this.deployed = Collections.unmodifiableMap(new LinkedHashMap<>(deployed));
        this.version = version;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.etag = etag;
    }

    /** An empty state. */
    public static DeploymentState empty() {
        return new DeploymentState(null, Map.of(), "dataops4j", ALGORITHM, null);
    }

    /** Reads a state file; a missing file is an empty state. */
    public static DeploymentState load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses the state file format. */
    @SuppressWarnings("unchecked")
    public static DeploymentState parse(String json) {
        Object v = JsonTree.parseLenient(json);
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a deployment state must be a JSON object");
        }
        Map<String, String> deployed = new LinkedHashMap<>();
        if (m.get("Deployed") instanceof Map<?, ?> d) {
            ((Map<String, Object>) d).forEach((k, h) -> deployed.put(k, String.valueOf(h)));
        }
        Instant last = null;
        if (m.get("LastUpdate") instanceof String s) {
            try {
                last = Instant.parse(s);
            } catch (RuntimeException e) {
                last = null;
            }
        }
        String algorithm = m.get("Algorithm") instanceof String a ? a : "MD5";
        String version = m.get("adftoolsVer") instanceof String a ? a : "";
        return new DeploymentState(last, deployed, version, algorithm, null);
    }

    /** The same state, read from a stored copy of this version (an ETag). */
    DeploymentState withEtag(String version) {
        return new DeploymentState(lastUpdate, deployed, this.version, algorithm, version);
    }

    /** The version of the stored copy this state was read from, or null when there was none. */
    String etag() {
        return etag;
    }

    public Instant lastUpdate() {
        return lastUpdate;
    }

    /** {@code type.name} to hash. */
    public Map<String, String> deployed() {
        return deployed;
    }

    public String algorithm() {
        return algorithm;
    }

    /** Whether an object's deployed content is what this state recorded. */
    public boolean isUnchanged(AdfObject o) {
        String h = deployed.get(o.fullName());
        if (h == null) {
            return false;
        }
        if (algorithm.equalsIgnoreCase("MD5")) {
            return Access.objects().toolHashes(o).contains(h.toUpperCase(java.util.Locale.ROOT));
        }
        return h.equalsIgnoreCase(o.hash());
    }

    /** A new state: the given objects recorded with this SDK's hash, deleted names removed, others kept. */
    public DeploymentState updated(Iterable<AdfObject> recorded, Iterable<String> deletedFullNames, Instant now) {
        Map<String, String> d = new LinkedHashMap<>(deployed);
        for (AdfObject o : recorded) {
            d.put(o.fullName(), o.hash());
        }
        for (String n : deletedFullNames) {
            d.remove(n);
        }
        return new DeploymentState(now, d, "dataops4j", ALGORITHM, etag);
    }

    /** The file's JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LastUpdate", lastUpdate == null ? null : lastUpdate.toString());
        m.put("Deployed", new LinkedHashMap<String, Object>(deployed));
        m.put("adftoolsVer", version);
        m.put("Algorithm", algorithm);
        return JsonTree.pretty(m);
    }

    /** Writes the file (atomically: a temporary file, then a move). */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".state", ".tmp");
            Files.writeString(tmp, toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "DeploymentState[" + deployed.size() + " objects, " + algorithm + ", " + lastUpdate + "]";
    }
}
