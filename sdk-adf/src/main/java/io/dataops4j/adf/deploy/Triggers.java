package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.internal.Access;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which triggers to stop before and start after, as Stop-Triggers.ps1 and Start-Triggers.ps1 decide (the 32 cases
 * of the tool's behaviour matrix), plus what the tool finds out only by failing: a started trigger cannot be
 * updated or deleted, so with StopStartTriggers off such a plan is refused before anything is changed.
 */
final class Triggers {
    final List<String> stops = new ArrayList<>();
    final List<String> starts = new ArrayList<>();
    final Set<String> eventTriggers = new LinkedHashSet<>();

    private Triggers() {
    }

    static boolean isEventTrigger(String type) {
        return type.equalsIgnoreCase("BlobEventsTrigger") || type.equalsIgnoreCase("CustomEventsTrigger");
    }

    static Triggers plan(AdfFactory factory, AdfDeployment.Target target, Map<AdfObject, ObjectChange.Kind> kinds, Set<String> deleted,
                         PublishOptions o, List<Diagnostic> d) {
        Triggers t = new Triggers();
        Map<String, AdfDeployment.Target.Obj> targetTriggers = target.objects.getOrDefault(AdfObjectType.TRIGGER, Map.of());
        Set<String> stopped = new LinkedHashSet<>();
        for (AdfDeployment.Target.Obj tt : targetTriggers.values()) {
            if (isEventTrigger(tt.triggerType())) {
                t.eventTriggers.add(tt.name.toLowerCase(Locale.ROOT));
            }
            if (tt.runtimeState().equalsIgnoreCase("Stopped")) {
                continue;
            }
            AdfObject src = factory.find(AdfObjectType.TRIGGER, tt.name).orElse(null);
            ObjectChange.Kind k = src == null ? null : kinds.get(src);
            boolean put = k == ObjectChange.Kind.CREATE || k == ObjectChange.Kind.UPDATE;
            boolean delete = deleted.contains(tt.key());
            boolean excluded = o.isExcluded(tt.fullName(), src == null ? "" : src.folder());
            boolean wantStopped = src != null && k != ObjectChange.Kind.SKIPPED && !"Started".equals(desired(src));
            boolean stop;
            if (!o.stopStartTriggers()) {
                stop = false;
            } else if (put || delete) {
                stop = true;
            } else if (o.triggerStop() == TriggerStopMethod.DEPLOYABLE_ONLY) {
                stop = wantStopped;
            } else {
                stop = !(excluded && o.doNotStopStartExcludedTriggers());
            }
            if (stop) {
                t.stops.add(tt.name);
                stopped.add(tt.key());
            } else if (put) {
                d.add(Diagnostic.error("ADFX0117", "trigger " + tt.name + " is started in the target and would be updated: the service refuses "
                        + "to update a started trigger (turn StopStartTriggers on)", src.file().orElse(null), 0, null));
            } else if (delete) {
                d.add(Diagnostic.error("ADFX0118", "trigger " + tt.name + " is started in the target and would be deleted: the service refuses "
                        + "to delete a started trigger (turn StopStartTriggers on)", null, 0, null));
            }
        }
        if (!o.stopStartTriggers()) {
            return t;
        }
        List<String> candidates = new ArrayList<>();
        if (o.triggerStart() == TriggerStartMethod.KEEP_PREVIOUS_STATE) {
            for (AdfDeployment.Target.Obj tt : targetTriggers.values()) {
                if (!tt.runtimeState().equalsIgnoreCase("Stopped")) {
                    candidates.add(tt.name);
                }
            }
        } else {
            for (AdfObject src : factory.objects(AdfObjectType.TRIGGER)) {
                if ("Started".equals(desired(src))) {
                    candidates.add(src.name());
                }
            }
        }
        for (String name : candidates) {
            String key = "trigger." + name.toLowerCase(Locale.ROOT);
            AdfObject src = factory.find(AdfObjectType.TRIGGER, name).orElse(null);
            AdfDeployment.Target.Obj tt = targetTriggers.get(name.toLowerCase(Locale.ROOT));
            ObjectChange.Kind k = src == null ? null : kinds.get(src);
            boolean exists = tt != null || k == ObjectChange.Kind.CREATE;
            if (o.isExcluded("trigger." + name, src == null ? "" : src.folder()) && o.doNotStopStartExcludedTriggers()) {
                continue;
            }
            if (deleted.contains(key) || !exists) {
                continue;
            }
            boolean alreadyStarted = tt != null && !tt.runtimeState().equalsIgnoreCase("Stopped") && !stopped.contains(key);
            if (alreadyStarted) {
                continue;
            }
            if (src != null && Access.body(src).get("properties") instanceof Map<?, ?> p && p.get("pipelines") instanceof List<?> l && l.isEmpty()) {
                d.add(Diagnostic.warning("ADFX0127", "trigger " + name + " is to be started but has no pipelines: the service refuses to start it; "
                        + "left stopped", src.file().orElse(null), 0, "pipelines"));
                continue;
            }
            if (src != null && Access.body(src).get("properties") instanceof Map<?, ?> p && p.get("type") instanceof String ty && isEventTrigger(ty)) {
                t.eventTriggers.add(name.toLowerCase(Locale.ROOT));
            }
            t.starts.add(src != null ? src.name() : name);
        }
        return t;
    }

    static String desired(AdfObject trigger) {
        return Access.body(trigger).get("properties") instanceof Map<?, ?> p && p.get("runtimeState") instanceof String s ? s : "Stopped";
    }
}
