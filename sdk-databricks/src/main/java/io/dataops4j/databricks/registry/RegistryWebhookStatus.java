package io.dataops4j.databricks.registry;

/**
 * Whether a webhook fires: {@code TEST_MODE} (only through {@link RegistryWebhooks#test}), then {@code ACTIVE}, and
 * {@code DISABLED} to pause it. The service's default on create is {@code ACTIVE}.
 */
public enum RegistryWebhookStatus {
    /** Triggered by real events. */
    ACTIVE,
    /** Triggered only through the test endpoint. */
    TEST_MODE,
    /** Not triggered. */
    DISABLED,
    /** A status this SDK does not know yet. */
    UNKNOWN
}
