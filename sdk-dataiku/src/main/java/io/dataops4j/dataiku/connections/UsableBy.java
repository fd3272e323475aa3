package io.dataops4j.dataiku.connections;

/** Who may use a connection (read and write data through it): {@code usableBy}. */
public enum UsableBy {
    /** Every user. */
    ALL,
    /** Only users of the allowed groups. */
    ALLOWED
}
