package io.dataops4j.databricks.entra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSyncTest {
    @TempDir
    Path home;

    private static String appId(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    /**
     * 5,000 identities under an Entra group nested two levels deep (root -> A -> B): 4,800 users and 200 service
     * principals, listed flat by transitiveMembers with the two group objects and a device among them.
     */
    private static SyncFake bigTenant() {
        SyncFake f = new SyncFake();
        for (int i = 0; i < 4800; i++) {
            if (i == 2000) {
                f.entraGroup("e-group-A");
            }
            if (i == 3500) {
                f.entraGroup("e-group-B");
            }
            String upn = i % 10 == 0 ? "USER" + i + "@CONTOSO.COM" : "user" + i + "@contoso.com";
            if (i == 4799) {
                f.entraUser("e-u" + i, "user4799_fabrikam.com#EXT#@contoso.onmicrosoft.com", "guest4799@fabrikam.com");
            } else {
                f.entraUser("e-u" + i, upn, "user" + i + "@contoso.com");
            }
            if (i == 77) {
                f.entraUser("e-u77", upn, "user77@contoso.com");    // listed twice: counted once
            }
        }
        for (int i = 0; i < 200; i++) {
            f.entraSp("e-s" + i, appId(i));
        }
        f.entraMembers.add(Map.of("@odata.type", "#microsoft.graph.device", "id", "e-device-1", "displayName", "laptop"));
        // the workspace: users 0-4499 (100-199 under an old user name, matched by email), 10 users not in Entra,
        // service principals 0-149 (application ids in upper case for half of them)
        for (int i = 0; i < 4500; i++) {
            if (i >= 100 && i < 200) {
                f.user(Integer.toString(10_000 + i), "legacy" + i + "@old.example.com", "user" + i + "@contoso.com");
            } else {
                f.user(Integer.toString(10_000 + i), "user" + i + "@contoso.com", "user" + i + "@contoso.com");
            }
        }
        for (int i = 0; i < 10; i++) {
            f.user(Integer.toString(20_000 + i), "stale" + i + "@contoso.com", "stale" + i + "@contoso.com");
        }
        for (int i = 0; i < 150; i++) {
            f.sps.put(Integer.toString(30_000 + i), i % 2 == 0 ? appId(i).toUpperCase() : appId(i));
        }
        // the Databricks group: 1,000 users and 50 service principals already, 10 stale users, a nested group
        f.groupNames.put("3001", "data-eng");
        f.groupNames.put("3002", "data-eng-contractors");
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            members.put(Integer.toString(10_000 + i), "Users/" + (10_000 + i));
        }
        for (int i = 0; i < 10; i++) {
            members.put(Integer.toString(20_000 + i), "Users/" + (20_000 + i));
        }
        for (int i = 0; i < 50; i++) {
            members.put(Integer.toString(30_000 + i), "ServicePrincipals/" + (30_000 + i));
        }
        members.put("3002", "Groups/3002");
        f.groupMembers.put("3001", members);
        f.groupMembers.put("3002", new LinkedHashMap<>());
        return f;
    }

    private GroupSync sync(MockWebServer server, TestSupport.FakeClock clock, boolean createMissing, String group) {
        DatabricksClient dbx = TestSupport.client(server, home, clock);
        GraphClient graph = GraphClient.builder().baseUrl(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("eyJ-graph-test-token"))).sleeper(clock.sleeper()).build();
        return GroupSync.builder().entraGroup(graph, SyncFake.ENTRA_GROUP).databricksGroup(dbx.scim(), group)
                .createMissing(createMissing).batchSize(100).build();
    }

    @Test
    void syncsAFiveThousandMemberNestedGroupThenChangesNothing() throws Exception {
        SyncFake fake = bigTenant();
        fake.throttlePage = 3;   // Graph throttles in the middle of the listing
        TestSupport.FakeClock clock = TestSupport.clock();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fake);
            server.start();
            GroupSync sync = sync(server, clock, true, "data-eng");

            List<String> progress = new CopyOnWriteArrayList<>();
            SyncPlan plan = sync.plan((done, total, what) -> progress.add(what));
            assertEquals("3001", plan.groupId());
            assertFalse(plan.groupToCreate());
            assertEquals(1050, plan.alreadyMembers());
            assertEquals(3600, plan.toAdd().size());
            assertEquals(350, plan.toCreate().size());
            assertEquals(300, plan.toCreate().stream().filter(m -> m.kind() == SyncMember.Kind.USER).count());
            assertTrue(plan.toCreate().stream().anyMatch(m -> m.key().equals("guest4799@fabrikam.com")),
                    "a guest is created under its mail, not its #EXT# UPN");
            assertEquals(10, plan.toRemove().size());
            assertTrue(plan.toRemove().stream().allMatch(m -> m.key().startsWith("stale")));
            assertEquals(1, plan.keptMembers(), "the nested Databricks group stays");
            assertEquals(2, plan.nestedGroups());
            assertEquals(1, plan.otherObjects());
            assertTrue(plan.unmatched().isEmpty());
            assertTrue(plan.hasChanges());
            assertTrue(plan.render().contains("  - remove user stale0@contoso.com"), plan.render().substring(0, 300));
            assertTrue(progress.contains("reading Entra group members"));
            assertEquals(List.of(), fake.writes(), "planning writes nothing");
            // the throttled page was waited for as Graph asked, then fetched again
            assertEquals(List.of(Duration.ofSeconds(7)), clock.sleeps);
            long graphCalls = fake.log.stream().filter(l -> l.contains("/transitiveMembers")).count();
            assertEquals(12, graphCalls, "11 pages of 500 and the retried one");

            List<long[]> steps = new CopyOnWriteArrayList<>();
            SyncResult result = plan.apply((done, total, what) -> steps.add(new long[] {done, total}));
            assertEquals("3001", result.groupId());
            assertEquals(3950, result.added());
            assertEquals(10, result.removed());
            assertEquals(350, result.created().size());
            assertTrue(result.created().stream().allMatch(m -> m.databricksId() != null));
            assertEquals(350 + 40 + 1, result.requests());
            long[] last = steps.get(steps.size() - 1);
            assertEquals(last[1], last[0], "progress reaches its total");

            // PATCH batches are bounded
            for (Map<String, Object> p : fake.patches) {
                List<?> ops = (List<?>) p.get("Operations");
                assertTrue(ops.size() <= 100);
                for (Object o : ops) {
                    Object value = ((Map<?, ?>) o).get("value");
                    assertTrue(value == null || ((List<?>) value).size() <= 100);
                }
            }
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 4500; i++) {
                expected.add(Integer.toString(10_000 + i));
            }
            for (int i = 0; i < 150; i++) {
                expected.add(Integer.toString(30_000 + i));
            }
            result.created().forEach(m -> expected.add(m.databricksId()));
            expected.add("3002");
            assertEquals(expected, fake.members("3001"));
            assertEquals(5001, fake.members("3001").size());

            // a second run changes nothing
            int writesBefore = fake.writes().size();
            SyncPlan again = sync.plan(ProgressListener.NONE);
            assertFalse(again.hasChanges(), again.summary());
            assertEquals(5000, again.alreadyMembers());
            SyncResult none = again.apply(ProgressListener.NONE);
            assertFalse(none.changed());
            assertEquals(0, none.requests());
            assertEquals(writesBefore, fake.writes().size(), "no write in the second run");
        }
    }

    @Test
    void withoutCreationMissingIdentitiesAreReportedAndTheGroupIsCreated() throws Exception {
        SyncFake fake = new SyncFake();
        fake.entraUser("e-1", "ada@contoso.com", "ada@contoso.com");
        fake.entraUser("e-2", "grace@contoso.com", "grace@contoso.com");
        fake.entraSp("e-3", appId(3));
        fake.entraGroup("e-nested");
        fake.user("1001", "Ada@Contoso.com", "ada@contoso.com");
        TestSupport.FakeClock clock = TestSupport.clock();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fake);
            server.start();
            GroupSync sync = sync(server, clock, false, "analysts");
            SyncPlan plan = sync.plan(null);
            assertTrue(plan.groupToCreate());
            assertNull(plan.groupId());
            assertEquals(List.of("1001"), plan.toAdd().stream().map(SyncMember::databricksId).toList());
            assertEquals(List.of("grace@contoso.com", appId(3)), plan.unmatched().stream().map(SyncMember::key).toList());
            assertTrue(plan.toCreate().isEmpty());
            assertTrue(plan.render().contains("? unmatched user grace@contoso.com"), plan.render());
            assertTrue(plan.render().contains("(to create)"), plan.render());
            assertEquals(List.of(), fake.writes(), "a dry run writes nothing");

            SyncResult r = plan.apply(null);
            assertTrue(r.groupCreated());
            assertEquals(1, r.added());
            assertEquals(List.of("POST /api/2.0/preview/scim/v2/Groups", "PATCH /api/2.0/preview/scim/v2/Groups/" + r.groupId()),
                    fake.writes());
            assertEquals(Set.of("1001"), fake.members(r.groupId()));

            SyncPlan again = sync.plan(null);
            assertFalse(again.hasChanges());
            assertEquals(2, again.unmatched().size(), "still reported, never created");
        }
    }

    @Test
    void buildersValidate() {
        assertThrows(IllegalArgumentException.class, () -> GroupSync.builder().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> GroupSync.builder().batchSize(GroupSync.MAX_BATCH_SIZE + 1));
        assertThrows(IllegalStateException.class, () -> GroupSync.builder().build());
        assertThrows(io.dataops4j.core.error.ConfigurationException.class, () -> GraphClient.builder().build());
    }

    @Test
    void guestsAreCreatedUnderTheirMail() {
        assertEquals("g@fabrikam.com", SyncEngine.userNameFor(new DirectoryObject("#microsoft.graph.user", "1", "G",
                "g_fabrikam.com#EXT#@contoso.onmicrosoft.com", "g@fabrikam.com", null)));
        assertEquals("a@contoso.com", SyncEngine.userNameFor(new DirectoryObject("#microsoft.graph.user", "1", "A",
                "a@contoso.com", "a.l@contoso.com", null)));
        assertEquals("m@contoso.com", SyncEngine.userNameFor(new DirectoryObject("#microsoft.graph.user", "1", "M", null,
                "m@contoso.com", null)));
        List<DirectoryObject.Kind> kinds = new ArrayList<>();
        for (String t : new String[] {"#microsoft.graph.user", "#microsoft.graph.servicePrincipal", "#microsoft.graph.group",
                "#microsoft.graph.device", null}) {
            kinds.add(new DirectoryObject(t, "x", null, null, null, null).kind());
        }
        assertEquals(List.of(DirectoryObject.Kind.USER, DirectoryObject.Kind.SERVICE_PRINCIPAL, DirectoryObject.Kind.GROUP,
                DirectoryObject.Kind.OTHER, DirectoryObject.Kind.OTHER), kinds);
    }
}
