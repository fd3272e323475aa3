package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compute of a workspace ({@code ComputeResource}) as ARM returns it.
 *
 * @param id                  the compute's resource id
 * @param name                its name
 * @param computeType         {@code Kubernetes}, {@code AmlCompute}, {@code AKS}, ...
 * @param provisioningState   {@code Succeeded}, {@code Creating}, {@code Failed}, ..., or null
 * @param resourceId          the underlying resource (an AKS cluster's id), or null
 * @param namespace           a Kubernetes compute's namespace, or null
 * @param defaultInstanceType a Kubernetes compute's default instance type, or null
 * @param attached            {@code isAttachedCompute}, or null
 * @param location            the compute's location, or null
 * @param description         the description, or null
 * @param provisioningErrors  errors of provisioning
 * @param raw                 the document as read
 */
public record Compute(String id, String name, String computeType, String provisioningState, String resourceId, String namespace,
                      String defaultInstanceType, Boolean attached, String location, String description,
                      List<ErrorInfo> provisioningErrors, RawJson raw) {
    public Compute {
        provisioningErrors = List.copyOf(provisioningErrors);
    }

    static Compute from(RawJson json) {
        Map<String, Object> m = json.asMap();
        List<ErrorInfo> errors = new ArrayList<>();
        for (Object o : JsonMaps.list(m, "properties", "provisioningErrors")) {
            if (o instanceof Map<?, ?> e) {
                Map<String, Object> em = JsonMaps.cast(e);
                ErrorInfo info = ErrorInfo.from(em.get("error") instanceof Map<?, ?> inner ? JsonMaps.cast(inner) : em);
                if (info != null) {
                    errors.add(info);
                }
            }
        }
        String attached = JsonMaps.string(m, "properties", "isAttachedCompute");
        return new Compute(JsonMaps.string(m, "id"), JsonMaps.string(m, "name"), JsonMaps.string(m, "properties", "computeType"),
                JsonMaps.string(m, "properties", "provisioningState"), JsonMaps.string(m, "properties", "resourceId"),
                JsonMaps.string(m, "properties", "properties", "namespace"),
                JsonMaps.string(m, "properties", "properties", "defaultInstanceType"),
                attached == null ? null : Boolean.valueOf(attached), JsonMaps.string(m, "location"),
                JsonMaps.string(m, "properties", "description"), errors, json);
    }

    /** The instance types of a Kubernetes compute, as JSON values, or an empty map. */
    public Map<String, Object> instanceTypes() {
        Map<String, Object> t = JsonMaps.object(raw.asMap(), "properties", "properties", "instanceTypes");
        return t == null ? Map.of() : t;
    }

    @Override
    public String toString() {
        return "Compute[" + name + ", " + computeType + ", " + provisioningState + (namespace == null ? "" : ", namespace " + namespace) + "]";
    }
}
