package io.dataops4j.databricks.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScimModelTest {
    @Test
    void filtersQuoteAndEscapeValues() {
        assertEquals("userName eq \"ada@example.com\"", ScimFilter.eq("userName", "ada@example.com").expression());
        assertEquals("displayName eq \"a\\\"b\\\\c\"", ScimFilter.eq("displayName", "a\"b\\c").expression());
        assertEquals("displayName sw \"data-\" and displayName ne \"data-old\"",
                ScimFilter.sw("displayName", "data-").and(ScimFilter.ne("displayName", "data-old")).expression());
        assertEquals("userName co \"x\" or userName co \"y\"",
                ScimFilter.co("userName", "x").or(ScimFilter.co("userName", "y")).toString());
        assertThrows(IllegalArgumentException.class, () -> ScimFilter.eq("user name", "x"));
    }

    @Test
    void patchOpsSerializeAsScimPatchRequests() {
        PatchOp p = PatchOp.builder().addMembers(List.of("1", "2")).removeMember("3\"x").replace("active", false).build();
        assertEquals("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"1\"},{\"value\":\"2\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"3\\\\\\\"x\\\"]\"},"
                + "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}", Json.shared().toJson(p));
        assertThrows(IllegalStateException.class, () -> PatchOp.builder().build());
        assertThrows(IllegalArgumentException.class, () -> PatchOp.addMembers(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PatchOp.Operation("move", "members", null));
    }

    @Test
    void queriesValidatePageSize() {
        assertThrows(IllegalArgumentException.class, () -> ScimQuery.all().count(0));
        ScimQuery q = ScimQuery.all().attributes("id").excludedAttributes("groups").sortBy("userName", true).count(5);
        assertEquals(List.of("id"), q.attributes());
        assertEquals(List.of("groups"), q.excludedAttributes());
        assertEquals(5, q.count());
    }
}
