package io.dataops4j.databricks.registry;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.DeserializationException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.databricks.internal.Context;
import io.dataops4j.databricks.internal.RegistryWire;
import io.dataops4j.databricks.internal.SubClients;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workspace Model Registry webhooks ({@code /api/2.0/mlflow/registry-webhooks/...}): create, list (lazily, all or by
 * model), update, delete and test. A webhook posts to an HTTPS URL (signed with its secret; check deliveries with
 * {@link WebhookVerifier}) or runs a job. Start it in TEST_MODE, {@link #test} it, then make it ACTIVE; DISABLED pauses
 * it. Secrets, authorization values and job tokens go on the wire only: the service never returns them, and they are
 * never logged. Not available for models in Unity Catalog (a service limit).
 *
 * <pre>{@code
 * RegistryWebhooks hooks = dbx.registryWebhooks();
 * RegistryWebhook hook = hooks.create(CreateRegistryWebhook.builder()
 *     .modelName("churn-classifier")
 *     .events(RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_TO_PRODUCTION)
 *     .httpUrl(HttpUrlSpec.of("https://ci.example.com/hooks/databricks").withSecret(Secret.of(secret)))
 *     .status(RegistryWebhookStatus.TEST_MODE)
 *     .build());
 * WebhookTestResult answer = hooks.test(hook.id());                  // the receiver's status code and body
 * hooks.setStatus(hook.id(), RegistryWebhookStatus.ACTIVE);
 * hooks.list("churn-classifier").forEach(h -> System.out.println(h.id() + " " + h.status()));
 * }</pre>
 */
public final class RegistryWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryWebhooks.class);
    private static final String API = "api/2.0/mlflow/registry-webhooks/";

    private final Context ctx;

    static {
        SubClients.register(RegistryWebhooks.class, (ctx, setting) -> new RegistryWebhooks(ctx));
    }

    /** Made by {@code DatabricksClient}: use {@code dbx.registryWebhooks()}. */
    private RegistryWebhooks(Context ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates a webhook; returns it as the service stored it (without secrets). */
    public RegistryWebhook create(CreateRegistryWebhook request) {
        Objects.requireNonNull(request, "request");
        LOG.debug("creating registry webhook {}", request);
        RegistryWire.WebhookEnvelope e = ctx.send(ApiRequest.post(API + "create").json(RegistryWire.createBody(request))
                .operation("registry-webhooks.create").build(), RegistryWire.WebhookEnvelope.class);
        RegistryWebhook hook = webhook(e, "create");
        LOG.debug("created registry webhook {} ({})", hook.id(), hook.status());
        return hook;
    }

    /** Every webhook of the workspace, lazily. */
    public Paged<RegistryWebhook> list() {
        return list(ListRegistryWebhooks.all());
    }

    /** The webhooks of one model, lazily. */
    public Paged<RegistryWebhook> list(String modelName) {
        return list(ListRegistryWebhooks.forModel(modelName));
    }

    /** The webhooks a query selects, lazily, page by page ({@code page_token}). */
    public Paged<RegistryWebhook> list(ListRegistryWebhooks query) {
        Objects.requireNonNull(query, "query");
        return Paged.tokens(token -> {
            ApiRequest.Builder b = ApiRequest.get(API + "list").operation("registry-webhooks.list")
                    .queryAll("events", RegistryWire.names(query.events()))
                    .query("max_results", query.maxResults())
                    .query("model_name", query.modelName())
                    .query("page_token", token);
            RegistryWire.WebhooksPage p = ctx.send(b.build(), RegistryWire.WebhooksPage.class);
            if (p == null || p.webhooks() == null) {
                return new Page<>(List.of(), p == null ? null : p.nextPageToken());
            }
            return Page.wrap(p.webhooks(), p.nextPageToken());
        });
    }

    /** Changes a webhook (only what the update sets); returns it as changed. */
    public RegistryWebhook update(UpdateRegistryWebhook update) {
        Objects.requireNonNull(update, "update");
        if (update.isEmpty()) {
            throw new IllegalArgumentException("the update of webhook " + update.id() + " changes nothing");
        }
        LOG.debug("updating registry webhook {}", update);
        RegistryWire.WebhookEnvelope e = ctx.send(ApiRequest.patch(API + "update").json(RegistryWire.updateBody(update))
                .idempotent().operation("registry-webhooks.update").build(), RegistryWire.WebhookEnvelope.class);
        return webhook(e, "update");
    }

    /** Moves a webhook to TEST_MODE, ACTIVE or DISABLED. */
    public RegistryWebhook setStatus(String id, RegistryWebhookStatus status) {
        return update(UpdateRegistryWebhook.of(id).status(status));
    }

    /** Deletes a webhook. */
    public void delete(String id) {
        requireId(id);
        ctx.send(ApiRequest.delete(API + "delete").query("id", id).operation("registry-webhooks.delete").build());
    }

    /** Sends a test delivery with an event the service picks among the webhook's; returns the receiver's answer. */
    public WebhookTestResult test(String id) {
        return test(id, null);
    }

    /** Sends a test delivery of one event (null: one the service picks); returns the receiver's answer. */
    public WebhookTestResult test(String id, RegistryWebhookEvent event) {
        requireId(id);
        if (event == RegistryWebhookEvent.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not an event the service accepts");
        }
        WebhookTestResult r = ctx.send(ApiRequest.post(API + "test").json(RegistryWire.testBody(id, event))
                .operation("registry-webhooks.test").build(), WebhookTestResult.class);
        return r == null ? new WebhookTestResult(null, null) : r;
    }

    private static void requireId(String id) {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw new IllegalArgumentException("a webhook id must not be blank");
        }
    }

    private static RegistryWebhook webhook(RegistryWire.WebhookEnvelope e, String call) {
        if (e == null || e.webhook() == null) {
            throw new DeserializationException("registry-webhooks/" + call + " answered without a webhook", null);
        }
        return e.webhook();
    }

    @Override
    public String toString() {
        return "RegistryWebhooks[" + Redactor.url(String.valueOf(ctx.http().baseUrl())) + "]";
    }
}
