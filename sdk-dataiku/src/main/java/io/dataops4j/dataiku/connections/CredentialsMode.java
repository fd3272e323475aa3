package io.dataops4j.dataiku.connections;

/** Whose credentials a connection uses: {@code credentialsMode}. */
public enum CredentialsMode {
    /** One set of credentials for every user (a service principal, a key). */
    GLOBAL,
    /** Each user's own credentials (per-user OAuth, per-user logins). */
    PER_USER
}
