package io.dataops4j.cli.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code databricks scim users list} and {@code databricks scim sync-group --dry-run} against a mock workspace and Graph. */
class ScimCommandTest {
    private static final String TOKEN = "dapi-cli-scim-0001";
    private static final String GRAPH_TOKEN = "eyJ-cli-graph-token";
    private static final String SCIM = "/api/2.0/preview/scim/v2/";

    @TempDir
    Path home;

    private MockWebServer server;
    private FixtureDispatcher fixtures;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        String base = server.url("/").toString();
        // shapes as recorded from databricks-sdk and msgraph-sdk (sdk-databricks fixtures/recorded/scim.json, graph.json)
        fixtures = FixtureDispatcher.builder().json("inline", ("""
                [{"name": "users page 1", "when": {"method": "GET", "path": "%SCIM%Users", "query": {"startIndex": "1"},
                    "headers": {"Authorization": "Bearer dapi-cli-scim-0001"}},
                  "then": {"body": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 2,
                    "startIndex": 1, "itemsPerPage": 2, "Resources": [
                      {"id": "1001", "userName": "ada@contoso.com", "displayName": "Ada Lovelace", "active": true,
                       "emails": [{"value": "ada@contoso.com", "primary": true, "type": "work"}]},
                      {"id": "1002", "userName": "old@contoso.com", "displayName": "Old Timer", "active": true,
                       "emails": [{"value": "old@contoso.com", "primary": true, "type": "work"}]}]}}},
                 {"name": "users end", "when": {"method": "GET", "path": "%SCIM%Users", "query": {"startIndex": "3"}},
                  "then": {"body": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 2,
                    "startIndex": 3, "itemsPerPage": 0}}},
                 {"name": "sps", "when": {"method": "GET", "path": "%SCIM%ServicePrincipals", "query": {"startIndex": "1"}},
                  "then": {"body": {"totalResults": 0, "startIndex": 1, "itemsPerPage": 0}}},
                 {"name": "group by name", "when": {"method": "GET", "path": "%SCIM%Groups",
                    "query": {"filter": "displayName eq \\"data-eng\\"", "startIndex": "1"}},
                  "then": {"body": {"totalResults": 1, "startIndex": 1, "itemsPerPage": 1,
                    "Resources": [{"id": "3001", "displayName": "data-eng"}]}}},
                 {"name": "group by name end", "when": {"method": "GET", "path": "%SCIM%Groups",
                    "query": {"filter": "displayName eq \\"data-eng\\"", "startIndex": "2"}},
                  "then": {"body": {"totalResults": 1, "startIndex": 2, "itemsPerPage": 0}}},
                 {"name": "group", "when": {"method": "GET", "path": "%SCIM%Groups/3001"},
                  "then": {"body": {"id": "3001", "displayName": "data-eng",
                    "members": [{"value": "1002", "display": "Old Timer", "$ref": "Users/1002"}],
                    "meta": {"resourceType": "WorkspaceGroup"}, "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}}},
                 {"name": "graph", "when": {"method": "GET", "path": "/v1.0/groups/e-root/transitiveMembers",
                    "query": {"$select": "id,displayName,userPrincipalName,mail,appId"},
                    "headers": {"Authorization": "Bearer eyJ-cli-graph-token"}},
                  "then": {"body": {"value": [
                    {"@odata.type": "#microsoft.graph.user", "id": "e-1", "displayName": "Ada Lovelace",
                     "userPrincipalName": "ADA@contoso.com", "mail": "ada@contoso.com"},
                    {"@odata.type": "#microsoft.graph.group", "id": "e-nested", "displayName": "nested"},
                    {"@odata.type": "#microsoft.graph.user", "id": "e-2", "displayName": "Grace Hopper",
                     "userPrincipalName": "grace@contoso.com", "mail": "grace@contoso.com"}]}}}]
                """).replace("%SCIM%", SCIM)).build();
        server.setDispatcher(fixtures);
        assertTrue(base.endsWith("/"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private CliHarness cli() {
        return CliHarness.in(home).env(Map.of("DATABRICKS_HOST", server.url("/").toString(), "DATABRICKS_TOKEN", TOKEN,
                "GRAPH_TOKEN", GRAPH_TOKEN));
    }

    @Test
    void listsUsers() {
        CliHarness.Result r = cli().run("databricks", "scim", "users", "list");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("ada@contoso.com"), r.out());
        assertTrue(r.out().contains("Old Timer"), r.out());
        assertTrue(r.out().contains("USER NAME"), r.out());

        CliHarness.Result json = cli().run("--json", "databricks", "scim", "users", "list", "--limit", "1");
        assertEquals(ExitCodes.OK, json.code(), json.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) io.dataops4j.core.json.Json.shared().parseValue(json.out());
        assertEquals(1, rows.size());
        assertEquals("1001", rows.get(0).get("id"));
        fixtures.assertAllMatched();
    }

    @Test
    void syncGroupDryRunPrintsThePlanAndWritesNothing() {
        CliHarness.Result r = cli().run("databricks", "scim", "sync-group", "--entra-group", "e-root", "--group", "data-eng",
                "--graph-token-env", "GRAPH_TOKEN", "--graph-url", server.url("/").toString(), "--dry-run");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("+ add user ADA@contoso.com"), r.out());
        assertTrue(r.out().contains("- remove user old@contoso.com"), r.out());
        assertTrue(r.out().contains("? unmatched user grace@contoso.com"), r.out());
        assertTrue(r.out().contains("1 nested Entra groups flattened"), r.out());
        assertTrue(r.out().contains("Dry run: nothing changed."), r.out());
        fixtures.assertAllMatched();
        for (RecordedRequest q : fixtures.requests()) {
            assertEquals("GET", q.getMethod(), "a dry run only reads");
        }

        CliHarness.Result json = cli().run("--json", "databricks", "scim", "sync-group", "--entra-group", "e-root",
                "--group", "data-eng", "--graph-token-env", "GRAPH_TOKEN", "--graph-url", server.url("/").toString(),
                "--dry-run", "--create-missing-users");
        assertEquals(ExitCodes.OK, json.code(), json.err());
        Map<String, Object> plan = json.json();
        assertEquals("3001", plan.get("group_id"));
        assertEquals(Boolean.TRUE, plan.get("dry_run"));
        assertEquals(1, ((List<?>) plan.get("to_create")).size());
        assertFalse(json.out().contains(GRAPH_TOKEN));
    }

