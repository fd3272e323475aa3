package io.dataops4j.databricks.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives our SCIM client through the intents the official Python client (databricks-sdk 0.162.0) was recorded doing
 * (fixtures/recorded/scim.json, see SCIM-GRAPH.md), and checks every request matches the recorded one exactly: method,
 * path, query (strict), Authorization and JSON body by value; every recorded exchange is used.
 */
class ScimRecordedTest {
    private static final String APP = "6f1a4f0e-0000-4000-8000-000000000001";

    @TempDir
    Path home;

    private interface Scenario {
        void run(DatabricksClient dbx);
    }

    private void replay(String prefix, Scenario scenario) throws Exception {
        FixtureDispatcher all = FixtureDispatcher.fromClasspath("fixtures/recorded/scim.json");
        // only the intents of this scenario, so that assertAllUsed checks exactly them
        String text = new String(getClass().getClassLoader().getResourceAsStream("fixtures/recorded/scim.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<Object> fixtures = (List<Object>) io.dataops4j.core.json.Json.shared().parseValue(text);
        List<Object> mine = fixtures.stream().filter(f -> String.valueOf(((java.util.Map<?, ?>) f).get("name")).startsWith(prefix))
                .toList();
        assertFalse(mine.isEmpty(), "no recorded intents " + prefix + " among " + all.fixtureNames());
        FixtureDispatcher dispatcher = FixtureDispatcher.builder().json(prefix, io.dataops4j.core.json.Json.shared().toJson(mine)).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(dispatcher);
            server.start();
            scenario.run(TestSupport.client(server, home, TestSupport.clock()));
            dispatcher.assertAllMatched();
            dispatcher.assertAllUsed();
        }
    }

    @Test
    void usersMatchThePythonClient() throws Exception {
        replay("scim-users-", dbx -> {
            Users users = dbx.scim().users();
            User created = users.create(User.builder("ada@example.com").displayName("Ada Lovelace")
                    .email(ComplexValue.primaryEmail("ada@example.com")).entitlement("workspace-access").active(true).build());
            assertEquals("1004", created.id());
            assertEquals("ada@example.com", created.userName());

            User u = users.get("1001");
            assertEquals("user1001@example.com", u.userName());
            assertEquals(List.of("user1001@example.com"), u.emailAddresses());
            assertEquals("Groups/3001", u.groups().get(0).ref());
            assertEquals("User", u.name().givenName());

            // three pages (2, 1, then an empty one that ends the listing, as the official client pages)
            List<String> ids = users.list(ScimQuery.filter(ScimFilter.sw("userName", "user"))
                    .attributes("id", "userName", "emails").sortBy("userName", false).count(2)).stream().map(User::id).toList();
            assertEquals(List.of("1001", "1002", "1003"), ids);

            users.replace("1001", User.builder("user1001@example.com").displayName("User One").active(true)
                    .entitlement("workspace-access").entitlement("allow-cluster-create").build());
            users.patch("1001", PatchOp.builder().replace("active", true).addEntitlement("allow-cluster-create").build());
            users.delete("1001");

            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> users.get("9999"));
            assertEquals("SCIM_404", e.errorCode());
            assertTrue(e.getMessage().contains("User not found."), e.getMessage());
        });
    }

    @Test
    void groupsMatchThePythonClient() throws Exception {
        replay("scim-groups-", dbx -> {
            Groups groups = dbx.scim().groups();
            Group created = groups.create(Group.builder("data-eng").member("1001").member("2001")
                    .entitlement("databricks-sql-access").build());
            assertEquals("3004", created.id());

            Group g = groups.get("3001");
            assertEquals(List.of("1001", "2001"), g.memberIds());
            assertEquals("ServicePrincipals/2001", g.members().get(1).ref());
            assertEquals("WorkspaceGroup", g.meta().resourceType());

            List<String> ids = groups.list(ScimQuery.filter(ScimFilter.eq("displayName", "data-eng")).attributes("id", "displayName"))
                    .stream().map(Group::id).toList();
            assertEquals(List.of("3001"), ids);

            groups.patch("3001", PatchOp.builder().addMembers(List.of("1002", "2002")).removeMember("1001")
                    .addEntitlement("allow-cluster-create").removeEntitlement("databricks-sql-access")
                    .addRole("arn:aws:iam::123456789012:instance-profile/etl").build());
            groups.replace("3001", Group.builder("data-eng").member("1001").entitlement("databricks-sql-access").build());
            groups.delete("3001");
        });
    }

    @Test
    void servicePrincipalsMatchThePythonClient() throws Exception {
        replay("scim-sps-", dbx -> {
            ServicePrincipals sps = dbx.scim().servicePrincipals();
            ServicePrincipal created = sps.create(ServicePrincipal.builder(APP).displayName("etl-sp").active(true)
                    .entitlement("workspace-access").build());
            assertEquals("2004", created.id());
            assertEquals(APP, sps.get("2001").applicationId());
            List<String> ids = sps.list(ScimQuery.filter(ScimFilter.eq("applicationId", APP)).count(100)).stream()
                    .map(ServicePrincipal::id).toList();
            assertEquals(List.of("2001"), ids);
            sps.replace("2001", ServicePrincipal.builder(APP).displayName("etl-sp").active(false).build());
            sps.patch("2001", PatchOp.builder().replace("active", true).build());
            sps.delete("2001");
        });
    }

    @Test
    void accountLevelPathsMatchThePythonClient() throws Exception {
        replay("scim-account-", dbx -> {
            Scim account = dbx.accountScim("acc-0001");
            assertEquals("acc-0001", account.accountId());
            assertEquals("api/2.0/accounts/acc-0001/scim/v2/", account.basePath());
            assertEquals(List.of("1001"), account.users().list(ScimQuery.filter(ScimFilter.eq("userName", "user1001@example.com"))
                    .count(100)).stream().map(User::id).toList());
            assertEquals("data-eng", account.groups().get("3001").displayName());
            account.groups().addMembers("3001", List.of("1002"));
            assertEquals("2004", account.servicePrincipals().create(ServicePrincipal.builder(APP).displayName("etl-sp")
                    .active(true).build()).id());
            account.users().delete("1001");
        });
    }

    @Test
    void workspaceScimIsUnderPreview() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            assertEquals("api/2.0/preview/scim/v2/", dbx.scim().basePath());
            assertNull(dbx.scim().accountId());
            assertThrows(IllegalArgumentException.class, () -> dbx.accountScim("a/b"));
        }
    }
}
