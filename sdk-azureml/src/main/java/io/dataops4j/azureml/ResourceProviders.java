package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.Poller;
import java.util.Objects;

/**
 * Resource providers of the client's subscription: read the registration state, register and wait until
 * {@code Registered}. Registering is not a long-running operation in ARM's sense: the POST answers at once with
 * {@code Registering}, and the provider is read again until it says {@code Registered}.
 *
 * <pre>{@code
 * Provider p = aml.providers().register("Microsoft.KubernetesConfiguration").waitForCompletion(Duration.ofMinutes(10));
 * }</pre>
 */
public final class ResourceProviders {
    private final AzureMlContext ctx;

    ResourceProviders(AzureMlContext ctx) {
        this.ctx = ctx;
    }

    /** Reads a provider's registration state. */
    public Provider get(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return Provider.from(ctx.arm().get(path(namespace), ctx.versions().resources()), namespace);
    }

    /**
     * Registers a provider unless it is registered already (then nothing is sent), and returns a poller that ends
     * when the provider reads {@code Registered}.
     */
    public Poller<Provider> register(String namespace) {
        Provider now = get(namespace);
        String id = "provider|" + ctx.subscription() + "|" + namespace;
        String description = "registration of " + namespace;
        if (now.registered()) {
            return Polls.done(id, description, now, ctx.timing());
        }
        RawJson answer = ctx.arm().post(path(namespace) + "/register", ctx.versions().resources(), null);
        Provider after = answer == null ? now : Provider.from(answer, namespace);
        return Polls.of(id, description, () -> classify(get(namespace)), classify(after), ctx.timing());
    }

    private static PollResponse<Provider> classify(Provider p) {
        return p.registered() ? PollResponse.succeeded(p) : PollResponse.inProgress(p);
    }

    private String path(String namespace) {
        return "/subscriptions/" + ctx.subscription() + "/providers/" + namespace;
    }
}
