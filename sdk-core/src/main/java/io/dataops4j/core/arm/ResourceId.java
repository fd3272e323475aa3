package io.dataops4j.core.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An Azure resource id: {@code /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{childType}/{childName}...]}.
 *
 * <pre>{@code
 * ResourceId factory = ResourceId.of("sub-1", "rg-data", "Microsoft.DataFactory", "factories", "adf-prod");
 * ResourceId pipeline = factory.child("pipelines", "load-sales");
 * ResourceId parsed = ResourceId.parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1");
 * }</pre>
 *
 * @param subscription  the subscription id
 * @param resourceGroup the resource group, or null for subscription-level resources
 * @param namespace     the provider namespace ("Microsoft.DataFactory"), or null
 * @param types         resource types from the outermost ("factories", "pipelines")
 * @param names         resource names, one per type
 */
public record ResourceId(String subscription, String resourceGroup, String namespace, List<String> types, List<String> names) {
    public ResourceId {
        Objects.requireNonNull(subscription, "subscription");
        types = List.copyOf(types);
        names = List.copyOf(names);
        if (types.size() != names.size()) {
            throw new IllegalArgumentException("every resource type needs a name: " + types + " / " + names);
        }
        if (!types.isEmpty() && namespace == null) {
            throw new IllegalArgumentException("resource types need a provider namespace");
        }
        for (String n : names) {
            if (n == null || n.isBlank() || n.contains("/")) {
                throw new IllegalArgumentException("invalid resource name '" + n + "'");
            }
        }
    }

    /** A top-level resource in a resource group. */
    public static ResourceId of(String subscription, String resourceGroup, String namespace, String type, String name) {
        return new ResourceId(subscription, resourceGroup, namespace, List.of(type), List.of(name));
    }

    /** A resource group. */
    public static ResourceId resourceGroup(String subscription, String resourceGroup) {
        return new ResourceId(subscription, resourceGroup, null, List.of(), List.of());
    }

    /** Parses an id; the message names what is wrong. */
    public static ResourceId parse(String id) {
        Objects.requireNonNull(id, "id");
        String[] p = id.replaceAll("^/+|/+$", "").split("/");
        if (p.length < 2 || !p[0].equalsIgnoreCase("subscriptions")) {
            throw new IllegalArgumentException("not an Azure resource id (must start with /subscriptions/{id}): " + id);
        }
        String sub = p[1];
        int i = 2;
        String rg = null;
        if (i + 1 < p.length && p[i].equalsIgnoreCase("resourceGroups")) {
            rg = p[i + 1];
            i += 2;
        }
        String ns = null;
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (i < p.length) {
            if (!p[i].equalsIgnoreCase("providers") || i + 1 >= p.length) {
                throw new IllegalArgumentException("expected 'providers/{namespace}' at segment " + (i + 1) + " of " + id);
            }
            ns = p[i + 1];
            i += 2;
            while (i < p.length) {
                if (i + 1 >= p.length) {
                    throw new IllegalArgumentException("resource type '" + p[i] + "' has no name in " + id);
                }
                types.add(p[i]);
                names.add(p[i + 1]);
                i += 2;
            }
        }
        return new ResourceId(sub, rg, ns, types, names);
    }

    /** A child resource. */
    public ResourceId child(String type, String name) {
        List<String> t = new ArrayList<>(types);
        List<String> n = new ArrayList<>(names);
        t.add(type);
        n.add(name);
        return new ResourceId(subscription, resourceGroup, namespace, t, n);
    }

    /** The innermost name. */
    public String name() {
        return names.isEmpty() ? resourceGroup : names.get(names.size() - 1);
    }

    /** The path, starting with '/'. */
    public String path() {
        StringBuilder sb = new StringBuilder("/subscriptions/").append(subscription);
        if (resourceGroup != null) {
            sb.append("/resourceGroups/").append(resourceGroup);
        }
        if (namespace != null) {
            sb.append("/providers/").append(namespace);
            for (int i = 0; i < types.size(); i++) {
                sb.append('/').append(types.get(i)).append('/').append(names.get(i));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return path();
    }
}
