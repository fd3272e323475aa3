package io.dataops4j.devops.pipelines;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.devops.internal.DevOpsContext;
import io.dataops4j.devops.internal.SubClients;
import java.util.Objects;

import static io.dataops4j.devops.internal.DevOpsContext.seg;
import static io.dataops4j.devops.internal.DevOpsContext.version;

/**
 * Builds ({@code _apis/build/builds}), reached with {@code devops.builds()}.
 *
 * <pre>{@code
 * Build b = devops.builds().queue("proj", QueueBuild.of(7, "refs/heads/main", Map.of("MODEL_VERSION", "3")))
 *     .onProgress(x -> log.info("build {} {}", x.id(), x.status()))
 *     .waitForCompletion(Duration.ofMinutes(30));          // succeeded, else OperationFailedException
 * }</pre>
 */
public final class Builds {
    static final String BUILDS_VERSION = "7.1-preview.7";
    private final DevOpsContext ctx;

    static {
        SubClients.register(Builds.class, Builds::new);
    }

    private Builds(DevOpsContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Queues a build (not retried once it may have reached the service) and returns a poller to its completion. */
    public Poller<Build> queue(String project, QueueBuild spec) {
        Build queued = queueBuild(project, spec);
        return poll(project, queued.id());
    }

    /** Queues a build and returns it as queued. */
    public Build queueBuild(String project, QueueBuild spec) {
        Objects.requireNonNull(spec, "spec");
        return ctx.http().send(version(ApiRequest.post(seg(project) + "/_apis/build/builds"), BUILDS_VERSION)
                .json(spec).notIdempotent().operation("builds.queue").build(), Build.class);
    }

    /** One build. */
    public Build get(String project, long buildId) {
        return ctx.http().send(version(ApiRequest.get(seg(project) + "/_apis/build/builds/" + buildId), BUILDS_VERSION)
                .operation("builds.get").build(), Build.class);
    }

    /**
     * A poller to a build's completion: done when its status is {@code completed}; succeeded when the result is
     * {@code succeeded}, cancelled when {@code canceled}, failed otherwise ({@code failed}, {@code partiallySucceeded},
     * or a result this SDK does not know). Any other status, known or not, keeps it polling.
     */
    public Poller<Build> poll(String project, long buildId) {
        return Poller.builder("build:" + buildId, "build " + buildId, () -> outcome(get(project, buildId)))
                .interval(ctx.pollInterval(), ctx.pollInterval().multipliedBy(10)).timing(ctx.clock(), ctx.sleeper()).build();
    }

    static PollResponse<Build> outcome(Build b) {
        if (!b.isCompleted()) {
            return PollResponse.inProgress(b);
        }
        BuildResult result = b.result() == null ? BuildResult.UNKNOWN : b.result();
        return switch (result) {
            case SUCCEEDED -> PollResponse.succeeded(b);
            case CANCELED -> new PollResponse<>(PollStatus.CANCELLED, b, null, "build " + b.id() + " canceled");
            default -> PollResponse.failed(b, "build " + b.id() + " " + (b.result() == null ? "completed without a result" : result.name()
                    .toLowerCase(java.util.Locale.ROOT)));
        };
    }
}
