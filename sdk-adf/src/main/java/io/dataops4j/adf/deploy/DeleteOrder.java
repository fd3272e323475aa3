package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.internal.Access;
import io.dataops4j.adf.internal.References;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The order of deletions, computed from the references as they will be after the deployment: an object is
 * deleted after every object that references it; one still referenced by an object that stays is not deleted
 * (a warning says by which). Never found out by retrying on "referenced by" errors.
 */
final class DeleteOrder {
    private DeleteOrder() {
    }

    static List<AdfDeployment.Target.Obj> compute(List<AdfDeployment.Target.Obj> candidates, AdfDeployment.Target target, AdfFactory factory,
                                                   Map<AdfObject, ObjectChange.Kind> kinds, List<Diagnostic> d) {
        Map<String, AdfDeployment.Target.Obj> del = new LinkedHashMap<>();
        candidates.forEach(c -> del.put(c.key(), c));
        // references of what stays: deployed source objects with their new body, the rest as the target has them
        Map<String, Set<String>> refs = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (AdfDeployment.Target.Obj t : target.all()) {
            refs.put(t.key(), keys(t.body));
            names.put(t.key(), t.fullName());
        }
        for (AdfObject o : factory.objects()) {
            ObjectChange.Kind k = kinds.get(o);
            if (k == ObjectChange.Kind.CREATE || k == ObjectChange.Kind.UPDATE) {
                String key = o.type().configName() + "." + o.name().toLowerCase(Locale.ROOT);
                refs.put(key, keys(Access.body(o)));
                names.put(key, o.fullName());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String key : new ArrayList<>(del.keySet())) {
                for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
                    if (!del.containsKey(e.getKey()) && e.getValue().contains(key)) {
                        d.add(Diagnostic.warning("ADFX0119", del.get(key).fullName() + " is not in source but is not deleted: "
                                + names.get(e.getKey()) + ", which stays, references it", null, 0, null));
                        del.remove(key);
                        changed = true;
                        break;
                    }
                }
            }
        }
        // level: 0 for objects no deletion candidate references; else one more than the highest referrer
        Map<String, Integer> level = new HashMap<>();
        for (int round = 0; round <= del.size(); round++) {
            boolean moved = false;
            for (String key : del.keySet()) {
                int l = 0;
                for (String other : del.keySet()) {
                    if (!other.equals(key) && refs.getOrDefault(other, Set.of()).contains(key)) {
                        l = Math.max(l, level.getOrDefault(other, 0) + 1);
                    }
                }
                if (level.getOrDefault(key, 0) != l) {
                    level.put(key, Math.min(l, del.size()));
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        List<AdfDeployment.Target.Obj> out = new ArrayList<>(del.values());
        for (AdfDeployment.Target.Obj o : out) {
            o.deleteLevel = level.getOrDefault(o.key(), 0);
        }
        out.sort(Comparator.comparingInt((AdfDeployment.Target.Obj o) -> o.deleteLevel).thenComparing(AdfDeployment.Target.Obj::fullName));
        return out;
    }

    private static Set<String> keys(Object body) {
        Set<String> out = new HashSet<>();
        for (References.Ref r : References.of(body)) {
            if (r.type() != null && r.name() != null) {
                out.add(r.type().configName() + "." + r.name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
