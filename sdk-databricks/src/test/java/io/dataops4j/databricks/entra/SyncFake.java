package io.dataops4j.databricks.entra;

import io.dataops4j.core.json.Json;
import io.dataops4j.testkit.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A stateful stand-in for a workspace's SCIM API and Microsoft Graph's transitiveMembers, answering in the shapes
 * recorded from the official clients (fixtures/recorded/scim.json and graph.json: ListResponse with
 * {@code Resources}/{@code totalResults}/{@code startIndex}/{@code itemsPerPage}; members as
 * {@code {"value","display","$ref"}}; Graph pages as {@code {"value", "@odata.nextLink"}} with {@code @odata.type}),
 * and applying PATCH add/remove of members to its state.
 */
final class SyncFake extends Dispatcher {
    static final String SCIM = "/api/2.0/preview/scim/v2/";
    static final String ENTRA_GROUP = "0b7c3f55-1111-4c4c-9d9d-000000000001";
    private static final Pattern REMOVE_MEMBER = Pattern.compile("members\\[value eq \"([^\"]+)\"]");

    /** Workspace users: id to {userName, emails}. */
    final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    /** Workspace service principals: id to applicationId. */
    final Map<String, String> sps = new LinkedHashMap<>();
    /** Workspace groups: id to display name. */
    final Map<String, String> groupNames = new LinkedHashMap<>();
    /** Workspace groups: id to member ids (with their $ref). */
    final Map<String, Map<String, String>> groupMembers = new LinkedHashMap<>();
    /** The Entra group's transitive members, as Graph lists them. */
    final List<Map<String, Object>> entraMembers = new ArrayList<>();
    /** Graph page size. */
    int graphPageSize = 500;
    /** The Graph page (0-based) answered once with 429 first, or -1. */
    int throttlePage = -1;
    Duration retryAfter = Duration.ofSeconds(7);
    /** Every request, as "METHOD path". */
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Every PATCH body. */
    final List<Map<String, Object>> patches = new CopyOnWriteArrayList<>();
    private boolean throttled;
    private int nextId = 900_000;

