package io.dataops4j.devops.releases;

import io.dataops4j.devops.Ref;

/**
 * A release approval ({@code _apis/release/approvals}).
 *
 * @param id                 the approval id
 * @param status             the status ({@link ApprovalStatus#UNKNOWN} for a value this SDK does not know)
 * @param approvalType       {@code preDeploy|postDeploy}
 * @param comments           the comments, or null
 * @param release            the release
 * @param releaseEnvironment the environment it gates
 */
public record Approval(long id, ApprovalStatus status, String approvalType, String comments, Ref release, Ref releaseEnvironment) {
}
