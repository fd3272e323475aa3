package io.dataops4j.cli.databricks;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.databricks.registry.CreateRegistryWebhook;
import io.dataops4j.databricks.registry.HttpUrlSpec;
import io.dataops4j.databricks.registry.ListRegistryWebhooks;
import io.dataops4j.databricks.registry.RegistryWebhook;
import io.dataops4j.databricks.registry.RegistryWebhookEvent;
import io.dataops4j.databricks.registry.RegistryWebhookStatus;
import io.dataops4j.databricks.registry.RegistryWebhooks;
import io.dataops4j.databricks.registry.UpdateRegistryWebhook;
import io.dataops4j.databricks.registry.WebhookJobSpec;
import io.dataops4j.databricks.registry.WebhookTestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dataops4j databricks webhooks}: Model Registry webhooks (create, list, update, test, delete). Secrets (the
 * signing secret, an Authorization value, a job token) are read from environment variables named by
 * {@code --secret-env}, {@code --authorization-env} and {@code --job-token-env}, never from the command line.
 *
 * <pre>{@code
 * $ HOOK_SECRET=... dataops4j databricks webhooks create --model churn --event MODEL_VERSION_TRANSITIONED_TO_PRODUCTION \
 *       --url https://ci.example.com/hooks/databricks --secret-env HOOK_SECRET --status TEST_MODE
 * $ dataops4j databricks webhooks test wh-123 && dataops4j databricks webhooks update wh-123 --status ACTIVE
 * }</pre>
 */
@Command(name = "webhooks", description = "Model Registry webhooks: create, list, update, test, delete.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {WebhooksCommand.Create.class, WebhooksCommand.ListCommand.class, WebhooksCommand.Update.class,
                WebhooksCommand.Test.class, WebhooksCommand.Delete.class},
        footer = {"", "Events: MODEL_VERSION_CREATED, MODEL_VERSION_TRANSITIONED_STAGE, MODEL_VERSION_TRANSITIONED_TO_STAGING|PRODUCTION|ARCHIVED,",
                "TRANSITION_REQUEST_CREATED, TRANSITION_REQUEST_TO_STAGING|PRODUCTION|ARCHIVED_CREATED, COMMENT_CREATED,",
                "REGISTERED_MODEL_CREATED (registry-wide webhooks only), MODEL_VERSION_TAG_SET.",
                "Secrets come from environment variables (--secret-env, --authorization-env, --job-token-env), never from the command line."})
public final class WebhooksCommand {
    @ParentCommand
    DatabricksCommand parent;

    RegistryWebhooks hooks() {
        return parent.client().registryWebhooks();
    }

    static Secret secretFrom(CliContext ctx, String variable, String what) {
        String v = ctx.environment().get(variable);
        if (v == null || v.isEmpty()) {
            throw new ConfigurationException(what + " not set; looked in: environment variable " + variable
                    + " (secrets are never read from the command line)");
        }
        return Secret.of(v);
    }

    static List<RegistryWebhookEvent> events(List<String> texts) {
        List<RegistryWebhookEvent> out = new ArrayList<>();
        if (texts == null) {
            return out;
        }
        for (String t : texts) {
            for (String part : t.split(",")) {
                String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                if (name.isEmpty()) {
                    continue;
                }
                out.add(event(name));
            }
        }
        return out;
    }

