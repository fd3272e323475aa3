package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.json.RawJson;
import java.util.Map;

/**
 * A resource provider of a subscription and its registration state ({@code Registering} right after register, then
 * {@code Registered}).
 *
 * @param namespace         the provider namespace ("Microsoft.ContainerService")
 * @param registrationState the state as the service wrote it, or null
 */
public record Provider(String namespace, String registrationState) {
    /** Whether the provider is registered. */
    public boolean registered() {
        return "Registered".equalsIgnoreCase(registrationState);
    }

    static Provider from(RawJson json, String namespace) {
        Map<String, Object> m = json.asMap();
        String ns = JsonMaps.string(m, "namespace");
        return new Provider(ns == null ? namespace : ns, JsonMaps.string(m, "registrationState"));
    }
}
