package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster extension ({@code Microsoft.KubernetesConfiguration/extensions}) as ARM returns it. "The extension can be
 * created without the installation having succeeded": {@link #problems()} tells whether it is really installed.
 *
 * @param id                    the extension's resource id
 * @param name                  its name
 * @param extensionType         e.g. {@code microsoft.azureml.kubernetes}
 * @param releaseTrain          e.g. {@code stable}, or null
 * @param releaseNamespace      {@code scope.cluster.releaseNamespace}, or null
 * @param configurationSettings the (non-secret) settings
 * @param provisioningState     {@code Succeeded}, {@code Failed}, {@code Canceled}, {@code Creating}, {@code Updating},
 *                              {@code Deleting} (or a value this SDK does not know), or null
 * @param currentVersion        the installed version, or null
 * @param extensionState        {@code Ready} and others, where the service reports it; or null
 * @param statuses              the statuses the extension reports
 * @param errorInfo             the error, or null
 * @param raw                   the document as read
 */
public record ClusterExtension(String id, String name, String extensionType, String releaseTrain, String releaseNamespace,
                               Map<String, String> configurationSettings, String provisioningState, String currentVersion,
                               String extensionState, List<ExtensionStatus> statuses, ErrorInfo errorInfo, RawJson raw) {
    public ClusterExtension {
        configurationSettings = configurationSettings == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(configurationSettings));
        statuses = List.copyOf(statuses);
    }

    /**
     * What keeps this extension from being installed and healthy, empty when it is: provisioningState not
     * Succeeded, an errorInfo, a status at level Error, an extensionState other than Ready (where present).
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!"Succeeded".equalsIgnoreCase(provisioningState)) {
            out.add("provisioningState is " + provisioningState);
        }
        if (errorInfo != null) {
            out.add("errorInfo: " + errorInfo);
        }
        for (ExtensionStatus s : statuses) {
            if (s.isError()) {
                out.add("status: " + s);
            }
        }
        if (extensionState != null && !"Ready".equalsIgnoreCase(extensionState)) {
            out.add("extensionState is " + extensionState);
        }
        return out;
    }

    /** Whether {@link #problems()} is empty. */
    public boolean healthy() {
        return problems().isEmpty();
    }

    static ClusterExtension from(RawJson json) {
        Map<String, Object> m = json.asMap();
        List<ExtensionStatus> statuses = new ArrayList<>();
        for (Object o : JsonMaps.list(m, "properties", "statuses")) {
            if (o instanceof Map<?, ?> s) {
                Map<String, Object> sm = JsonMaps.cast(s);
                statuses.add(new ExtensionStatus(JsonMaps.string(sm, "code"), JsonMaps.string(sm, "displayStatus"),
                        JsonMaps.string(sm, "level"), JsonMaps.string(sm, "message"), JsonMaps.string(sm, "time")));
            }
        }
        return new ClusterExtension(JsonMaps.string(m, "id"), JsonMaps.string(m, "name"),
                JsonMaps.string(m, "properties", "extensionType"), JsonMaps.string(m, "properties", "releaseTrain"),
                JsonMaps.string(m, "properties", "scope", "cluster", "releaseNamespace"),
                JsonMaps.strings(JsonMaps.object(m, "properties", "configurationSettings")),
                JsonMaps.string(m, "properties", "provisioningState"), JsonMaps.string(m, "properties", "currentVersion"),
                JsonMaps.string(m, "properties", "extensionState"), statuses,
                ErrorInfo.from(JsonMaps.object(m, "properties", "errorInfo")), json);
    }

    @Override
    public String toString() {
        return "ClusterExtension[" + name + ", " + extensionType + ", " + provisioningState
                + (currentVersion == null ? "" : " " + currentVersion) + "]";
    }
}
