package io.dataops4j.devops.releases;

import java.util.Locale;
import java.util.Set;

/**
 * One environment (stage) of a release.
 *
 * @param id     the release environment id (used to start it or to poll it)
 * @param name   the name
 * @param status {@code undefined|notStarted|inProgress|succeeded|canceled|rejected|queued|scheduled|partiallySucceeded}
 */
public record ReleaseEnvironment(long id, String name, String status) {
    private static final Set<String> TERMINAL = Set.of("succeeded", "partiallysucceeded", "rejected", "canceled");
    private static final Set<String> FAILED = Set.of("rejected", "canceled");

    /** Whether the environment has finished (succeeded, partially succeeded, rejected or canceled). */
    public boolean isTerminal() {
        return status != null && TERMINAL.contains(status.toLowerCase(Locale.ROOT));
    }

    /** Whether it finished badly (rejected or canceled). */
    public boolean isFailed() {
        return status != null && FAILED.contains(status.toLowerCase(Locale.ROOT));
    }

    /** Whether it is running or about to (inProgress, queued, scheduled). */
    public boolean isActive() {
        return status != null && Set.of("inprogress", "queued", "scheduled").contains(status.toLowerCase(Locale.ROOT));
    }
}
