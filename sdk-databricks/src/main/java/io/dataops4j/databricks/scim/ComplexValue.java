package io.dataops4j.databricks.scim;

import com.squareup.moshi.Json;
import java.util.Objects;

/**
 * A SCIM multi-valued attribute's entry: a group member, an email, an entitlement, a role.
 *
 * @param value   the value (a member's id, an address, an entitlement name)
 * @param display a display text, or null
 * @param ref     the referenced resource ({@code Users/123}, {@code ServicePrincipals/4}, {@code Groups/5}), or null
 * @param type    a kind ({@code work}, {@code direct}), or null
 * @param primary whether it is the primary entry, or null
 */
public record ComplexValue(String value, String display, @Json(name = "$ref") String ref, String type, Boolean primary) {
    /** An entry with only a value: {@code {"value": "1001"}}. */
    public static ComplexValue of(String value) {
        return new ComplexValue(Objects.requireNonNull(value, "value"), null, null, null, null);
    }

    /** A primary work email. */
    public static ComplexValue primaryEmail(String address) {
        return new ComplexValue(Objects.requireNonNull(address, "address"), null, null, "work", true);
    }
}
