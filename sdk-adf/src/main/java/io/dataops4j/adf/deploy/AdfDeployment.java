package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.config.ConfigOptions;
import io.dataops4j.adf.config.ConfigResult;
import io.dataops4j.adf.config.StageConfig;
import io.dataops4j.adf.internal.Access;
import io.dataops4j.adf.internal.Graph;
import io.dataops4j.adf.internal.JsonTree;
import io.dataops4j.adf.internal.References;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.RawJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Continuous deployment of a Data Factory from source (Git folder or ARM template) to a target factory, with
 * azure.datafactory.tools' semantics (stage config, selective deployment, trigger stop/start methods,
 * delete-not-in-source, incremental state) planned first against the target as it is, then applied: objects of
 * one dependency level in parallel, triggers stopped before they are changed or deleted and started after,
 * global parameters through {@code globalParameters/default} (the factory itself is never PUT), deletions in
 * reverse dependency order computed from the references (never by retrying).
 *
 * <pre>{@code
 * Plan plan = AdfDeployment.fromFolder(Path.of("adf")).stage("prod")
 *     .options(o -> o.deleteNotInSource(true).triggerStop(TriggerStopMethod.DEPLOYABLE_ONLY))
 *     .plan(adfClient);
 * plan.print(System.out);                                 // like terraform plan
 * DeploymentResult r = plan.apply(e -> log.info("{} {} {}", e.action(), e.target(), e.status()));
 * }</pre>
 */
public final class AdfDeployment {
    private final AdfFactory source;
    private final Path root;
    private final String stage;
    private final PublishOptions options;
    private final Environment environment;

    private AdfDeployment(AdfFactory source, Path root, String stage, PublishOptions options, Environment environment) {
        this.source = source;
        this.root = root;
        this.stage = stage;
        this.options = options;
        this.environment = environment;
    }

    /** From an ADF Git folder. */
    public static AdfDeployment fromFolder(Path root) {
        return new AdfDeployment(AdfFactory.load(root), root, null, PublishOptions.defaults(), Environment.system());
    }

    /** From a factory already loaded (a folder, an ARM template pair, or a config already applied). */
    public static AdfDeployment fromFactory(AdfFactory factory) {
        return new AdfDeployment(factory, factory.root().orElse(null), null, PublishOptions.defaults(), Environment.system());
    }

    /** The stage: a name ({@code deployment/config-{stage}.csv}) or a {@code .csv}/{@code .json} file. */
    public AdfDeployment stage(String stage) {
        return new AdfDeployment(source, root, stage, options, environment);
    }

    public AdfDeployment options(PublishOptions options) {
        return new AdfDeployment(source, root, stage, Objects.requireNonNull(options, "options"), environment);
    }

    /** Changes the options from the current ones. */
    public AdfDeployment options(Consumer<PublishOptions.Builder> change) {
        PublishOptions.Builder b = options.toBuilder();
        change.accept(b);
        return options(b.build());
    }

    /** Where {@code $Env:NAME} in config values is read from (the process environment by default). */
    public AdfDeployment environment(Environment env) {
        return new AdfDeployment(source, root, stage, options, Objects.requireNonNull(env, "env"));
    }

    /**
     * The factory as it would be deployed (stage config applied), offline.
     *
     * @throws AdfException when loading or the config found errors
     */
    public AdfFactory prepare() {
        return prepared(new ArrayList<>());
    }

    private AdfFactory prepared(List<Diagnostic> d) {
        if (source.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            throw new AdfException("the factory source has errors", source.diagnostics());
        }
        d.addAll(source.diagnostics());
        if (stage == null) {
            return source;
        }
        Path file = StageConfig.resolve(root == null ? Path.of(".") : root, stage);
        ConfigResult r = StageConfig.load(file).applyTo(source, new ConfigOptions(options.failsWhenConfigItemNotFound(),
                options.failsWhenPathNotFound(), environment));
        r.throwIfErrors();
        d.addAll(r.diagnostics());
        return r.factory();
    }

