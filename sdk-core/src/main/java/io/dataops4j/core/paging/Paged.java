package io.dataops4j.core.paging;

import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import io.dataops4j.core.json.Json;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing: pages are fetched only as items are consumed, so a list method never holds everything. Iterate
 * it, stream it, walk it page by page, or resume from a token saved earlier.
 *
 * <p>Strategies: {@link #tokens} covers {@code page_token} (Databricks, MLflow) and any other token a fetcher
 * reads; it goes on past empty pages that still carry a token. {@link #nextLinks} follows {@code nextLink} and
 * {@code @odata.nextLink} (ARM, Graph: the token is the URL), {@link #continuationHeader} a continuation header
 * (DevOps), and {@link #offsets} covers {@code startIndex}/{@code count} (SCIM).
 *
 * <pre>{@code
 * Paged<Run> runs = mlflow.runs().search(SearchRuns.inExperiments("1"));
 * runs.stream().limit(10).forEach(System.out::println);        // fetches one page
 * for (Page<Run> page : runs.byPage()) { save(page.nextToken()); }
 * Paged<Run> rest = runs.resumeFrom(savedToken);
 * }</pre>
 */
public final class Paged<T> implements Iterable<T> {
    /** The most pages one listing follows before it stops with an error (guards against a token loop). */
    static final int MAX_PAGES = 1_000_000;

    private final PageFetcher<T> fetcher;
    private final String startToken;

    private Paged(PageFetcher<T> fetcher, String startToken) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.startToken = startToken;
    }

    /** Token paging: the fetcher gets null first, then each page's next token, until a page has none. */
    public static <T> Paged<T> tokens(PageFetcher<T> fetcher) {
        return new Paged<>(fetcher, null);
    }

    /**
     * Offset paging ({@code startIndex}/{@code count}, 1-based as in SCIM): the fetcher gets the start index and
     * returns the page; listing stops at an empty page or when {@code totalResults} (when known) is reached.
     */
    public static <T> Paged<T> offsets(OffsetFetcher<T> fetcher, int firstIndex) {
        return new Paged<>(token -> {
            int start = token == null ? firstIndex : Integer.parseInt(token);
            OffsetPage<T> page = fetcher.fetch(start);
            int next = start + page.items().size();
            boolean more = !page.items().isEmpty()
                    && (page.totalResults() == null || next - firstIndex < page.totalResults());
            return new Page<>(page.items(), more ? Integer.toString(next) : null);
        }, null);
    }

    /**
     * nextLink paging (ARM {@code nextLink}, Graph {@code @odata.nextLink}): sends {@code first}, then GETs each
     * page's link (an absolute URL) with the same headers, until a page has none.
     *
     * <pre>{@code
     * Paged<Factory> factories = Paged.nextLinks(http, ApiRequest.get(path).query("api-version", v).build(), Factory.class);
     * }</pre>
     */
    public static <T> Paged<T> nextLinks(ApiClient http, ApiRequest first, Class<T> itemType) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(first, "first");
        Type pageType = Json.parameterized(ValuePage.class, itemType);
        return tokens(token -> {
            ValuePage<T> page = http.send(token == null ? first : follow(first, token, null, null), pageType);
            return page == null ? new Page<>(List.of(), null) : Page.wrap(page.value(), page.next());   // decoded here: no copy
        });
    }

    /**
     * Continuation-header paging (Azure DevOps: header {@code x-ms-continuationtoken}, sent back as query
     * parameter {@code continuationToken}): pages are {@code {"value":[...]}}; the listing ends when an answer
     * carries no token.
     *
     * <pre>{@code
     * Paged<Build> builds = Paged.continuationHeader(http, ApiRequest.get(org + "/_apis/build/builds").build(),
     *     "x-ms-continuationtoken", "continuationToken", Build.class);
     * }</pre>
     */
    public static <T> Paged<T> continuationHeader(ApiClient http, ApiRequest first, String header, String queryParam,
                                                  Class<T> itemType) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(queryParam, "queryParam");
        Type pageType = Json.parameterized(ValuePage.class, itemType);
        return tokens(token -> {
            try (ApiResponse r = http.execute(token == null ? first : follow(first, first.path(), queryParam, token))) {
                ValuePage<T> page = r.status() == 204 ? null : r.decode(pageType);
                return Page.wrap(page == null ? List.of() : page.value(), r.header(header));
            }
        });
    }

    /** The request for a further page: a GET of {@code path} with the first request's headers (and query). */
    private static ApiRequest follow(ApiRequest first, String path, String tokenParam, String token) {
        ApiRequest.Builder b = ApiRequest.get(path).operation(first.operation());
        if (tokenParam != null) {
            for (String[] q : first.query()) {
                if (!q[0].equals(tokenParam)) {
                    b.query(q[0], q[1]);
                }
            }
            b.query(tokenParam, token);
        }
        first.headers().forEach(b::header);
        if (!first.authenticated()) {
            b.unauthenticated();
        }
        return b.build();
    }

    /** A fixed list as a single page. */
    public static <T> Paged<T> of(List<T> items) {
        List<T> copy = List.copyOf(items);
        return new Paged<>(token -> new Page<>(copy, null), null);
    }

    /** The same listing started from a token saved from {@link Page#nextToken()}. */
    public Paged<T> resumeFrom(String token) {
        return new Paged<>(fetcher, token);
    }

    /** The same listing with every item mapped. */
    public <R> Paged<R> map(Function<? super T, ? extends R> mapper) {
        return new Paged<>(token -> {
            Page<T> p = fetcher.fetch(token);
            List<R> out = new ArrayList<>(p.items().size());
            for (T t : p.items()) {
                out.add(mapper.apply(t));
            }
            return Page.wrap(out, p.nextToken());
        }, startToken);
    }

    /** The pages, fetched lazily. */
    public Iterable<Page<T>> byPage() {
        return () -> new Iterator<>() {
            private String token = startToken;
            private boolean done;
            private int pages;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Page<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                if (++pages > MAX_PAGES) {
                    throw new IllegalStateException("listing did not end after " + MAX_PAGES + " pages");
                }
                Page<T> page = fetcher.fetch(token);
                if (page.nextToken() == null || page.nextToken().equals(token)) {
                    done = true;
                }
                token = page.nextToken();
                return page;
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = byPage().iterator();
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Every item in a list: fetches all pages. Use only when the listing is known to be small. */
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** The first item, fetching as few pages as needed. */
    public java.util.Optional<T> first() {
        Iterator<T> it = iterator();
        return it.hasNext() ? java.util.Optional.of(it.next()) : java.util.Optional.empty();
    }

    /** Fetches the page a start index names, for {@link #offsets}. */
    @FunctionalInterface
    public interface OffsetFetcher<T> {
        OffsetPage<T> fetch(int startIndex);
    }

    /**
     * A page of an offset listing.
     *
     * @param items        the items
     * @param totalResults the total the service reports, or null
     */
    public record OffsetPage<T>(List<T> items, Integer totalResults) {
        public OffsetPage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
