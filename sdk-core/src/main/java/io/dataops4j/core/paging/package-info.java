/** Lazy listings: {@link io.dataops4j.core.paging.Paged} and its page strategies. */
package io.dataops4j.core.paging;
