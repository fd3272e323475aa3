package io.dataops4j.databricks.internal;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * A SCIM listing's answer ({@code urn:ietf:params:scim:api:messages:2.0:ListResponse}).
 *
 * @param resources    the page's resources, or null when there are none
 * @param totalResults how many match, or null
 * @param startIndex   the page's first index, or null
 * @param itemsPerPage the page's size, or null
 * @param <T>          the resource's record
 */
public record ScimListPage<T>(@Json(name = "Resources") List<T> resources, Long totalResults, Long startIndex,
                              Long itemsPerPage) {
}