    /**
     * Reads the target factory (every collection, following nextLink) and plans the deployment. Nothing is
     * written.
     *
     * @throws AdfException when the source, the config or the plan has errors
     */
    public Plan plan(AdfClient client) {
        List<Diagnostic> d = new ArrayList<>();
        AdfFactory factory = prepared(d);
        Graph graph = Graph.of(factory);
        List<AdfObject> cycle = graph.findCycle();
        if (cycle != null) {
            throw new AdfException("cannot order the deployment", graph.diagnostics(true));
        }
        DeploymentState state = options.incrementalDeployment() ? options.incrementalState().load(client.factoryId().name()) : null;

        // selection
        Set<AdfObject> selected = new LinkedHashSet<>();
        for (AdfObject o : factory.objects()) {
            if (options.isSelected(o.fullName(), o.folder())) {
                selected.add(o);
            }
        }
        for (AdfObject o : selected) {
            for (References.Ref r : graph.missing(o)) {
                String msg = "Referenced object [" + r.type().configName() + "].[" + r.name() + "] was not found (referenced by " + o.fullName() + ")";
                d.add(options.ignoreLackOfReferencedObject()
                        ? Diagnostic.warning("ADFT0006", msg + ". No error raised as user wanted to carry on.", o.file().orElse(null), 0, r.jsonPath())
                        : Diagnostic.error("ADFT0005", msg + ".", o.file().orElse(null), 0, r.jsonPath()));
            }
        }

        Target target = Target.read(client, options);
        boolean factoryMissing = target.factoryMissing;
        if (factoryMissing && options.createFactoryIn() == null) {
            d.add(Diagnostic.error("ADFT0027", "Azure Data Factory instance does not exist: " + client.factoryId()
                    + " (createFactoryIn(location) creates it)", null, 0, null));
        }

        Map<AdfObject, Integer> level = new HashMap<>();
        List<List<AdfObject>> levels = graph.levels();
        for (int i = 0; i < levels.size(); i++) {
            for (AdfObject o : levels.get(i)) {
                level.put(o, i);
            }
        }

        List<ObjectChange> changes = new ArrayList<>();
        Map<AdfObject, ObjectChange.Kind> kinds = new LinkedHashMap<>();
        AdfObject globalParams = null;
        for (AdfObject o : factory.objects()) {
            if (o.type() == AdfObjectType.FACTORY) {
                Object gp = Access.body(o).get("properties") instanceof Map<?, ?> p ? p.get("globalParameters") : null;
                if (gp == null) {
                    continue;
                }
                if (!options.deployGlobalParams()) {
                    changes.add(new ObjectChange(o.type(), o.name(), ObjectChange.Kind.SKIPPED, -1, List.of(), "DeployGlobalParams is off"));
                    continue;
                }
                if (!selected.contains(o)) {
                    changes.add(new ObjectChange(o.type(), o.name(), ObjectChange.Kind.SKIPPED, -1, List.of(), "excluded by the rules"));
                    continue;
                }
                Map<String, Object> have = target.globalParameters;
                List<String> diff = Diff.lines("properties", have, gp);
                ObjectChange.Kind k = have == null ? ObjectChange.Kind.CREATE : diff.isEmpty() ? ObjectChange.Kind.UNCHANGED : ObjectChange.Kind.UPDATE;
                changes.add(new ObjectChange(o.type(), o.name(), k, -1, have == null ? List.of() : diff,
                        k == ObjectChange.Kind.UNCHANGED ? "same as the target" : "global parameters (globalParameters/default)"));
                if (k != ObjectChange.Kind.UNCHANGED) {
                    globalParams = o;
                }
                continue;
            }
            if (!selected.contains(o)) {
                changes.add(new ObjectChange(o.type(), o.name(), ObjectChange.Kind.SKIPPED, level.get(o), List.of(), "excluded by the rules"));
                kinds.put(o, ObjectChange.Kind.SKIPPED);
                continue;
            }
            if (state != null && state.isUnchanged(o)) {
                changes.add(new ObjectChange(o.type(), o.name(), ObjectChange.Kind.UNCHANGED, level.get(o), List.of(),
                        "unchanged since the last deployment (incremental state)"));
                kinds.put(o, ObjectChange.Kind.UNCHANGED);
                continue;
            }
            Map<String, Object> t = target.get(o.type(), o.name());
            if (t == null) {
                changes.add(new ObjectChange(o.type(), o.name(), ObjectChange.Kind.CREATE, level.get(o), List.of(), null));
                kinds.put(o, ObjectChange.Kind.CREATE);
                continue;
            }
            List<String> diff = Diff.lines("properties", Diff.comparable(o.type(), t.get("properties")),
                    Diff.comparable(o.type(), Access.body(o).get("properties")));
            ObjectChange.Kind k = diff.isEmpty() ? ObjectChange.Kind.UNCHANGED : ObjectChange.Kind.UPDATE;
            changes.add(new ObjectChange(o.type(), o.name(), k, level.get(o), diff, k == ObjectChange.Kind.UNCHANGED ? "same as the target" : null));
            kinds.put(o, k);
            if (k == ObjectChange.Kind.UPDATE && o.type() == AdfObjectType.MANAGED_PRIVATE_ENDPOINT) {
                d.add(Diagnostic.warning("ADFX0121", "managed private endpoint " + o.name()
                        + " exists with other properties: the service refuses to change an existing endpoint (delete it first)",
                        o.file().orElse(null), 0, null));
            }
        }
        // references to objects neither deployed nor in the target
        for (Map.Entry<AdfObject, ObjectChange.Kind> e : kinds.entrySet()) {
            if (e.getValue() != ObjectChange.Kind.CREATE && e.getValue() != ObjectChange.Kind.UPDATE) {
                continue;
            }
            for (AdfObject dep : graph.dependencies(e.getKey())) {
                ObjectChange.Kind dk = kinds.get(dep);
                if (dk == ObjectChange.Kind.SKIPPED && target.get(dep.type(), dep.name()) == null) {
                    d.add(Diagnostic.warning("ADFX0120", e.getKey().fullName() + " references " + dep.fullName()
                            + ", which is excluded from this deployment and does not exist in the target", null, 0, null));
                }
            }
        }

        // deletions
        List<Target.Obj> deletes = new ArrayList<>();
        if (options.deleteNotInSource()) {
            List<Target.Obj> candidates = new ArrayList<>();
            for (Target.Obj t : target.all()) {
                if (!Target.DELETABLE.contains(t.type()) || factory.find(t.type(), t.name()).isPresent()) {
                    continue;
                }
                if (options.doNotDeleteExcludedObjects() && options.isExcluded(t.fullName(), "")) {
                    changes.add(new ObjectChange(t.type(), t.name(), ObjectChange.Kind.SKIPPED, -1, List.of(),
                            "not in source, kept: excluded (DoNotDeleteExcludedObjects)"));
                    continue;
                }
                candidates.add(t);
            }
            deletes = DeleteOrder.compute(candidates, target, factory, kinds, d);
            for (Target.Obj t : deletes) {
                changes.add(new ObjectChange(t.type(), t.name(), ObjectChange.Kind.DELETE, t.deleteLevel, List.of(), "not in source"));
            }
        }
        Set<String> deleted = new HashSet<>();
        deletes.forEach(t -> deleted.add(t.key()));

        // triggers
        Triggers triggers = Triggers.plan(factory, target, kinds, deleted, options, d);

        List<Diagnostic> all = new ArrayList<>(d);
        if (all.stream().anyMatch(Diagnostic::isError)) {
            throw new AdfException("the deployment cannot be planned", all);
        }
        List<List<AdfObject>> deployLevels = new ArrayList<>();
        for (List<AdfObject> l : levels) {
            List<AdfObject> put = l.stream().filter(o -> kinds.get(o) == ObjectChange.Kind.CREATE || kinds.get(o) == ObjectChange.Kind.UPDATE).toList();
            if (!put.isEmpty()) {
                deployLevels.add(put);
            }
        }
        List<AdfObject> record = new ArrayList<>();
        kinds.forEach((o, k) -> {
            if (k != ObjectChange.Kind.SKIPPED) {
                record.add(o);
            }
        });
        return new Plan(client, options, factory.name(), changes, deployLevels, globalParams, deletes, triggers,
                all, factoryMissing ? options.createFactoryIn() : null, state, record);
    }

