package io.dataops4j.adf;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of Data Factory objects, in the order azure.datafactory.tools enumerates them (which decides, for
 * example, the type a JSON config entry resolves to).
 *
 * <pre>{@code
 * AdfObjectType t = AdfObjectType.parse("linkedService").orElseThrow();   // case-insensitive
 * String folder = t.folder();                                            // "linkedService"
 * }</pre>
 */
public enum AdfObjectType {
    LINKED_SERVICE("linkedService", "linkedService", "linkedservices", "linkedServices"),
    PIPELINE("pipeline", "pipeline", "pipelines", "pipelines"),
    DATASET("dataset", "dataset", "datasets", "datasets"),
    DATAFLOW("dataflow", "dataflow", "dataflows", "dataflows"),
    TRIGGER("trigger", "trigger", "triggers", "triggers"),
    INTEGRATION_RUNTIME("integrationRuntime", "integrationRuntime", "integrationRuntimes", "integrationRuntimes"),
    FACTORY("factory", "factory", null, null),
    MANAGED_VIRTUAL_NETWORK("managedVirtualNetwork", "managedVirtualNetwork", "managedVirtualNetworks", "managedVirtualNetworks"),
    MANAGED_PRIVATE_ENDPOINT("managedPrivateEndpoint", "managedVirtualNetwork/default/managedPrivateEndpoint",
            "managedPrivateEndpoints", "managedVirtualNetworks/managedPrivateEndpoints"),
    CREDENTIAL("credential", "credential", "credentials", "credentials");

    private final String configName;
    private final String folder;
    private final String collection;
    private final String armType;

    AdfObjectType(String configName, String folder, String collection, String armType) {
        this.configName = configName;
        this.folder = folder;
        this.collection = collection;
        this.armType = armType;
    }

    /** The name used in config files, rules and messages ({@code linkedService}). */
    public String configName() {
        return configName;
    }

    /** The folder of the ADF Git layout, relative to the root. */
    public String folder() {
        return folder;
    }

    /** The REST collection segment ({@code linkedservices}), or null for the factory. */
    public String collection() {
        return collection;
    }

    /** The ARM resource type below {@code Microsoft.DataFactory/factories/}, or null for the factory itself. */
    public String armType() {
        return armType;
    }

    /** The type for a name (config name, case-insensitive; a reference type's stem such as "DataFlow"). */
    public static Optional<AdfObjectType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (AdfObjectType t : values()) {
            if (t.configName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return configName;
    }
}
