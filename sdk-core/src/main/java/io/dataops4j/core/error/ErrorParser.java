package io.dataops4j.core.error;

/**
 * Reads a service's error body. Each service module registers its own on its client; {@link #GENERIC} knows the
 * shapes of every service dataops4j talks to and is the default.
 */
@FunctionalInterface
public interface ErrorParser {
    /**
     * @param status the HTTP status
     * @param body   the body as text, possibly empty, at most 64 KiB of it
     * @return what the service said; never null (use {@code ServiceError.of(null, null)} when nothing is known)
     */
    ServiceError parse(int status, String body);

    /**
     * The status family an error belongs to, for choosing the exception class. Services that answer "does not
     * exist" with 400 or 500, or "already exists" with 400, map their codes here. The default knows the codes of
     * MLflow, Databricks, ARM and DSS.
     */
    default int classify(int status, ServiceError error) {
        return io.dataops4j.core.internal.GenericErrorParser.classifyByCode(status, error);
    }

    /** Understands Databricks/MLflow, ARM, SCIM, DSS, DevOps and OAuth error bodies. */
    ErrorParser GENERIC = io.dataops4j.core.internal.GenericErrorParser.INSTANCE;
}
