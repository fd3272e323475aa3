package io.dataops4j.cli.doctor;

import java.util.List;

/**
 * The kind of credential a service's client would use.
 *
 * @param kind           a short name: {@code pat}, {@code oauth-m2m}, {@code azure-client-secret},
 *                       {@code default-azure-credential}, {@code bearer}, {@code basic}, {@code api-key},
 *                       {@code system-access-token}, {@code databricks}, {@code none}, or a Databricks {@code auth_type}
 * @param description    what it is, in words
 * @param from           the sources of the settings it is made of (never their values)
 * @param azureIdentity  for Entra ID kinds, whether azure-identity is on the class path; else null
 */
public record CredentialReport(String kind, String description, List<String> from, Boolean azureIdentity) {
    public CredentialReport {
        from = List.copyOf(from);
    }

    static CredentialReport none(String description) {
        return new CredentialReport("none", description, List.of(), null);
    }
}
