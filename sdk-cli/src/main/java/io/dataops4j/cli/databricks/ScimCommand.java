package io.dataops4j.cli.databricks;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.databricks.entra.GraphClient;
import io.dataops4j.databricks.entra.GroupSync;
import io.dataops4j.databricks.entra.SyncMember;
import io.dataops4j.databricks.entra.SyncPlan;
import io.dataops4j.databricks.entra.SyncResult;
import io.dataops4j.databricks.scim.Group;
import io.dataops4j.databricks.scim.Scim;
import io.dataops4j.databricks.scim.ScimFilter;
import io.dataops4j.databricks.scim.ScimQuery;
import io.dataops4j.databricks.scim.ServicePrincipal;
import io.dataops4j.databricks.scim.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dataops4j databricks scim}: users, groups and service principals (list, get), and {@code sync-group}, which
 * syncs an Entra ID group (nested groups flattened) into a workspace group.
 *
 * <pre>{@code
 * $ dataops4j databricks scim users list --filter 'userName sw "ada"'
 * $ dataops4j databricks --profile acct scim --account users list          # account-level, account_id from the profile
 * $ dataops4j databricks scim sync-group --entra-group 0b7c3f55-... --group data-eng --create-missing-users --dry-run
 * }</pre>
 */
@Command(name = "scim", description = "Users, groups and service principals (SCIM), and Entra ID group sync.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ScimCommand.UsersCommand.class, ScimCommand.GroupsCommand.class,
                ScimCommand.ServicePrincipalsCommand.class, ScimCommand.SyncGroup.class})
public final class ScimCommand {
    @ParentCommand
    DatabricksCommand parent;

    @Option(names = "--account", description = "Account-level SCIM (/api/2.0/accounts/{account_id}/scim/v2) on the accounts "
            + "console; the account id comes from --account-id, DATABRICKS_ACCOUNT_ID or account_id in the profile.")
    boolean account;

    @Option(names = "--account-id", paramLabel = "ID", description = "Account-level SCIM for this account id (implies --account).")
    String accountId;

    /** The SCIM endpoints the options name: the workspace's, or the account's with {@code --account}/{@code --account-id}. */
    Scim endpoints() {
        if (accountId != null && !accountId.isBlank()) {
            return parent.client().accountScim(accountId.strip());
        }
        return account ? parent.client().accountScim() : parent.client().scim();
    }

    /** A resource command ({@code users}, {@code groups}, {@code service-principals}) that list and get run under. */
    abstract static class Resource {
        @ParentCommand
        ScimCommand scim;
        private final String kind;

        Resource(String kind) {
            this.kind = kind;
        }

        ScimCommand scim() {
            return scim;
        }

        String kind() {
            return kind;
        }
    }

    /** {@code scim users}. */
    @Command(name = "users", description = "Workspace users.", synopsisSubcommandLabel = "COMMAND",
            subcommands = {ListCommand.class, GetCommand.class})
    static final class UsersCommand extends Resource {
        UsersCommand() {
            super("users");
        }
    }

    /** {@code scim groups}. */
    @Command(name = "groups", description = "Workspace groups.", synopsisSubcommandLabel = "COMMAND",
            subcommands = {ListCommand.class, GetCommand.class})
    static final class GroupsCommand extends Resource {
        GroupsCommand() {
            super("groups");
        }
    }

    /** {@code scim service-principals}. */
    @Command(name = "service-principals", description = "Workspace service principals.", synopsisSubcommandLabel = "COMMAND",
            subcommands = {ListCommand.class, GetCommand.class})
    static final class ServicePrincipalsCommand extends Resource {
        ServicePrincipalsCommand() {
            super("service-principals");
        }
    }

