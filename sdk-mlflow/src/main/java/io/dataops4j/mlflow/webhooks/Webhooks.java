package io.dataops4j.mlflow.webhooks;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.mlflow.internal.ArtifactPaths;
import io.dataops4j.mlflow.internal.JsonBody;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.Wire;
import java.util.List;
import java.util.Objects;

/**
 * Model registry webhooks of open-source MLflow 3.3 and later (SQL backends): create, list, get, update, delete and
 * test. Check incoming deliveries with {@link WebhookVerifier}.
 *
 * <pre>{@code
 * Webhooks hooks = mlflow.webhooks();
 * Webhook hook = hooks.create(CreateWebhook.builder("on-register", "https://ci.example.com/hook")
 *     .event(WebhookEvent.MODEL_VERSION_CREATED).secret(secret).build());
 * WebhookTestResult r = hooks.test(hook.webhookId());
 * hooks.list().forEach(System.out::println);
 * }</pre>
 *
 * <p>Thread-safe; obtained from {@code MlflowClient.webhooks()}.
 */
public final class Webhooks {
    private static final String P = MlflowContext.API + "webhooks";
    /** The page size of {@link #list()} (the server's own default). */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final MlflowContext ctx;

    /** Used by {@code MlflowClient}. */
    public Webhooks(MlflowContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates a webhook. */
    public Webhook create(CreateWebhook spec) {
        Objects.requireNonNull(spec, "spec");
        return ctx.send(ApiRequest.post(P)
                .body(JsonBody.of("name", spec.name(), "description", spec.description(), "url", spec.url(),
                        "events", spec.events(), "secret", spec.secret() == null ? null : spec.secret().reveal(),
                        "status", spec.status() == null ? null : spec.status().name()))
                .operation("webhooks.create").build(), Wire.WebhookResponse.class).webhook();
    }

    /** Every webhook, fetched lazily. */
    public Paged<Webhook> list() {
        return list(DEFAULT_PAGE_SIZE);
    }

    /** Every webhook, fetched {@code pageSize} at a time. */
    public Paged<Webhook> list(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive but was " + pageSize);
        }
        return Paged.tokens(token -> {
            Wire.WebhooksPage p = ctx.send(ApiRequest.get(P).query("max_results", pageSize).query("page_token", token)
                    .operation("webhooks.list").build(), Wire.WebhooksPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.webhooks(), p.nextPageToken());
        });
    }

    /** A webhook by id; {@code ResourceNotFoundException} when there is none. */
    public Webhook get(String webhookId) {
        return ctx.send(ApiRequest.get(path(webhookId)).operation("webhooks.get").build(), Wire.WebhookResponse.class).webhook();
    }

    /** Changes a webhook; returns it as it is now. */
    public Webhook update(String webhookId, UpdateWebhook update) {
        Objects.requireNonNull(update, "update");
        return ctx.send(ApiRequest.patch(path(webhookId))
                .body(JsonBody.of("name", update.name(), "description", update.description(), "url", update.url(),
                        "events", update.events().isEmpty() ? null : update.events(),
                        "secret", update.secret() == null ? null : update.secret().reveal(),
                        "status", update.status() == null ? null : update.status().name()))
                .idempotent().operation("webhooks.update").build(), Wire.WebhookResponse.class).webhook();
    }

    /** Deletes a webhook. */
    public void delete(String webhookId) {
        ctx.send(ApiRequest.delete(path(webhookId)).operation("webhooks.delete").build());
    }

    /** Has the server send a test delivery for the webhook's first event; returns what the receiver answered. */
    public WebhookTestResult test(String webhookId) {
        return test(webhookId, null);
    }

    /** Has the server send a test delivery of an event (an example payload); returns what the receiver answered. */
    public WebhookTestResult test(String webhookId, WebhookEvent event) {
        return ctx.send(ApiRequest.post(path(webhookId) + "/test").body(JsonBody.of("event", event))
                .operation("webhooks.test").build(), Wire.WebhookTestResponse.class).result();
    }

    private static String path(String webhookId) {
        Objects.requireNonNull(webhookId, "webhookId");
        if (webhookId.isEmpty() || webhookId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a webhook id: " + webhookId);
        }
        return P + "/" + ArtifactPaths.encode(webhookId);
    }
}
