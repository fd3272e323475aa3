package io.dataops4j.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagedTest {
    private MockWebServer server;
    private ApiClient http;

    /** Databricks jobs/runs/list: {runs, next_page_token}. */
    public record RunsPage(List<Run> runs, @Json(name = "next_page_token") String nextPageToken) {
    }

    public record Run(@Json(name = "run_id") long runId) {
    }

    /** SCIM ListResponse. */
    public record ScimList(Integer totalResults, Integer startIndex, Integer itemsPerPage,
                           @Json(name = "Resources") List<User> resources) {
    }

    public record User(String id, String userName) {
    }

    public record Named(String name) {
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = ApiClient.builder("TEST", "sdk-test").baseUrl(server.url("/").toString()).sleeper(new RecordingSleeper()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    private Paged<Long> runs() {
        return Paged.<Run>tokens(token -> {
            RunsPage p = http.send(ApiRequest.get("api/2.2/jobs/runs/list").query("job_id", 7).query("page_token", token).build(),
                    RunsPage.class);
            return new Page<>(p.runs(), p.nextPageToken());
        }).map(Run::runId);
    }

    @Test
    void pageTokensGoOnPastEmptyPagesThatCarryAToken() throws Exception {
        server.enqueue(json("{\"runs\":[{\"run_id\":1},{\"run_id\":2}],\"next_page_token\":\"t2\"}"));
        server.enqueue(json("{\"next_page_token\":\"t3\"}"));
        server.enqueue(json("{\"runs\":[],\"next_page_token\":\"t4\"}"));
        server.enqueue(json("{\"runs\":[{\"run_id\":3}]}"));
        assertEquals(List.of(1L, 2L, 3L), runs().toList());
        assertEquals("/api/2.2/jobs/runs/list?job_id=7", server.takeRequest().getTarget());
        assertEquals("/api/2.2/jobs/runs/list?job_id=7&page_token=t2", server.takeRequest().getTarget());
        assertEquals("/api/2.2/jobs/runs/list?job_id=7&page_token=t3", server.takeRequest().getTarget());
        assertEquals("/api/2.2/jobs/runs/list?job_id=7&page_token=t4", server.takeRequest().getTarget());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void onlyThePagesConsumedAreFetched() {
        Map<String, String> pages = Map.of(
                "", "{\"runs\":[{\"run_id\":1},{\"run_id\":2}],\"next_page_token\":\"t2\"}",
                "t2", "{\"runs\":[{\"run_id\":3},{\"run_id\":4}],\"next_page_token\":\"t3\"}",
                "t3", "{\"runs\":[{\"run_id\":5}]}");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String token = request.getUrl().queryParameter("page_token");
                return json(pages.get(token == null ? "" : token));
            }
        });
        Paged<Long> paged = runs();
        assertEquals(0, server.getRequestCount(), "creating a listing fetches nothing");
        assertEquals(List.of(1L), paged.stream().limit(1).toList());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(1L, 2L, 3L), paged.stream().limit(3).toList(), "a new stream starts over");
        assertEquals(3, server.getRequestCount(), "one more page for the first stream, two for the second");
        assertEquals(Optional.of(5L), runs().resumeFrom("t3").first());
        assertEquals(4, server.getRequestCount());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), paged.toList());
        assertEquals(7, server.getRequestCount());
    }

    @Test
    void resumeFromASavedToken() throws Exception {
        server.enqueue(json("{\"runs\":[{\"run_id\":1}],\"next_page_token\":\"t2\"}"));
        Iterator<Page<Long>> pages = runs().byPage().iterator();
        Page<Long> first = pages.next();
        assertEquals(List.of(1L), first.items());
        assertTrue(first.hasNext());
        String saved = first.nextToken();
        server.takeRequest();

        server.enqueue(json("{\"runs\":[{\"run_id\":2}],\"next_page_token\":\"t3\"}"));
        server.enqueue(json("{\"runs\":[{\"run_id\":3}]}"));
        List<Page<Long>> rest = new ArrayList<>();
        runs().resumeFrom(saved).byPage().forEach(rest::add);
        assertEquals(List.of(new Page<>(List.of(2L), "t3"), new Page<>(List.of(3L), null)), rest);
        assertEquals("/api/2.2/jobs/runs/list?job_id=7&page_token=t2", server.takeRequest().getTarget());
    }

    @Test
    void nextLinkThroughArmList() throws Exception {
        String second = server.url("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataFactory/factories?api-version=2018-06-01&%24skipToken=abc").toString();
        server.enqueue(json("{\"value\":[{\"name\":\"f1\"},{\"name\":\"f2\"}],\"nextLink\":\"" + second + "\"}"));
        server.enqueue(json("{\"value\":[]}"));
        ArmClient arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("arm-paging-token-1"))).build();
        List<Named> factories = arm.list("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataFactory/factories",
                "2018-06-01", Named.class).toList();
        assertEquals(List.of(new Named("f1"), new Named("f2")), factories);
        RecordedRequest r1 = server.takeRequest();
        assertEquals("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataFactory/factories?api-version=2018-06-01", r1.getTarget());
        RecordedRequest r2 = server.takeRequest();
        assertEquals(second, r2.getUrl().toString(), "the link is followed as given");
        assertEquals("Bearer arm-paging-token-1", r2.getHeaders().get("Authorization"));
        assertTrue(r1.getHeaders().get("x-ms-client-request-id") != null && r2.getHeaders().get("x-ms-client-request-id") != null,
                "ARM's request id header");
    }

    @Test
    void armListAsRawJson() {
        server.enqueue(json("{\"value\":[{\"name\":\"a\",\"properties\":{\"big\":123456789012345678901}}]}"));
        ArmClient arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("arm-paging-token-2"))).build();
        List<RawJson> all = arm.list("/subscriptions/s1/resources", "2021-04-01").toList();
        assertEquals(List.of(new RawJson("{\"name\":\"a\",\"properties\":{\"big\":123456789012345678901}}")), all);
    }

    @Test
    void odataNextLink() throws Exception {
        String next = server.url("/v1.0/groups?$skiptoken=X1").toString();
        server.enqueue(json("{\"@odata.context\":\"c\",\"value\":[{\"name\":\"g1\"}],\"@odata.nextLink\":\"" + next + "\"}"));
        server.enqueue(json("{\"value\":[{\"name\":\"g2\"}]}"));
        ApiRequest first = ApiRequest.get("v1.0/groups").query("$top", 1).header("ConsistencyLevel", "eventual").build();
        assertEquals(List.of(new Named("g1"), new Named("g2")), Paged.nextLinks(http, first, Named.class).toList());
        server.takeRequest();
        RecordedRequest r2 = server.takeRequest();
        assertEquals(next, r2.getUrl().toString());
        assertEquals("eventual", r2.getHeaders().get("ConsistencyLevel"), "headers carry over to each page");
    }

    @Test
    void continuationHeader() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("x-ms-continuationtoken", "c2")
                .body("{\"count\":2,\"value\":[{\"name\":\"b1\"},{\"name\":\"b2\"}]}").build());
        server.enqueue(new MockResponse.Builder().body("{\"count\":1,\"value\":[{\"name\":\"b3\"}]}").build());
        ApiRequest first = ApiRequest.get("org/proj/_apis/build/builds").query("api-version", "7.1").query("$top", 2).build();
        Paged<Named> builds = Paged.continuationHeader(http, first, "x-ms-continuationtoken", "continuationToken", Named.class);
        assertEquals(List.of("b1", "b2", "b3"), builds.stream().map(Named::name).toList());
        assertEquals("/org/proj/_apis/build/builds?api-version=7.1&%24top=2", server.takeRequest().getTarget());
        assertEquals("/org/proj/_apis/build/builds?api-version=7.1&%24top=2&continuationToken=c2", server.takeRequest().getTarget());
    }

    @Test
    void scimOffsetsWithTotalResults() throws Exception {
        server.enqueue(json("{\"totalResults\":5,\"startIndex\":1,\"itemsPerPage\":2,\"Resources\":[{\"id\":\"1\"},{\"id\":\"2\"}]}"));
        server.enqueue(json("{\"totalResults\":5,\"startIndex\":3,\"itemsPerPage\":2,\"Resources\":[{\"id\":\"3\"},{\"id\":\"4\"}]}"));
        server.enqueue(json("{\"totalResults\":5,\"startIndex\":5,\"itemsPerPage\":1,\"Resources\":[{\"id\":\"5\"}]}"));
        Paged<User> users = Paged.offsets(start -> {
            ScimList l = http.send(ApiRequest.get("api/2.0/preview/scim/v2/Users").query("startIndex", start).query("count", 2).build(),
                    ScimList.class);
            return new Paged.OffsetPage<>(l.resources(), l.totalResults());
        }, 1);
        assertEquals(List.of("1", "2", "3", "4", "5"), users.stream().map(User::id).toList());
        assertEquals(3, server.getRequestCount(), "no request after totalResults is reached");
        assertEquals("/api/2.0/preview/scim/v2/Users?startIndex=1&count=2", server.takeRequest().getTarget());
        assertEquals("/api/2.0/preview/scim/v2/Users?startIndex=3&count=2", server.takeRequest().getTarget());
        assertEquals("/api/2.0/preview/scim/v2/Users?startIndex=5&count=2", server.takeRequest().getTarget());
    }

    @Test
    void offsetsStopAtAnEmptyPageWhenTheTotalIsUnknown() {
        List<Integer> starts = new ArrayList<>();
        Paged<Integer> p = Paged.offsets(start -> {
            starts.add(start);
            return new Paged.OffsetPage<>(start > 4 ? List.of() : List.of(start, start + 1), null);
        }, 1);
        assertEquals(List.of(1, 2, 3, 4), p.toList());
        assertEquals(List.of(1, 3, 5), starts, "the empty page at 5 ends the listing");
        assertEquals(List.of(3, 4), p.resumeFrom("3").toList());
    }

    @Test
    void aRepeatedTokenEndsTheListing() {
        int[] calls = {0};
        Paged<String> p = Paged.tokens(token -> {
            calls[0]++;
            return new Page<>(List.of("x"), "same");
        });
        assertEquals(List.of("x", "x"), p.toList(), "the first page, then the page named by the token, which names itself");
        assertEquals(2, calls[0]);
    }

    @Test
    void iteratorContract() {
        Paged<String> empty = Paged.tokens(token -> new Page<>(null, ""));
        Iterator<String> it = empty.iterator();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(Optional.empty(), empty.first());
        Iterator<Page<String>> pages = empty.byPage().iterator();
        assertNull(pages.next().nextToken(), "an empty token means the end");
        assertThrows(NoSuchElementException.class, pages::next);
        assertEquals(List.of("a", "b"), Paged.of(List.of("a", "b")).toList());
    }

    @Test
    void mapKeepsPagesAndTokens() {
        Paged<Integer> p = Paged.tokens(token -> token == null ? new Page<>(List.of(1, 2), "n") : new Page<>(List.of(3), null));
        List<Page<String>> pages = new ArrayList<>();
        p.map(i -> "#" + i).byPage().forEach(pages::add);
        assertEquals(List.of(new Page<>(List.of("#1", "#2"), "n"), new Page<>(List.of("#3"), null)), pages);
    }
}
