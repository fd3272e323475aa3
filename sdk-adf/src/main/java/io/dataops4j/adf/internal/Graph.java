package io.dataops4j.adf.internal;

import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The dependency graph of a factory's objects: edges from an object to the objects it references. */
public final class Graph {
    private final AdfFactory factory;
    private final Map<AdfObject, List<AdfObject>> deps = new LinkedHashMap<>();
    private final Map<AdfObject, List<References.Ref>> missing = new LinkedHashMap<>();

    private Graph(AdfFactory factory) {
        this.factory = factory;
        for (AdfObject o : factory.objects()) {
            List<AdfObject> out = new ArrayList<>();
            Set<AdfObject> seen = new HashSet<>();
            for (References.Ref r : References.of(Access.body(o))) {
                if (r.type() == null || r.name() == null) {
                    continue;
                }
                AdfObject target = factory.find(r.type(), r.name()).orElse(null);
                if (target == null) {
                    missing.computeIfAbsent(o, k -> new ArrayList<>()).add(r);
                } else if (target != o && seen.add(target)) {
                    out.add(target);
                }
            }
            deps.put(o, out);
        }
    }

    public static Graph of(AdfFactory factory) {
        return new Graph(factory);
    }

    /** The objects an object references (present in the factory). */
    public List<AdfObject> dependencies(AdfObject o) {
        return deps.getOrDefault(o, List.of());
    }

    /** References of an object to objects the factory does not hold. */
    public List<References.Ref> missing(AdfObject o) {
        return missing.getOrDefault(o, List.of());
    }

    public List<Diagnostic> diagnostics(boolean ignoreMissing) {
        List<Diagnostic> d = new ArrayList<>();
        missing.forEach((o, refs) -> {
            for (References.Ref r : refs) {
                String msg = "Referenced object [" + r.type().configName() + "].[" + r.name() + "] was not found (referenced by "
                        + o.fullName() + ")";
                d.add(ignoreMissing
                        ? Diagnostic.warning("ADFT0006", msg + ". No error raised as user wanted to carry on.", o.file().orElse(null), 0, r.jsonPath())
                        : Diagnostic.error("ADFT0005", msg + ".", o.file().orElse(null), 0, r.jsonPath()));
            }
        });
        List<AdfObject> cycle = findCycle();
        if (cycle != null) {
            d.add(Diagnostic.error("ADFX0107", "References form a cycle: " + describe(cycle), cycle.get(0).file().orElse(null), 0, null));
        }
        return d;
    }

    private static String describe(List<AdfObject> cycle) {
        StringBuilder sb = new StringBuilder();
        for (AdfObject o : cycle) {
            sb.append(o.fullName()).append(" -> ");
        }
        return sb.append(cycle.get(0).fullName()).toString();
    }

    /** One cycle, or null. */
    public List<AdfObject> findCycle() {
        Map<AdfObject, Integer> state = new HashMap<>();
        for (AdfObject start : deps.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            // iterative DFS with an explicit stack of (node, next child index)
            List<AdfObject> stack = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            stack.add(start);
            idx.add(0);
            state.put(start, 1);
            while (!stack.isEmpty()) {
                int top = stack.size() - 1;
                AdfObject node = stack.get(top);
                List<AdfObject> children = dependencies(node);
                int i = idx.get(top);
                if (i < children.size()) {
                    idx.set(top, i + 1);
                    AdfObject c = children.get(i);
                    Integer s = state.get(c);
                    if (s == null) {
                        state.put(c, 1);
                        stack.add(c);
                        idx.add(0);
                    } else if (s == 1) {
                        return new ArrayList<>(stack.subList(stack.indexOf(c), stack.size()));
                    }
                } else {
                    state.put(node, 2);
                    stack.remove(top);
                    idx.remove(top);
                }
            }
        }
        return null;
    }

    /** Levels: level 0 references nothing in the factory; level n references only levels below n. */
    public List<List<AdfObject>> levels() {
        List<AdfObject> cycle = findCycle();
        if (cycle != null) {
            throw new AdfException("cannot order the deployment", List.of(Diagnostic.error("ADFX0107",
                    "References form a cycle: " + describe(cycle), cycle.get(0).file().orElse(null), 0, null)));
        }
        Map<AdfObject, Integer> level = new HashMap<>();
        List<List<AdfObject>> out = new ArrayList<>();
        for (AdfObject o : deps.keySet()) {
            levelOf(o, level);
        }
        for (AdfObject o : deps.keySet()) {
            int l = level.get(o);
            while (out.size() <= l) {
                out.add(new ArrayList<>());
            }
            out.get(l).add(o);
        }
        return out;
    }

    private int levelOf(AdfObject start, Map<AdfObject, Integer> level) {
        Integer known = level.get(start);
        if (known != null) {
            return known;
        }
        // iterative post-order to survive deep chains
        List<AdfObject> stack = new ArrayList<>();
        stack.add(start);
        while (!stack.isEmpty()) {
            AdfObject node = stack.get(stack.size() - 1);
            if (level.containsKey(node)) {
                stack.remove(stack.size() - 1);
                continue;
            }
            boolean ready = true;
            int max = -1;
            for (AdfObject c : dependencies(node)) {
                Integer lc = level.get(c);
                if (lc == null) {
                    ready = false;
                    stack.add(c);
                } else {
                    max = Math.max(max, lc);
                }
            }
            if (ready) {
                level.put(node, max + 1);
                stack.remove(stack.size() - 1);
            }
        }
        return level.get(start);
    }

    /** Ignored for unused warnings. */
    static String key(AdfObjectType t, String n) {
        return t.configName() + "." + n.toLowerCase(Locale.ROOT);
    }

    /** All objects that reference {@code o}, directly. */
    public Set<AdfObject> referrers(AdfObject o) {
        Set<AdfObject> out = new LinkedHashSet<>();
        deps.forEach((k, v) -> {
            if (v.contains(o)) {
                out.add(k);
            }
        });
        return out;
    }

    public AdfFactory factory() {
        return factory;
    }
}