    static Map<String, Object> summary(Object resource) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (resource instanceof User u) {
            m.put("id", u.id());
            m.put("userName", u.userName());
            m.put("displayName", u.displayName());
            m.put("active", u.active());
        } else if (resource instanceof Group g) {
            m.put("id", g.id());
            m.put("displayName", g.displayName());
            if (g.members() != null) {
                m.put("members", g.members().size());
            }
        } else if (resource instanceof ServicePrincipal s) {
            m.put("id", s.id());
            m.put("applicationId", s.applicationId());
            m.put("displayName", s.displayName());
            m.put("active", s.active());
        }
        return m;
    }

    /** {@code scim <resource> list}. */
    @Command(name = "list", description = "List them (lazily; --filter, --attributes, --limit).")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        Resource resource;

        @Option(names = "--filter", paramLabel = "EXPR", description = "A SCIM filter, e.g. 'userName eq \"ada@example.com\"' (eq, ne, co, sw, and, or).")
        String filter;

        @Option(names = "--attributes", paramLabel = "A,B", split = ",", description = "Only these attributes.")
        List<String> attributes;

        @Option(names = "--page-size", paramLabel = "N", description = "Resources per request (default: 10000).")
        Integer pageSize;

        @Option(names = "--limit", paramLabel = "N", description = "At most N resources.")
        Long limit;

        @Override
        public Integer call() {
            CliContext ctx = resource.scim().parent.context();
            Scim scim = resource.scim().endpoints();
            ScimQuery q = ScimQuery.all();
            if (filter != null) {
                q = q.withFilter(ScimFilter.raw(filter));
            }
            if (attributes != null && !attributes.isEmpty()) {
                q = q.attributes(attributes.toArray(String[]::new));
            }
            if (pageSize != null) {
                q = q.count(pageSize);
            }
            Stream<?> items = switch (resource.kind()) {
                case "users" -> scim.users().list(q).stream();
                case "groups" -> scim.groups().list(q).stream();
                default -> scim.servicePrincipals().list(q).stream();
            };
            if (limit != null) {
                items = items.limit(limit);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            items.forEach(i -> rows.add(summary(i)));
            if (ctx.json()) {
                ctx.printJson(rows);
            } else if (rows.isEmpty()) {
                ctx.out().println("no " + resource.kind().replace('-', ' '));
            } else {
                List<String> columns = new ArrayList<>(rows.get(0).keySet());
                TextTable t = new TextTable(columns.stream().map(c -> c.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase()).toList());
                rows.forEach(r -> t.add(columns.stream().map(c -> String.valueOf(r.get(c))).toList()));
                t.print(ctx.out());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code scim <resource> get}. */
    @Command(name = "get", description = "One of them by id, every attribute.")
    static final class GetCommand implements Callable<Integer> {
        @ParentCommand
        Resource resource;

        @Parameters(index = "0", paramLabel = "ID", description = "Its id.")
        String id;

        @Override
        public Integer call() {
            CliContext ctx = resource.scim().parent.context();
            Scim scim = resource.scim().endpoints();
            Object found = switch (resource.kind()) {
                case "users" -> scim.users().get(id);
                case "groups" -> scim.groups().get(id);
                default -> scim.servicePrincipals().get(id);
            };
            ctx.printJson(found);
            return ExitCodes.OK;
        }
    }

    /** {@code scim sync-group}. */
    @Command(name = "sync-group", description = {"Sync an Entra ID group (nested groups flattened) into a workspace group: "
            + "plan, print, then apply (--dry-run stops after the plan).",
            "Graph credential: DefaultAzureCredential (environment, managed identity, az login) with scope "
                    + "https://graph.microsoft.com/.default, or a token from --graph-token-env; needs GroupMember.Read.All."})
    static final class SyncGroup implements Callable<Integer> {
        @ParentCommand
        ScimCommand scim;

        @Option(names = "--entra-group", required = true, paramLabel = "ID", description = "The Entra ID group's object id.")
        String entraGroup;

        @Option(names = "--group", required = true, paramLabel = "NAME", description = "The Databricks group's display name (created when missing).")
        String group;

        @Option(names = {"--create-missing-users", "--create-missing"},
                description = "Create users and service principals missing from the workspace (default: report them as unmatched).")
        boolean createMissing;

        @Option(names = "--dry-run", description = "Print the plan and change nothing.")
        boolean dryRun;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100", description = "Members per PATCH request (1-1000, default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--graph-token-env", paramLabel = "VAR", description = "Read a Microsoft Graph access token from this environment variable instead of DefaultAzureCredential.")
        String graphTokenEnv;

        @Option(names = "--graph-url", paramLabel = "URL", defaultValue = GraphClient.DEFAULT_BASE_URL,
                description = "Microsoft Graph's endpoint (default: ${DEFAULT-VALUE}).")
        String graphUrl;

        @Override
        public Integer call() {
            CliContext ctx = scim.parent.context();
            GraphClient graph = GraphClient.builder().credential(graphCredential(ctx)).baseUrl(graphUrl).build();
            GroupSync sync = GroupSync.builder().entraGroup(graph, entraGroup)
                    .databricksGroup(scim.parent.client().scim(), group)
                    .createMissing(createMissing).batchSize(batchSize).build();
            SyncPlan plan;
            try (Progress progress = Progress.forContext(ctx)) {
                plan = sync.plan(progress::progress);
            }
            SyncResult result = null;
            if (!dryRun && plan.hasChanges()) {
                try (Progress progress = Progress.forContext(ctx)) {
                    result = plan.apply(progress::progress);
                }
            }
            if (ctx.json()) {
                ctx.printJson(report(plan, result));
            } else {
                ctx.out().print(plan.render());
                if (dryRun) {
                    ctx.out().println("Dry run: nothing changed.");
                } else if (result == null) {
                    ctx.out().println("Nothing to change.");
                } else {
                    ctx.out().println("Applied: " + result.summary());
                }
            }
            return ExitCodes.OK;
        }

        private Credential graphCredential(CliContext ctx) {
            if (graphTokenEnv != null) {
                String token = ctx.environment().get(graphTokenEnv);
                if (token == null || token.isBlank()) {
                    throw new ConfigurationException("--graph-token-env " + graphTokenEnv + ": the variable is not set");
                }
                return Credential.bearer(Secret.of(token.strip()));
            }
            return EntraIdCredential.defaultAzure(Scopes.GRAPH);
        }

        private Map<String, Object> report(SyncPlan plan, SyncResult result) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entra_group", plan.entraGroupId());
            m.put("group", plan.groupName());
            m.put("group_id", result != null ? result.groupId() : plan.groupId());
            m.put("group_to_create", plan.groupToCreate());
            m.put("to_add", members(plan.toAdd()));
            m.put("to_remove", members(plan.toRemove()));
            m.put("to_create", members(plan.toCreate()));
            m.put("unmatched", members(plan.unmatched()));
            m.put("already_members", plan.alreadyMembers());
            m.put("nested_groups", plan.nestedGroups());
            m.put("dry_run", dryRun);
            if (result != null) {
                m.put("result", Map.of("added", result.added(), "removed", result.removed(), "created", result.created().size(),
                        "group_created", result.groupCreated(), "requests", result.requests()));
            }
            return m;
        }

        private static List<Map<String, Object>> members(List<SyncMember> list) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (SyncMember s : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", s.kind().name());
                m.put("key", s.key());
                m.put("id", s.databricksId());
                m.put("display_name", s.displayName());
                m.put("entra_id", s.entraId());
                out.add(m);
            }
            return out;
        }
    }
}
