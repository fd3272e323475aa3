package io.dataops4j.databricks.scim;

/**
 * A user's name.
 *
 * @param givenName  the given name, or null
 * @param familyName the family name, or null
 */
public record Name(String givenName, String familyName) {
}
