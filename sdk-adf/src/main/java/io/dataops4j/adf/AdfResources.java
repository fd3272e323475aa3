package io.dataops4j.adf;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.Poller;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of a factory as raw JSON, so that every property round-trips untouched: list (following
 * {@code nextLink}), get, PUT, DELETE, and the global parameters ({@code globalParameters/default}).
 *
 * <pre>{@code
 * for (RawJson p : adf.resources().list(AdfObjectType.PIPELINE)) log.info("{}", p.asMap().get("name"));
 * adf.resources().put(AdfObjectType.PIPELINE, "PL_Copy", RawJson.of("{\"properties\":{\"activities\":[]}}"));
 * }</pre>
 */
public final class AdfResources {
    private static final Duration PUT_TIMEOUT = Duration.ofMinutes(30);
    private final AdfClient client;

    AdfResources(AdfClient client) {
        this.client = client;
    }

    /** The path of an object ({@code .../managedVirtualNetworks/default/managedPrivateEndpoints/{name}} for endpoints). */
    public String path(AdfObjectType type, String name) {
        if (type == AdfObjectType.FACTORY) {
            return client.factoryId().path();
        }
        if (type == AdfObjectType.MANAGED_PRIVATE_ENDPOINT) {
            return client.path("managedVirtualNetworks", "default", "managedPrivateEndpoints", name);
        }
        return client.path(type.collection(), name);
    }

    private String collectionPath(AdfObjectType type) {
        if (type == AdfObjectType.MANAGED_PRIVATE_ENDPOINT) {
            return client.path("managedVirtualNetworks", "default", "managedPrivateEndpoints");
        }
        if (type == AdfObjectType.FACTORY) {
            throw new IllegalArgumentException("the factory is not a collection");
        }
        return client.path(type.collection());
    }

    /** Every object of a type, page by page. */
    public Paged<RawJson> list(AdfObjectType type) {
        return client.arm().list(collectionPath(type), AdfClient.API_VERSION);
    }

    /** One object, or empty when it does not exist. */
    public Optional<RawJson> get(AdfObjectType type, String name) {
        try {
            return Optional.ofNullable(client.arm().get(path(type, name), AdfClient.API_VERSION));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The factory itself (GET), or empty when it does not exist. */
    public Optional<RawJson> factory() {
        return get(AdfObjectType.FACTORY, client.factoryId().name());
    }

    /** Creates a factory that does not exist yet ({@code {"location": ...}}); never used on an existing one. */
    public RawJson createFactory(String location) {
        return client.arm().beginPut(client.factoryId().path(), AdfClient.API_VERSION, Map.of("location", location))
                .waitForCompletion(PUT_TIMEOUT);
    }

    /** Creates or replaces an object; the body is {@code {"properties": ...}}. Waits when the service answers 201/202. */
    public RawJson put(AdfObjectType type, String name, RawJson body) {
        if (type == AdfObjectType.FACTORY) {
            throw new IllegalArgumentException("the factory is never PUT: use putGlobalParameters");
        }
        return beginPut(type, name, body).waitForCompletion(PUT_TIMEOUT);
    }

    /** As {@link #put}, as a poller. */
    public Poller<RawJson> beginPut(AdfObjectType type, String name, RawJson body) {
        return client.arm().beginPut(path(type, name), AdfClient.API_VERSION, body);
    }

    /** Deletes an object (200 or 204). */
    public void delete(AdfObjectType type, String name) {
        client.arm().beginDelete(path(type, name), AdfClient.API_VERSION, null).waitForCompletion(PUT_TIMEOUT);
    }

    /** The global parameters ({@code globalParameters/default}), or empty. */
    public Optional<RawJson> globalParameters() {
        for (RawJson gp : client.arm().list(client.path("globalParameters"), AdfClient.API_VERSION)) {
            Object n = gp.asMap().get("name");
            if ("default".equalsIgnoreCase(String.valueOf(n))) {
                return Optional.of(gp);
            }
        }
        return Optional.empty();
    }

    /** Replaces the global parameters: body {@code {"properties": {"name": {"type": ..., "value": ...}}}}. */
    public RawJson putGlobalParameters(RawJson body) {
        return client.arm().beginPut(client.path("globalParameters", "default"), AdfClient.API_VERSION, body).waitForCompletion(PUT_TIMEOUT);
    }
}