    void user(String id, String userName, String... emails) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("userName", userName);
        u.put("emails", List.of(emails));
        users.put(id, u);
    }

    void entraUser(String id, String upn, String mail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@odata.type", "#microsoft.graph.user");
        m.put("id", id);
        m.put("displayName", "User " + id);
        m.put("userPrincipalName", upn);
        m.put("mail", mail);
        entraMembers.add(m);
    }

    void entraSp(String id, String appId) {
        entraMembers.add(Map.of("@odata.type", "#microsoft.graph.servicePrincipal", "id", id, "displayName", "SP " + id, "appId", appId));
    }

    void entraGroup(String id) {
        entraMembers.add(Map.of("@odata.type", "#microsoft.graph.group", "id", id, "displayName", "nested " + id));
    }

    List<String> writes() {
        return log.stream().filter(l -> !l.startsWith("GET ")).toList();
    }

    Set<String> members(String groupId) {
        return groupMembers.get(groupId).keySet();
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        String method = request.getMethod();
        log.add(method + " " + path);
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        if (path.equals("/v1.0/groups/" + ENTRA_GROUP + "/transitiveMembers")) {
            return graph(url);
        }
        if (!path.startsWith(SCIM)) {
            return Faults.json(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\"}");
        }
        String rest = path.substring(SCIM.length());
        if (method.equals("GET") && rest.equals("Users")) {
            List<Map<String, Object>> all = new ArrayList<>();
            users.forEach((id, u) -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", id);
                r.put("userName", u.get("userName"));
                List<Map<String, Object>> emails = new ArrayList<>();
                for (Object e : (List<?>) u.get("emails")) {
                    emails.add(Map.of("value", e, "primary", true, "type", "work"));
                }
                r.put("emails", emails);
                all.add(r);
            });
            return list(url, all);
        }
        if (method.equals("GET") && rest.equals("ServicePrincipals")) {
            List<Map<String, Object>> all = new ArrayList<>();
            sps.forEach((id, app) -> all.add(Map.of("id", id, "applicationId", app, "displayName", "sp " + id)));
            return list(url, all);
        }
        if (method.equals("GET") && rest.equals("Groups")) {
            String filter = url.queryParameter("filter");
            List<Map<String, Object>> all = new ArrayList<>();
            groupNames.forEach((id, name) -> {
                if (filter == null || filter.equals("displayName eq \"" + name + "\"")) {
                    all.add(Map.of("id", id, "displayName", name));
                }
            });
            return list(url, all);
        }
        if (method.equals("GET") && rest.startsWith("Groups/")) {
            String id = rest.substring("Groups/".length());
            if (!groupNames.containsKey(id)) {
                return Faults.json(404, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"Group not found.\",\"status\":\"404\"}");
            }
            List<Map<String, Object>> members = new ArrayList<>();
            groupMembers.get(id).forEach((m, ref) -> members.add(Map.of("value", m, "display", "member " + m, "$ref", ref)));
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", id);
            g.put("displayName", groupNames.get(id));
            g.put("members", members);
            g.put("meta", Map.of("resourceType", "WorkspaceGroup"));
            g.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"));
            return Faults.json(200, Json.shared().toJson(g));
        }
        Map<?, ?> in = body.isEmpty() ? Map.of() : (Map<?, ?>) Json.shared().parseValue(body);
        if (method.equals("POST") && rest.equals("Groups")) {
            String id = Integer.toString(nextId++);
            groupNames.put(id, (String) in.get("displayName"));
            groupMembers.put(id, new LinkedHashMap<>());
            return created(id, in);
        }
        if (method.equals("POST") && rest.equals("Users")) {
            String id = Integer.toString(nextId++);
            user(id, (String) in.get("userName"));
            return created(id, in);
        }
        if (method.equals("POST") && rest.equals("ServicePrincipals")) {
            String id = Integer.toString(nextId++);
            sps.put(id, (String) in.get("applicationId"));
            return created(id, in);
        }
        if (method.equals("PATCH") && rest.startsWith("Groups/")) {
            String id = rest.substring("Groups/".length());
            @SuppressWarnings("unchecked")
            Map<String, Object> patch = (Map<String, Object>) in;
            patches.add(patch);
            if (!List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp").equals(patch.get("schemas"))) {
                return Faults.json(400, "{\"detail\":\"bad schemas\",\"status\":\"400\"}");
            }
            for (Object o : (List<?>) patch.get("Operations")) {
                Map<?, ?> op = (Map<?, ?>) o;
                if ("add".equals(op.get("op")) && "members".equals(op.get("path"))) {
                    for (Object v : (Collection<?>) op.get("value")) {
                        String m = (String) ((Map<?, ?>) v).get("value");
                        groupMembers.get(id).put(m, (sps.containsKey(m) ? "ServicePrincipals/" : "Users/") + m);
                    }
                } else if ("remove".equals(op.get("op"))) {
                    Matcher mm = REMOVE_MEMBER.matcher((String) op.get("path"));
                    if (!mm.matches()) {
                        return Faults.json(400, "{\"detail\":\"bad path\",\"status\":\"400\"}");
                    }
                    groupMembers.get(id).remove(mm.group(1));
                } else {
                    return Faults.json(400, "{\"detail\":\"unsupported op\",\"status\":\"400\"}");
                }
            }
            return new MockResponse.Builder().code(204).build();
        }
        return Faults.json(405, "{\"detail\":\"" + method + " " + rest + "\",\"status\":\"405\"}");
    }

    private MockResponse created(String id, Map<?, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(String.valueOf(k), v));
        out.put("id", id);
        return Faults.json(201, Json.shared().toJson(out));
    }

    private static MockResponse list(HttpUrl url, List<Map<String, Object>> all) {
        int start = Integer.parseInt(url.queryParameter("startIndex"));
        int count = Integer.parseInt(url.queryParameter("count"));
        List<Map<String, Object>> chunk = all.subList(Math.min(all.size(), start - 1), Math.min(all.size(), start - 1 + count));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
        page.put("totalResults", all.size());
        page.put("startIndex", start);
        page.put("itemsPerPage", chunk.size());
        if (!chunk.isEmpty()) {
            page.put("Resources", chunk);
        }
        return Faults.json(200, Json.shared().toJson(page));
    }

    private MockResponse graph(HttpUrl url) {
        if (!"id,displayName,userPrincipalName,mail,appId".equals(url.queryParameter("$select"))) {
            return Faults.json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"$select\"}}");
        }
        String skip = url.queryParameter("$skiptoken");
        int pageNo = skip == null ? 0 : Integer.parseInt(skip);
        if (pageNo == throttlePage && !throttled) {
            throttled = true;
            return new MockResponse.Builder().code(429).setHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
                    .setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}").build();
        }
        int from = pageNo * graphPageSize;
        List<Map<String, Object>> chunk = entraMembers.subList(Math.min(from, entraMembers.size()),
                Math.min(entraMembers.size(), from + graphPageSize));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName,userPrincipalName,mail,appId)");
        if (from + graphPageSize < entraMembers.size()) {
            page.put("@odata.nextLink", url.newBuilder().setQueryParameter("$skiptoken", Integer.toString(pageNo + 1)).build().toString());
        }
        page.put("value", chunk);
        return Faults.json(200, Json.shared().toJson(page));
    }
}