    static RegistryWebhookEvent event(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            RegistryWebhookEvent e = RegistryWebhookEvent.valueOf(name);
            if (e != RegistryWebhookEvent.UNKNOWN) {
                return e;
            }
        } catch (IllegalArgumentException ignored) {
            // named below
        }
        throw new IllegalArgumentException("unknown webhook event '" + text + "'; known: " + Arrays.stream(RegistryWebhookEvent.values())
                .filter(e -> e != RegistryWebhookEvent.UNKNOWN).map(Enum::name).toList());
    }

    static RegistryWebhookStatus status(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (name) {
            case "ACTIVE" -> RegistryWebhookStatus.ACTIVE;
            case "TEST_MODE" -> RegistryWebhookStatus.TEST_MODE;
            case "DISABLED" -> RegistryWebhookStatus.DISABLED;
            default -> throw new IllegalArgumentException("--status must be TEST_MODE, ACTIVE or DISABLED, but was '" + text + "'");
        };
    }

    static Map<String, Object> summary(RegistryWebhook h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("model_name", h.modelName());
        m.put("status", h.status() == null ? null : h.status().name());
        m.put("events", h.events().stream().map(Enum::name).toList());
        m.put("description", h.description());
        m.put("url", h.httpUrlSpec() == null ? null : h.httpUrlSpec().url());
        m.put("enable_ssl_verification", h.httpUrlSpec() == null ? null : h.httpUrlSpec().enableSslVerification());
        m.put("job_id", h.jobSpec() == null ? null : h.jobSpec().jobId());
        m.put("workspace_url", h.jobSpec() == null ? null : h.jobSpec().workspaceUrl());
        m.put("creation_timestamp", h.creationTimestamp() == null ? null : h.creationTimestamp().toString());
        m.put("last_updated_timestamp", h.lastUpdatedTimestamp() == null ? null : h.lastUpdatedTimestamp().toString());
        return m;
    }

    static String target(RegistryWebhook h) {
        if (h.httpUrlSpec() != null) {
            return String.valueOf(h.httpUrlSpec().url());
        }
        if (h.jobSpec() != null) {
            return "job " + h.jobSpec().jobId() + (h.jobSpec().workspaceUrl() == null ? "" : " in " + h.jobSpec().workspaceUrl());
        }
        return "";
    }

    static void print(CliContext ctx, RegistryWebhook h) {
        if (ctx.json()) {
            ctx.printJson(summary(h));
        } else {
            ctx.out().println(h.id() + ": " + h.status() + " " + (h.registryWide() ? "(registry-wide)" : h.modelName()) + " -> "
                    + target(h) + " on " + h.events().stream().map(Enum::name).toList());
        }
    }

    /** The target options shared by create and update. */
    static final class Target {
        @Option(names = "--url", paramLabel = "URL", description = "The HTTPS URL deliveries are posted to.")
        String url;

        @Option(names = "--secret-env", paramLabel = "VAR", description = "Environment variable holding the signing secret (X-Databricks-Signature).")
        String secretEnv;

        @Option(names = "--authorization-env", paramLabel = "VAR",
                description = "Environment variable holding the deliveries' Authorization header value (e.g. 'Bearer ...').")
        String authorizationEnv;

        @Option(names = "--no-ssl-verification", description = "Do not check the receiver's certificate (test receivers only).")
        boolean noSslVerification;

        @Option(names = "--job-id", paramLabel = "ID", description = "A job to run instead of posting to a URL.")
        String jobId;

        @Option(names = "--job-token-env", paramLabel = "VAR", description = "Environment variable holding a token allowed to run --job-id.")
        String jobTokenEnv;

        @Option(names = "--workspace-url", paramLabel = "URL", description = "The workspace of --job-id, when it is not this one.")
        String workspaceUrl;

        boolean httpOptions() {
            return secretEnv != null || authorizationEnv != null || noSslVerification;
        }

        /** The HTTP target, or null when no --url. */
        HttpUrlSpec http(CliContext ctx) {
            if (url == null) {
                if (httpOptions()) {
                    throw new IllegalArgumentException("--secret-env, --authorization-env and --no-ssl-verification need --url");
                }
                return null;
            }
            if (jobId != null) {
                throw new IllegalArgumentException("give --url or --job-id, not both");
            }
            HttpUrlSpec s = HttpUrlSpec.of(url);
            if (secretEnv != null) {
                s = s.withSecret(secretFrom(ctx, secretEnv, "webhook secret"));
            }
            if (authorizationEnv != null) {
                s = s.withAuthorization(secretFrom(ctx, authorizationEnv, "Authorization value"));
            }
            return noSslVerification ? s.withSslVerification(false) : s;
        }

        /** The job target, or null when no --job-id. */
        WebhookJobSpec job(CliContext ctx) {
            if (jobId == null) {
                if (jobTokenEnv != null || workspaceUrl != null) {
                    throw new IllegalArgumentException("--job-token-env and --workspace-url need --job-id");
                }
                return null;
            }
            if (jobTokenEnv == null) {
                throw new IllegalArgumentException("--job-id needs --job-token-env VAR (a token allowed to run the job)");
            }
            WebhookJobSpec j = WebhookJobSpec.of(jobId, secretFrom(ctx, jobTokenEnv, "job token"));
            return workspaceUrl == null ? j : j.inWorkspace(workspaceUrl);
        }
    }

    /** {@code webhooks create}. */
    @Command(name = "create", description = "Create a webhook for a model (or registry-wide without --model).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        WebhooksCommand parent;

        @Option(names = "--model", paramLabel = "NAME", description = "The registered model (default: registry-wide).")
        String model;

        @Option(names = "--event", required = true, paramLabel = "EVENT", split = ",",
                description = "An event that triggers it (repeat, or separate with commas).")
        List<String> events;

        @Option(names = "--description", paramLabel = "TEXT", description = "A description.")
        String description;

        @Option(names = "--status", paramLabel = "STATUS", description = "TEST_MODE, ACTIVE or DISABLED (default: the service's, ACTIVE).")
        String status;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            CliContext ctx = parent.parent.context();
            CreateRegistryWebhook.Builder b = CreateRegistryWebhook.builder().events(events(events)).description(description);
            if (model != null) {
                b.modelName(model);
            }
            if (status != null) {
                b.status(status(status));
            }
            Target t = target;
            HttpUrlSpec http = t.http(ctx);
            WebhookJobSpec job = t.job(ctx);
            if (http == null && job == null) {
                throw new IllegalArgumentException("a webhook needs --url URL or --job-id ID");
            }
            if (http != null) {
                b.httpUrl(http);
            } else {
                b.job(job);
            }
            print(ctx, parent.hooks().create(b.build()));
            return ExitCodes.OK;
        }
    }

    /** {@code webhooks list}. */
    @Command(name = "list", description = "Every webhook, or a model's.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        WebhooksCommand parent;

        @Option(names = "--model", paramLabel = "NAME", description = "Only this model's webhooks.")
        String model;

        @Option(names = "--event", paramLabel = "EVENT", split = ",", description = "Only webhooks with one of these events.")
        List<String> events;

        @Override
        public Integer call() {
            CliContext ctx = parent.parent.context();
            ListRegistryWebhooks q = model == null ? ListRegistryWebhooks.all() : ListRegistryWebhooks.forModel(model);
            List<RegistryWebhookEvent> filter = events(events);
            if (!filter.isEmpty()) {
                q = q.events(filter.toArray(RegistryWebhookEvent[]::new));
            }
            if (ctx.json()) {
                List<Map<String, Object>> out = new ArrayList<>();
                parent.hooks().list(q).forEach(h -> out.add(summary(h)));
                ctx.printJson(out);
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(List.of("ID", "STATUS", "MODEL", "TARGET", "EVENTS"));
            int[] n = {0};
            parent.hooks().list(q).forEach(h -> {
                n[0]++;
                table.add(List.of(h.id(), String.valueOf(h.status()), h.registryWide() ? "(registry-wide)" : h.modelName(), target(h),
                        String.join(",", h.events().stream().map(Enum::name).toList())));
            });
            if (n[0] == 0) {
                ctx.out().println("no webhooks");
            } else {
                table.print(ctx.out());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code webhooks update}. */
    @Command(name = "update", description = "Change a webhook: status (TEST_MODE -> ACTIVE -> DISABLED), events, description, target.")
    static final class Update implements Callable<Integer> {
        @ParentCommand
        WebhooksCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The webhook.")
        String id;

        @Option(names = "--status", paramLabel = "STATUS", description = "TEST_MODE, ACTIVE or DISABLED.")
        String status;

        @Option(names = "--event", paramLabel = "EVENT", split = ",", description = "The new events (replace the old ones).")
        List<String> events;

        @Option(names = "--description", paramLabel = "TEXT", description = "The new description.")
        String description;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            CliContext ctx = parent.parent.context();
            UpdateRegistryWebhook u = UpdateRegistryWebhook.of(id);
            if (status != null) {
                u = u.status(status(status));
            }
            List<RegistryWebhookEvent> ev = events(events);
            if (!ev.isEmpty()) {
                u = u.events(ev.toArray(RegistryWebhookEvent[]::new));
            }
            if (description != null) {
                u = u.description(description);
            }
            Target t = target;
            HttpUrlSpec http = t.http(ctx);
            WebhookJobSpec job = t.job(ctx);
            if (http != null) {
                u = u.httpUrl(http);
            } else if (job != null) {
                u = u.job(job);
            }
            if (u.isEmpty()) {
                throw new IllegalArgumentException("nothing to change: give --status, --event, --description, --url or --job-id");
            }
            print(ctx, parent.hooks().update(u));
            return ExitCodes.OK;
        }
    }

    /** {@code webhooks test}. */
    @Command(name = "test", description = "Send a test delivery; show the receiver's status and answer (exit 1 unless it is 2xx).")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        WebhooksCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The webhook.")
        String id;

        @Option(names = "--event", paramLabel = "EVENT", description = "The event to send (default: one of the webhook's, picked by the service).")
        String event;

        @Override
        public Integer call() {
            CliContext ctx = parent.parent.context();
            WebhookTestResult r = parent.hooks().test(id, event == null ? null : event(event));
            if (ctx.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("status_code", r.statusCode());
                m.put("body", r.body());
                m.put("succeeded", r.succeeded());
                ctx.printJson(m);
            } else {
                ctx.out().println("receiver answered " + (r.statusCode() == null ? "nothing" : "HTTP " + r.statusCode()));
                if (r.body() != null && !r.body().isEmpty()) {
                    ctx.out().println(r.body());
                }
            }
            return r.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** {@code webhooks delete}. */
    @Command(name = "delete", description = "Delete a webhook.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        WebhooksCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The webhook.")
        String id;

        @Override
        public Integer call() {
            CliContext ctx = parent.parent.context();
            parent.hooks().delete(id);
            if (ctx.json()) {
                ctx.printJson(Map.of("id", id, "deleted", true));
            } else {
                ctx.out().println(id + ": deleted");
            }
            return ExitCodes.OK;
        }
    }
}
