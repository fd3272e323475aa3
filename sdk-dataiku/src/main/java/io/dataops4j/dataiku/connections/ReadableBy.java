package io.dataops4j.dataiku.connections;

/** Who may read a connection's details, credentials included: {@code detailsReadability.readableBy}. */
public enum ReadableBy {
    /** Nobody (the default). */
    NONE,
    /** Every user. */
    ALL,
    /** Only users of the allowed groups. */
    ALLOWED
}
