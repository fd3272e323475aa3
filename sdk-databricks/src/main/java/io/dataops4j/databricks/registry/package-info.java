/**
 * Workspace Model Registry webhooks: {@link io.dataops4j.databricks.registry.RegistryWebhooks} (create, list, update,
 * delete, test; reached through {@code DatabricksClient.registryWebhooks()}) and
 * {@link io.dataops4j.databricks.registry.WebhookVerifier} for incoming deliveries ({@code X-Databricks-Signature}).
 */
package io.dataops4j.databricks.registry;
