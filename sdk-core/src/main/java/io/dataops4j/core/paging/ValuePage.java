package io.dataops4j.core.paging;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * A page in the {@code value} style of Azure services: ARM ({@code {"value":[...], "nextLink":"..."}}), Microsoft
 * Graph ({@code "@odata.nextLink"}) and Azure DevOps collections ({@code {"count":n, "value":[...]}}, next token in
 * a header). Read by {@link Paged#nextLinks} and {@link Paged#continuationHeader}.
 *
 * @param value         the items, or null
 * @param nextLink      ARM's link to the next page, or null
 * @param odataNextLink Graph's link to the next page, or null
 */
public record ValuePage<T>(List<T> value, String nextLink, @Json(name = "@odata.nextLink") String odataNextLink) {
    /** The link to the next page, whichever style the service used, or null at the end. */
    public String next() {
        return nextLink != null ? nextLink : odataNextLink;
    }
}
