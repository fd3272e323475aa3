package io.dataops4j.databricks.internal;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.databricks.scim.PatchOp;
import io.dataops4j.databricks.scim.ScimQuery;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One SCIM resource collection ({@code .../scim/v2/Users}): create, get, list, replace, patch, delete: the mechanics
 * behind {@code Users}, {@code Groups} and {@code ServicePrincipals}, which only give them their types. Listings page
 * as the official SDKs do: {@code startIndex} from 1, {@code count} 10,000 unless asked, the next start index advanced
 * by the page's size, ending at the first page without resources ({@code totalResults} is not trusted: it may change
 * while a listing runs).
 *
 * @param <T> the resource's record
 */
public final class ScimEndpoint<T> {
    private final Context ctx;
    private final String path;
    private final Class<T> type;
    private final Type pageType;
    private final String operation;
    private final String noun;

    /**
     * @param ctx       the workspace's (or account's) context
     * @param base      {@code api/2.0/preview/scim/v2/} or {@code api/2.0/accounts/{id}/scim/v2/}
     * @param resource  {@code Users}, {@code Groups} or {@code ServicePrincipals}
     * @param type      the resource's record
     */
    public ScimEndpoint(Context ctx, String base, String resource, Class<T> type) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.path = base + resource;
        this.type = Objects.requireNonNull(type, "type");
        this.noun = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
        this.pageType = io.dataops4j.core.json.Json.parameterized(ScimListPage.class, type);
        this.operation = "scim." + Character.toLowerCase(resource.charAt(0)) + resource.substring(1);
    }

    /** The collection's path, relative to the host. */
    public String path() {
        return path;
    }

    /** POST: creates a resource (retried only when refused undone). */
    public T create(T body) {
        Objects.requireNonNull(body, noun);
        return ctx.send(ApiRequest.post(path).json(body).operation(operation + ".create").build(), type);
    }

    /** GET of one resource. */
    public T get(String id) {
        return ctx.send(ApiRequest.get(item(id)).operation(operation + ".get").build(), type);
    }

    /** PUT: replaces a resource. */
    public void replace(String id, T body) {
        Objects.requireNonNull(body, noun);
        ctx.send(ApiRequest.put(item(id)).json(body).operation(operation + ".replace").build());
    }

    /** PATCH: add, remove and replace operations are idempotent, so a PATCH is retried like a GET. */
    public void patch(String id, PatchOp patch) {
        Objects.requireNonNull(patch, "patch");
        ctx.send(ApiRequest.patch(item(id)).json(patch).idempotent().operation(operation + ".patch").build());
    }

    /** DELETE. */
    public void delete(String id) {
        ctx.send(ApiRequest.delete(item(id)).operation(operation + ".delete").build());
    }

    /** Every resource, lazily. */
    public Paged<T> list() {
        return list(ScimQuery.all());
    }

    /** The resources a query selects, lazily. */
    public Paged<T> list(ScimQuery q) {
        Objects.requireNonNull(q, "query");
        int count = q.count() == null ? ScimQuery.DEFAULT_COUNT : q.count();
        return Paged.tokens(token -> {
            int start = token == null ? 1 : Integer.parseInt(token);
            ApiRequest.Builder b = ApiRequest.get(path).operation(operation + ".list")
                    .query("filter", q.filter() == null ? null : q.filter().expression())
                    .query("attributes", q.attributes().isEmpty() ? null : String.join(",", q.attributes()))
                    .query("excludedAttributes", q.excludedAttributes().isEmpty() ? null : String.join(",", q.excludedAttributes()))
                    .query("sortBy", q.sortBy())
                    .query("sortOrder", q.sortBy() == null ? null : q.descending() ? "descending" : "ascending")
                    .query("startIndex", start)
                    .query("count", count);
            ScimListPage<T> page = ctx.send(b.build(), pageType);
            List<T> items = page == null || page.resources() == null ? List.of() : page.resources();
            return Page.wrap(items, items.isEmpty() ? null : Integer.toString(start + items.size()));
        });
    }

    private String item(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        return path + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ScimEndpoint[" + path + "]";
    }
}
