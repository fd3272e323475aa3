package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.transfer.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to do with one source run given its copies in the target.
 *
 * @param action    create, update in place, replace, or skip
 * @param keep      the copy kept (updated or skipped), or null
 * @param supersede copies to mark superseded and delete (half copies, duplicates, the copy a replace replaces)
 */
public record Decision(Action action, Copy keep, List<Copy> supersede) {
    public Decision {
        supersede = List.copyOf(supersede);
    }

    /**
     * Decides. A complete copy whose write-once part (start time, params, metrics) matches is kept: skipped when
     * everything matches, updated when only the changeable part, the parent link or the lifecycle differ, or when
     * duplicates must be cleaned up. Anything else is replaced.
     *
     * @param copies       the copies found in the target
     * @param source       the source run's fingerprint
     * @param targetParent the parent link the copy must have, or null
     * @param checkParent  whether the parent link is known (a plan does not resolve parents)
     * @param lifecycle    the source run's lifecycle stage, which the copy must have
     */
    public static Decision decide(List<Copy> copies, Fingerprint source, String targetParent, boolean checkParent,
                                  LifecycleStage lifecycle) {
        List<Copy> stale = new ArrayList<>();
        List<Copy> live = new ArrayList<>();
        for (Copy c : copies) {
            if (c.superseded()) {
                if (c.lifecycle() != LifecycleStage.DELETED) {
                    stale.add(c);   // a crash left it active
                }
            } else {
                live.add(c);
            }
        }
        if (live.isEmpty()) {
            return new Decision(Action.CREATE, null, stale);
        }
        Copy keep = null;
        for (Copy c : live) {
            if (c.complete() && c.fingerprint() != null && c.fingerprint().data().equals(source.data())) {
                keep = c;
                break;
            }
        }
        List<Copy> others = new ArrayList<>(stale);
        for (Copy c : live) {
            if (c != keep) {
                others.add(c);
            }
        }
        if (keep == null) {
            return new Decision(Action.REPLACE, null, others);
        }
        boolean same = keep.fingerprint().meta().equals(source.meta())
                && (!checkParent || Objects.equals(keep.parentId(), targetParent))
                && others.isEmpty()
                && (lifecycle == null || keep.lifecycle() == null || keep.lifecycle() == lifecycle);
        return new Decision(same ? Action.SKIP : Action.UPDATE, keep, others);
    }
}
