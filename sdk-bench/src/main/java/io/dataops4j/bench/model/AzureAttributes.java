package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** Azure-specific cluster settings. */
public record AzureAttributes(
        @Json(name = "first_on_demand") Integer firstOnDemand,
        String availability,
        @Json(name = "spot_bid_max_price") Double spotBidMaxPrice) {
}
