package io.dataops4j.bench;

/** One way of calling {@code jobs/runs/get} and decoding the answer. */
interface Stack extends AutoCloseable {
    /** A short name for the tables. */
    String name();

    /** What it is, with versions. */
    String description();

    /**
     * Makes one blocking call on the calling thread and returns a checksum of the decoded run (the same for
     * every stack given the same body), so that the decoded values are used.
     */
    long call();

    @Override
    void close();
}