    @Test
    void aMissingGraphTokenVariableIsAUsageError() {
        CliHarness.Result r = cli().run("databricks", "scim", "sync-group", "--entra-group", "e-root", "--group", "data-eng",
                "--graph-token-env", "NOT_SET", "--dry-run");
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("NOT_SET"), r.err());
    }

    /** {@code scim --account-id ID} and {@code scim --account} (id from DATABRICKS_ACCOUNT_ID) list the account's users. */
    @Test
    void listsAccountUsers() throws Exception {
        String path = "/api/2.0/accounts/acc-0001/scim/v2/Users";
        FixtureDispatcher account = FixtureDispatcher.builder().json("inline", ("""
                [{"name": "account users", "when": {"method": "GET", "path": "%P%", "query": {"startIndex": "1"},
                    "headers": {"Authorization": "Bearer dapi-cli-scim-0001"}},
                  "then": {"body": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1,
                    "startIndex": 1, "itemsPerPage": 1, "Resources": [
                      {"id": "7001", "userName": "ada@example.com", "displayName": "Ada Lovelace", "active": true}]}}},
                 {"name": "account users end", "when": {"method": "GET", "path": "%P%", "query": {"startIndex": "2"}},
                  "then": {"body": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1,
                    "startIndex": 2, "itemsPerPage": 0}}}]
                """).replace("%P%", path)).build();
        server.setDispatcher(account);
        CliHarness.Result r = cli().run("databricks", "scim", "--account-id", "acc-0001", "users", "list");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("ada@example.com"), r.out());

        CliHarness.Result env = cli().env("DATABRICKS_ACCOUNT_ID", "acc-0001").run("databricks", "scim", "--account", "users", "list");
        assertEquals(ExitCodes.OK, env.code(), env.err());
        assertTrue(env.out().contains("ada@example.com"), env.out());
        account.assertAllMatched();
        for (RecordedRequest q : account.requests()) {
            assertEquals(path, q.getUrl().encodedPath());
        }

        CliHarness.Result missing = cli().run("databricks", "scim", "--account", "users", "list");
        assertFalse(missing.code() == ExitCodes.OK, missing.out());
        assertTrue(missing.err().contains("account id is not set"), missing.err());
        assertTrue(missing.err().contains("DATABRICKS_ACCOUNT_ID"), missing.err());
    }
}
