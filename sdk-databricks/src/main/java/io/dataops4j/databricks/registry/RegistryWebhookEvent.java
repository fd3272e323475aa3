package io.dataops4j.databricks.registry;

/**
 * What triggers a Model Registry webhook (databricks-sdk {@code RegistryWebhookEvent}); also the {@code event} of a
 * delivery.
 */
public enum RegistryWebhookEvent {
    /** A new version of the model was created. */
    MODEL_VERSION_CREATED,
    /** A model version's stage changed. */
    MODEL_VERSION_TRANSITIONED_STAGE,
    /** A model version moved to Staging. */
    MODEL_VERSION_TRANSITIONED_TO_STAGING,
    /** A model version moved to Production. */
    MODEL_VERSION_TRANSITIONED_TO_PRODUCTION,
    /** A model version was archived. */
    MODEL_VERSION_TRANSITIONED_TO_ARCHIVED,
    /** A user requested a stage transition. */
    TRANSITION_REQUEST_CREATED,
    /** A user requested a transition to Staging. */
    TRANSITION_REQUEST_TO_STAGING_CREATED,
    /** A user requested a transition to Production. */
    TRANSITION_REQUEST_TO_PRODUCTION_CREATED,
    /** A user requested that a version be archived. */
    TRANSITION_REQUEST_TO_ARCHIVED_CREATED,
    /** A user commented on a registered model. */
    COMMENT_CREATED,
    /** A registered model was created; only for registry-wide webhooks (no model name). */
    REGISTERED_MODEL_CREATED,
    /** A user set a tag on a model version. */
    MODEL_VERSION_TAG_SET,
    /** An event this SDK does not know yet. */
    UNKNOWN
}
