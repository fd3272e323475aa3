package io.dataops4j.core.paging;

/** Fetches the page a token names; the first page is fetched with a null token. */
@FunctionalInterface
public interface PageFetcher<T> {
    Page<T> fetch(String token);
}
