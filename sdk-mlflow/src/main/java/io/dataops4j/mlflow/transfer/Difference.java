package io.dataops4j.mlflow.transfer;

import java.util.Objects;

/**
 * One difference between a source and a target.
 *
 * @param kind   missing from the target, only in the target, different, or copied more than once
 * @param object what differs: {@code experiment "churn"}, {@code run 3c0f55... ("baseline") of experiment "churn"},
 *               {@code model "churn" version 2}
 * @param field  the field ({@code end_time}, {@code params.alpha}, {@code metrics.loss}, {@code artifacts/model/MLmodel}),
 *               or null for the object as a whole
 * @param source the source's value, or null
 * @param target the target's value, or null
 */
public record Difference(Kind kind, String object, String field, String source, String target) {
    /** The kinds of differences. */
    public enum Kind {
        /** In the source, not in the target. */
        MISSING,
        /** In the target, not in the source. */
        EXTRA,
        /** In both, with different values. */
        CHANGED,
        /** Copied into the target more than once. */
        DUPLICATE
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(object);
        if (field != null) {
            sb.append(' ').append(field);
        }
        switch (kind) {
            case MISSING -> sb.append(": missing in the target").append(source == null ? "" : " (source: " + source + ")");
            case EXTRA -> sb.append(": only in the target").append(target == null ? "" : " (target: " + target + ")");
            case DUPLICATE -> sb.append(": copied more than once (").append(target).append(')');
            case CHANGED -> sb.append(": source ").append(source).append(", target ").append(target);
            default -> throw new IllegalStateException();
        }
        return sb.toString();
    }
}