    /** The target factory as read. */
    static final class Target {
        static final Set<AdfObjectType> DELETABLE = Set.of(AdfObjectType.LINKED_SERVICE, AdfObjectType.PIPELINE, AdfObjectType.DATASET,
                AdfObjectType.DATAFLOW, AdfObjectType.TRIGGER, AdfObjectType.INTEGRATION_RUNTIME, AdfObjectType.CREDENTIAL);

        /** One target object. */
        static final class Obj {
            final AdfObjectType type;
            final String name;
            final Map<String, Object> body;
            int deleteLevel = -1;

            Obj(AdfObjectType type, String name, Map<String, Object> body) {
                this.type = type;
                this.name = name;
                this.body = body;
            }

            AdfObjectType type() {
                return type;
            }

            String name() {
                return name;
            }

            String fullName() {
                return type.configName() + "." + name;
            }

            String key() {
                return type.configName() + "." + name.toLowerCase(Locale.ROOT);
            }

            String runtimeState() {
                return body.get("properties") instanceof Map<?, ?> p && p.get("runtimeState") instanceof String s ? s : "Stopped";
            }

            String triggerType() {
                return body.get("properties") instanceof Map<?, ?> p && p.get("type") instanceof String s ? s : "";
            }
        }

        final Map<AdfObjectType, Map<String, Obj>> objects = new EnumMap<>(AdfObjectType.class);
        Map<String, Object> globalParameters;
        boolean factoryMissing;

