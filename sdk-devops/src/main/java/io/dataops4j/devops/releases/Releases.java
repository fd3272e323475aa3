package io.dataops4j.devops.releases;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.devops.internal.DevOpsContext;
import io.dataops4j.devops.internal.SubClients;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.dataops4j.devops.internal.DevOpsContext.seg;
import static io.dataops4j.devops.internal.DevOpsContext.version;

/**
 * Classic releases (the {@code vsrm} host), reached with {@code devops.releases()}.
 *
 * <pre>{@code
 * Release r = devops.releases().create("proj", CreateRelease.builder(5).variable("MODEL_VERSION", "3").build());
 * devops.releases().pollEnvironment("proj", r.id(), r.environment("staging").id())
 *     .waitForCompletion(Duration.ofMinutes(30));
 * }</pre>
 */
public final class Releases {
    static final String DEFINITIONS_VERSION = "7.1-preview.4";
    static final String RELEASES_VERSION = "7.1-preview.8";
    static final String ENVIRONMENTS_VERSION = "7.1-preview.7";
    static final String APPROVALS_VERSION = "7.1-preview.3";
    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final DevOpsContext ctx;

    static {
        SubClients.register(Releases.class, Releases::new);
    }

    private Releases(DevOpsContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Release definitions of a project, optionally filtered by a search text (paged by continuation token). */
    public Paged<ReleaseDefinition> listDefinitions(String project, String searchText) {
        ApiRequest first = version(ApiRequest.get(seg(project) + "/_apis/release/definitions"), DEFINITIONS_VERSION)
                .query("searchText", searchText).operation("releases.listDefinitions").build();
        return Paged.continuationHeader(ctx.vsrm(), first, "x-ms-continuationtoken", "continuationToken", ReleaseDefinition.class);
    }

    /** One release definition. */
    public ReleaseDefinition getDefinition(String project, long definitionId) {
        return ctx.vsrm().send(version(ApiRequest.get(seg(project) + "/_apis/release/definitions/" + definitionId),
                DEFINITIONS_VERSION).operation("releases.getDefinition").build(), ReleaseDefinition.class);
    }

    /** Creates a release. Not retried after it may have reached the service (a retry could create two). */
    public Release create(String project, CreateRelease spec) {
        Objects.requireNonNull(spec, "spec");
        return ctx.vsrm().send(DevOpsContext.jsonWithVariables(version(ApiRequest.post(seg(project) + "/_apis/release/releases"),
                RELEASES_VERSION), spec, spec.variables())
                .notIdempotent().operation("releases.create").build(), Release.class);
    }

    /**
     * Releases of a project, newest first unless told otherwise (paged by continuation token). Items carry the
     * release's name, status, description and definition, not its environments.
     */
    public Paged<Release> list(String project, ListReleases filter) {
        Objects.requireNonNull(filter, "filter");
        ApiRequest.Builder b = version(ApiRequest.get(seg(project) + "/_apis/release/releases"), RELEASES_VERSION)
                .query("definitionId", filter.definitionId()).query("searchText", filter.searchText())
                .query("minCreatedTime", time(filter.createdAfter())).query("maxCreatedTime", time(filter.createdBefore()))
                .query("queryOrder", filter.ascending() ? "ascending" : null).query("$top", filter.pageSize())
                .query("tagFilter", filter.tags().isEmpty() ? null : String.join(",", filter.tags()));
        return Paged.continuationHeader(ctx.vsrm(), b.operation("releases.list").build(), "x-ms-continuationtoken", "continuationToken",
                Release.class);
    }

    /** An instant as the official client writes query times ({@code 2026-11-28T09:50:00.000Z}). */
    static String time(Instant t) {
        return t == null ? null : QUERY_TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** One release with its environments' status. */
    public Release get(String project, long releaseId) {
        return ctx.vsrm().send(version(ApiRequest.get(seg(project) + "/_apis/release/releases/" + releaseId),
                RELEASES_VERSION).operation("releases.get").build(), Release.class);
    }

    /**
     * A poller on a release: done when no environment is active (in progress, queued or scheduled) and at least
     * one has finished; failed when an environment was rejected or canceled. Environments never started (manual
     * ones) do not keep it running.
     */
    public Poller<Release> poll(String project, long releaseId) {
        return Poller.builder("release:" + releaseId, "release " + releaseId, () -> {
            Release r = get(project, releaseId);
            List<ReleaseEnvironment> envs = r.environments() == null ? List.of() : r.environments();
            boolean active = envs.stream().anyMatch(ReleaseEnvironment::isActive);
            boolean finished = envs.stream().anyMatch(ReleaseEnvironment::isTerminal);
            if (active || !finished) {
                return PollResponse.inProgress(r);
            }
            List<ReleaseEnvironment> failed = envs.stream().filter(ReleaseEnvironment::isFailed).toList();
            return failed.isEmpty() ? PollResponse.succeeded(r) : PollResponse.failed(r, "release " + releaseId + ": "
                    + failed.stream().map(e -> e.name() + " " + e.status()).collect(Collectors.joining(", ")));
        }).interval(ctx.pollInterval(), ctx.pollInterval().multipliedBy(10)).timing(ctx.clock(), ctx.sleeper()).build();
    }

    /** A poller on one environment of a release: succeeded/partiallySucceeded, or failed when rejected/canceled. */
    public Poller<ReleaseEnvironment> pollEnvironment(String project, long releaseId, long environmentId) {
        return Poller.builder("release:" + releaseId + "/environment:" + environmentId,
                "release " + releaseId + " environment " + environmentId, () -> {
                    ReleaseEnvironment e = getEnvironment(project, releaseId, environmentId);
                    if (!e.isTerminal()) {
                        return PollResponse.inProgress(e);
                    }
                    return e.isFailed() ? PollResponse.failed(e, "environment " + e.name() + " " + e.status()) : PollResponse.succeeded(e);
                }).interval(ctx.pollInterval(), ctx.pollInterval().multipliedBy(10)).timing(ctx.clock(), ctx.sleeper()).build();
    }

    /** One environment of a release. */
    public ReleaseEnvironment getEnvironment(String project, long releaseId, long environmentId) {
        return ctx.vsrm().send(version(ApiRequest.get(seg(project) + "/_apis/release/releases/" + releaseId + "/environments/"
                + environmentId), ENVIRONMENTS_VERSION).operation("releases.getEnvironment").build(), ReleaseEnvironment.class);
    }

    /** Starts a (manual) environment: {@code PATCH} with {@code {"status": "inProgress", "comment"}}. */
    public ReleaseEnvironment startEnvironment(String project, long releaseId, long environmentId, String comment) {
        Map<String, Object> body = comment == null ? Map.of("status", "inProgress") : Map.of("status", "inProgress", "comment", comment);
        return ctx.vsrm().send(version(ApiRequest.patch(seg(project) + "/_apis/release/releases/" + releaseId + "/environments/"
                + environmentId), ENVIRONMENTS_VERSION).json(body).operation("releases.startEnvironment").build(), ReleaseEnvironment.class);
    }

    /** Pending approvals of a project, optionally of one release. */
    public Paged<Approval> listPendingApprovals(String project, Long releaseId) {
        ApiRequest first = version(ApiRequest.get(seg(project) + "/_apis/release/approvals"), APPROVALS_VERSION)
                .query("statusFilter", "pending").query("releaseIdsFilter", releaseId).operation("releases.listApprovals").build();
        return Paged.continuationHeader(ctx.vsrm(), first, "x-ms-continuationtoken", "continuationToken", Approval.class);
    }

    /** Approves an approval, with comments or null ({@code PATCH _apis/release/approvals/{id}}). */
    public Approval approve(String project, long approvalId, String comments) {
        return updateApproval(project, approvalId, ApprovalStatus.APPROVED, comments, "releases.approve");
    }

    /** Rejects an approval, with comments or null; the gated environment ends {@code rejected}. */
    public Approval reject(String project, long approvalId, String comments) {
        return updateApproval(project, approvalId, ApprovalStatus.REJECTED, comments, "releases.reject");
    }

    private Approval updateApproval(String project, long approvalId, ApprovalStatus status, String comments, String operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (comments != null) {
            body.put("comments", comments);
        }
        return ctx.vsrm().send(version(ApiRequest.patch(seg(project) + "/_apis/release/approvals/" + approvalId), APPROVALS_VERSION)
                .json(body).operation(operation).build(), Approval.class);
    }
}
