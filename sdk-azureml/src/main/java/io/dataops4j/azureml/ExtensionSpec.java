package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.Secret;
import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The desired state of a cluster extension, as PUT: {@code properties.extensionType}, {@code releaseTrain},
 * {@code scope.cluster.releaseNamespace}, {@code configurationSettings} and {@code configurationProtectedSettings}
 * (empty unless given, as the az CLI sends). Build one for Azure ML with {@link AzureMlExtension}.
 *
 * <p>Protected settings are secrets: ARM never returns them, and this record never shows their values
 * ({@link #toString()} names the keys only). So that a re-run can tell whether they changed without reading them
 * back, a spec with protected settings carries their fingerprint as the configuration setting
 * {@value #PROTECTED_FINGERPRINT}: the SHA-256 of the sorted {@code key=value} lines (after a fixed prefix), in hex.
 * An installed extension with the same fingerprint has the same protected settings; one without a fingerprint (installed
 * by other tools) counts as different. The fingerprint is a one-way hash of high-entropy values (certificates, keys,
 * connection strings), and is not shown in plans.
 *
 * @param extensionType         the extension type
 * @param releaseTrain          the release train, or null
 * @param releaseNamespace      the cluster-scope release namespace
 * @param configurationSettings the settings, in order (with the fingerprint when there are protected settings)
 * @param protectedSettings     the protected settings (secrets), in order
 * @param identityType          the extension's own identity ({@code SystemAssigned}), or null for none: the az CLI
 *                              gives one on Arc connected clusters and none on AKS
 * @param location              the extension resource's location (the Arc cluster's, as the az CLI sends), or null
 */
public record ExtensionSpec(String extensionType, String releaseTrain, String releaseNamespace, Map<String, String> configurationSettings,
                            Map<String, Secret> protectedSettings, String identityType, String location) {
    /** The configuration setting holding the fingerprint of the protected settings. */
    public static final String PROTECTED_FINGERPRINT = "dataops4j.protectedSettingsSha256";

    public ExtensionSpec {
        Objects.requireNonNull(extensionType, "extensionType");
        Objects.requireNonNull(releaseNamespace, "releaseNamespace");
        protectedSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(protectedSettings));
        Map<String, String> s = new LinkedHashMap<>(configurationSettings);
        s.remove(PROTECTED_FINGERPRINT);
        if (!protectedSettings.isEmpty()) {
            s.put(PROTECTED_FINGERPRINT, fingerprint(protectedSettings));
        }
        configurationSettings = java.util.Collections.unmodifiableMap(s);
    }

    /** A spec without protected settings. */
    public ExtensionSpec(String extensionType, String releaseTrain, String releaseNamespace, Map<String, String> configurationSettings) {
        this(extensionType, releaseTrain, releaseNamespace, configurationSettings, Map.of(), null, null);
    }

    static String fingerprint(Map<String, Secret> protectedSettings) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update("dataops4j-protected-settings-v1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            new java.util.TreeMap<>(protectedSettings).forEach((k, v) -> md.update((k + "=" + v.reveal() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The PUT body. */
    public RawJson body() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("extensionType", extensionType);
        props.put("scope", Map.of("cluster", Map.of("releaseNamespace", releaseNamespace)));
        if (releaseTrain != null) {
            props.put("releaseTrain", releaseTrain);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        protectedSettings.forEach((k, v) -> secrets.put(k, v.reveal()));
        props.put("configurationProtectedSettings", secrets);
        props.put("configurationSettings", configurationSettings);
        Map<String, Object> doc = new LinkedHashMap<>();
        if (identityType != null) {
            doc.put("identity", Map.of("type", identityType));
        }
        if (location != null) {
            doc.put("location", location);
        }
        doc.put("properties", props);
        return RawJson.from(doc);
    }

    /**
     * How an installed extension differs from this spec, empty when it matches: extension type, release namespace and
     * release train compared ignoring case, every setting of this spec present with the same value (true/false
     * ignoring case); settings the extension has beyond these are not differences.
     */
    public List<String> differences(ClusterExtension installed) {
        List<String> out = new ArrayList<>();
        if (!extensionType.equalsIgnoreCase(String.valueOf(installed.extensionType()))) {
            out.add("extensionType is " + installed.extensionType() + ", wanted " + extensionType);
        }
        if (installed.releaseNamespace() != null && !releaseNamespace.equalsIgnoreCase(installed.releaseNamespace())) {
            out.add("releaseNamespace is " + installed.releaseNamespace() + ", wanted " + releaseNamespace);
        }
        if (releaseTrain != null && installed.releaseTrain() != null
                && !releaseTrain.toLowerCase(Locale.ROOT).equals(installed.releaseTrain().toLowerCase(Locale.ROOT))) {
            out.add("releaseTrain is " + installed.releaseTrain() + ", wanted " + releaseTrain);
        }
        configurationSettings.forEach((k, v) -> {
            String have = installed.configurationSettings().get(k);
            if (k.equals(PROTECTED_FINGERPRINT)) {
                if (!v.equals(have)) {
                    out.add(have == null ? "protected settings cannot be compared (the extension was installed without a fingerprint; "
                            + "ARM does not return them): they will be sent again"
                            : "protected settings differ from those installed (by fingerprint)");
                }
                return;
            }
            if (!JsonMaps.sameSetting(v, have)) {
                out.add(k + " is " + (have == null ? "not set" : "'" + have + "'") + ", wanted '" + v + "'");
            }
        });
        return out;
    }

    /** The spec with the protected settings' keys only (and their fingerprint masked). */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(configurationSettings);
        shown.computeIfPresent(PROTECTED_FINGERPRINT, (k, v) -> io.dataops4j.core.Redactor.MASK);
        return "ExtensionSpec[" + extensionType + ", releaseTrain=" + releaseTrain + ", releaseNamespace=" + releaseNamespace
                + ", configurationSettings=" + shown + ", protectedSettings=" + protectedSettings.keySet()
                + (identityType == null ? "" : ", identity=" + identityType) + (location == null ? "" : ", location=" + location) + "]";
    }
}
