package io.dataops4j.databricks.entra;

import com.squareup.moshi.Json;

/**
 * A member of an Entra ID group as Microsoft Graph lists it ({@code directoryObject}, with the properties asked for in
 * {@code $select}).
 *
 * @param odataType         {@code #microsoft.graph.user}, {@code #microsoft.graph.servicePrincipal},
 *                          {@code #microsoft.graph.group}, ...
 * @param id                its Entra object id
 * @param displayName       its display name, or null
 * @param userPrincipalName a user's UPN, or null
 * @param mail              a user's mail address, or null
 * @param appId             a service principal's application (client) id, or null
 */
public record DirectoryObject(@Json(name = "@odata.type") String odataType, String id, String displayName,
                              String userPrincipalName, String mail, String appId) {
    /** What kind of directory object it is. */
    public enum Kind { USER, SERVICE_PRINCIPAL, GROUP, OTHER }

    /** Its kind, from {@code @odata.type}. */
    public Kind kind() {
        if (odataType == null) {
            return Kind.OTHER;
        }
        return switch (odataType) {
            case "#microsoft.graph.user" -> Kind.USER;
            case "#microsoft.graph.servicePrincipal" -> Kind.SERVICE_PRINCIPAL;
            case "#microsoft.graph.group" -> Kind.GROUP;
            default -> Kind.OTHER;
        };
    }
}
