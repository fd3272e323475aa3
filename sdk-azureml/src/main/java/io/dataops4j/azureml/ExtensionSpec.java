package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The desired state of a cluster extension, as PUT: {@code properties.extensionType}, {@code releaseTrain},
 * {@code scope.cluster.releaseNamespace}, {@code configurationSettings} (and empty
 * {@code configurationProtectedSettings}, as the az CLI sends). Build one for Azure ML with {@link AzureMlExtension}.
 *
 * @param extensionType         the extension type
 * @param releaseTrain          the release train, or null
 * @param releaseNamespace      the cluster-scope release namespace
 * @param configurationSettings the settings, in order
 */
public record ExtensionSpec(String extensionType, String releaseTrain, String releaseNamespace, Map<String, String> configurationSettings) {
    public ExtensionSpec {
        Objects.requireNonNull(extensionType, "extensionType");
        Objects.requireNonNull(releaseNamespace, "releaseNamespace");
        configurationSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configurationSettings));
    }

    /** The PUT body. */
    public RawJson body() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("extensionType", extensionType);
        props.put("scope", Map.of("cluster", Map.of("releaseNamespace", releaseNamespace)));
        if (releaseTrain != null) {
            props.put("releaseTrain", releaseTrain);
        }
        props.put("configurationProtectedSettings", Map.of());
        props.put("configurationSettings", configurationSettings);
        return RawJson.from(Map.of("properties", props));
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
            if (!JsonMaps.sameSetting(v, have)) {
                out.add(k + " is " + (have == null ? "not set" : "'" + have + "'") + ", wanted '" + v + "'");
            }
        });
        return out;
    }
}