        Map<String, Object> get(AdfObjectType type, String name) {
            Obj o = objects.getOrDefault(type, Map.of()).get(name.toLowerCase(Locale.ROOT));
            return o == null ? null : o.body;
        }

        Obj obj(AdfObjectType type, String name) {
            return objects.getOrDefault(type, Map.of()).get(name.toLowerCase(Locale.ROOT));
        }

        List<Obj> all() {
            List<Obj> out = new ArrayList<>();
            objects.values().forEach(m -> out.addAll(m.values()));
            return out;
        }

        @SuppressWarnings("unchecked")
        static Target read(AdfClient client, PublishOptions options) {
            Target t = new Target();
            if (client.resources().factory().isEmpty()) {
                t.factoryMissing = true;
                return t;
            }
            List<AdfObjectType> types = new ArrayList<>();
            for (AdfObjectType ty : AdfObjectType.values()) {
                if (ty != AdfObjectType.FACTORY && ty != AdfObjectType.MANAGED_PRIVATE_ENDPOINT) {
                    types.add(ty);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), types.size() + 1));
            try {
                Map<AdfObjectType, Future<List<RawJson>>> lists = new EnumMap<>(AdfObjectType.class);
                for (AdfObjectType ty : types) {
                    lists.put(ty, pool.submit(() -> client.resources().list(ty).toList()));
                }
                Future<Object> gp = pool.submit(() -> client.resources().globalParameters()
                        .map(r -> ((Map<?, ?>) JsonTree.parse(r.json())).get("properties")).orElse(null));
                for (Map.Entry<AdfObjectType, Future<List<RawJson>>> e : lists.entrySet()) {
                    put(t, e.getKey(), get(e.getValue()));
                }
                Object gpv = get(gp);
                t.globalParameters = (Map<String, Object>) gpv;
                if (t.objects.getOrDefault(AdfObjectType.MANAGED_VIRTUAL_NETWORK, Map.of()).containsKey("default")) {
                    try {
                        put(t, AdfObjectType.MANAGED_PRIVATE_ENDPOINT, client.resources().list(AdfObjectType.MANAGED_PRIVATE_ENDPOINT).toList());
                    } catch (ResourceNotFoundException e) {
                        // no endpoints
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            return t;
        }

        @SuppressWarnings("unchecked")
        private static void put(Target t, AdfObjectType type, List<RawJson> items) {
            Map<String, Obj> m = t.objects.computeIfAbsent(type, k -> new LinkedHashMap<>());
            for (RawJson r : items) {
                Object v = JsonTree.parse(r.json());
                if (v instanceof Map<?, ?> body && body.get("name") instanceof String n) {
                    m.put(n.toLowerCase(Locale.ROOT), new Obj(type, n, (Map<String, Object>) body));
                }
            }
        }

        private static <T> T get(Future<T> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.dataops4j.core.error.DataOpsException("interrupted while reading the target factory", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new io.dataops4j.core.error.DataOpsException("cannot read the target factory", e.getCause());
            }
        }
    }

    @Override
    public String toString() {
        return "AdfDeployment[" + source.name() + (stage == null ? "" : ", stage " + stage) + ", " + options + "]";
    }
}
