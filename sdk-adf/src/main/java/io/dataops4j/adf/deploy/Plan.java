package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.AdfObject;
import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.Diagnostic;
import io.dataops4j.adf.internal.Access;
import io.dataops4j.core.json.RawJson;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned deployment: what will be created, updated (with the diff), deleted or left alone, which triggers
 * are stopped before and started after. Print it, inspect it, then {@link #apply(DeploymentListener)} it.
 *
 * <pre>{@code
 * Plan plan = AdfDeployment.fromFolder(root).stage("prod").plan(adf);
 * plan.print(System.out);
 * if (plan.hasChanges()) plan.apply(DeploymentListener.NONE);
 * }</pre>
 */
public final class Plan {
    private static final Logger LOG = LoggerFactory.getLogger(Plan.class);

    private final AdfClient client;
    private final PublishOptions options;
    private final String sourceName;
    private final List<ObjectChange> changes;
    private final List<List<AdfObject>> deployLevels;
    private final AdfObject globalParameters;
    private final List<AdfDeployment.Target.Obj> deletes;
    private final Triggers triggers;
    private final List<Diagnostic> diagnostics;
    private final String createFactoryIn;
    private final DeploymentState state;
    private final List<AdfObject> record;

    Plan(AdfClient client, PublishOptions options, String sourceName, List<ObjectChange> changes, List<List<AdfObject>> deployLevels,
         AdfObject globalParameters, List<AdfDeployment.Target.Obj> deletes, Triggers triggers, List<Diagnostic> diagnostics,
         String createFactoryIn, DeploymentState state, List<AdfObject> record) {
        this.client = client;
        this.options = options;
        this.sourceName = sourceName;
        List<ObjectChange> sorted = new ArrayList<>(changes);
        sorted.sort((a, b) -> a.fullName().compareToIgnoreCase(b.fullName()));
        this.changes = Collections.unmodifiableList(sorted);
        this.deployLevels = deployLevels;
        this.globalParameters = globalParameters;
        this.deletes = deletes;
        this.triggers = triggers;
        this.diagnostics = List.copyOf(diagnostics);
        this.createFactoryIn = createFactoryIn;
        this.state = state;
        this.record = record;
    }

    /** Every object's planned change, sorted by {@code type.name}. */
    public List<ObjectChange> changes() {
        return changes;
    }

    /** The changes of one kind. */
    public List<ObjectChange> changes(ObjectChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Triggers stopped before the deployment. */
    public List<String> triggersToStop() {
        return List.copyOf(triggers.stops);
    }

    /** Triggers started after the deployment. */
    public List<String> triggersToStart() {
        return List.copyOf(triggers.starts);
    }

    /** The objects to PUT, level by level (each level in parallel). */
    public List<List<String>> deployLevels() {
        return deployLevels.stream().map(l -> l.stream().map(AdfObject::fullName).toList()).toList();
    }

    /** The objects to delete, in order. */
    public List<String> deleteOrder() {
        return deletes.stream().map(AdfDeployment.Target.Obj::fullName).toList();
    }

    /** Warnings found while planning (and while applying the stage config). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether applying would change anything. */
    public boolean hasChanges() {
        return !deployLevels.isEmpty() || globalParameters != null || !deletes.isEmpty() || !triggers.stops.isEmpty()
                || !triggers.starts.isEmpty() || createFactoryIn != null;
    }

    /** "Plan: 2 to add, 1 to change, 0 to destroy." and the trigger counts. */
    public String summary() {
        return "Plan: " + changes(ObjectChange.Kind.CREATE).size() + " to add, " + changes(ObjectChange.Kind.UPDATE).size() + " to change, "
                + changes(ObjectChange.Kind.DELETE).size() + " to destroy. " + changes(ObjectChange.Kind.UNCHANGED).size() + " unchanged, "
                + changes(ObjectChange.Kind.SKIPPED).size() + " not deployed. Triggers: " + triggers.stops.size() + " to stop, "
                + triggers.starts.size() + " to start.";
    }

    /** Prints the plan like {@code terraform plan}. */
    public void print(PrintStream out) {
        out.print(render());
    }

    /** The printed plan. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("dataops4j ADF plan: ").append(sourceName).append(" -> ").append(client.factoryId()).append('\n');
        if (createFactoryIn != null) {
            sb.append("\n  # the factory does not exist: it will be created in ").append(createFactoryIn).append('\n');
        }
        for (ObjectChange.Kind k : List.of(ObjectChange.Kind.CREATE, ObjectChange.Kind.UPDATE, ObjectChange.Kind.DELETE)) {
            for (ObjectChange c : changes(k)) {
                sb.append("\n  # ").append(c.fullName()).append(' ').append(k.phrase());
                if (c.type() == AdfObjectType.FACTORY) {
                    sb.append(" (global parameters)");
                }
                sb.append('\n').append("  ").append(k.symbol()).append(' ').append(c.fullName()).append('\n');
                for (String line : c.diff()) {
                    sb.append("      ").append(line).append('\n');
                }
            }
        }
        if (!triggers.stops.isEmpty() || !triggers.starts.isEmpty()) {
            sb.append('\n');
            if (!triggers.stops.isEmpty()) {
                sb.append("  triggers stopped before: ").append(String.join(", ", triggers.stops)).append('\n');
            }
            if (!triggers.starts.isEmpty()) {
                sb.append("  triggers started after:  ").append(String.join(", ", triggers.starts)).append('\n');
            }
        }
        List<ObjectChange> quiet = new ArrayList<>(changes(ObjectChange.Kind.UNCHANGED));
        quiet.addAll(changes(ObjectChange.Kind.SKIPPED));
        if (!quiet.isEmpty()) {
            sb.append("\n  = unchanged / not deployed:\n");
            for (ObjectChange c : quiet) {
                sb.append("    ").append(c.kind() == ObjectChange.Kind.UNCHANGED ? "= " : "  ").append(c.fullName())
                        .append(c.reason() == null ? "" : " (" + c.reason() + ")").append('\n');
            }
        }
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Diagnostic.Severity.WARNING) {
                sb.append("\n  ").append(d);
            }
        }
        if (diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING)) {
            sb.append('\n');
        }
        sb.append('\n').append(summary()).append('\n');
        return sb.toString();
    }

    /**
     * Applies the plan: stop triggers, global parameters, objects level by level (in parallel within a level),
     * deletions (reverse dependency order), the incremental state, then start triggers (storage-event triggers are
     * unsubscribed from events before they stop and subscribed before they start; a start is tried again while the
     * trigger is still provisioning).
     *
     * @throws AdfException when a step fails: nothing further is changed, and the message names the triggers left
     *                      stopped; or, once everything else is done, when a trigger did not start (naming it)
     */
    public DeploymentResult apply(DeploymentListener listener) {
        DeploymentListener l = listener == null ? DeploymentListener.NONE : listener;
        int total = (createFactoryIn == null ? 0 : 1) + triggers.stops.size() + (globalParameters == null ? 0 : 1)
                + deployLevels.stream().mapToInt(List::size).sum() + deletes.size() + triggers.starts.size()
                + (state != null && options.incrementalState() != null ? 1 : 0);
        AtomicInteger done = new AtomicInteger();
        List<String> deployed = Collections.synchronizedList(new ArrayList<>());
        List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<String> warnings = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).map(Diagnostic::toString).toList();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        try {
            if (createFactoryIn != null) {
                step(l, done, total, "create-factory", client.factoryId().name(), () -> client.resources().createFactory(createFactoryIn));
            }
            runAll(pool, l, done, total, "stop-trigger", triggers.stops, name -> {
                if (triggers.eventTriggers.contains(name.toLowerCase(Locale.ROOT))) {
                    // as Microsoft's PrePostDeploymentScript: unsubscribe from events (until Disabled), then stop
                    client.triggers().unsubscribeFromEvents(name).waitForCompletion(options.operationTimeout());
                    client.triggers().awaitUnsubscription(name).waitForCompletion(options.operationTimeout());
                }
                client.triggers().stop(name).waitForCompletion(options.operationTimeout());
                stopped.add(name);
            }, stopped);
            if (globalParameters != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("properties", ((Map<?, ?>) Access.body(globalParameters).get("properties")).get("globalParameters"));
                step(l, done, total, "global-parameters", globalParameters.fullName(),
                        () -> client.resources().putGlobalParameters(new RawJson(io.dataops4j.adf.internal.JsonTree.write(body))));
                deployed.add(globalParameters.fullName());
            }
            for (List<AdfObject> level : deployLevels) {
                runAll(pool, l, done, total, "deploy", level.stream().map(AdfObject::fullName).toList(), fullName -> {
                    AdfObject o = level.stream().filter(x -> x.fullName().equals(fullName)).findFirst().orElseThrow();
                    client.resources().beginPut(o.type(), o.name(), o.deployBody()).waitForCompletion(options.operationTimeout());
                    deployed.add(fullName);
                }, stopped);
            }
            int maxLevel = deletes.stream().mapToInt(t -> t.deleteLevel).max().orElse(-1);
            for (int lv = 0; lv <= maxLevel; lv++) {
                final int current = lv;
                List<AdfDeployment.Target.Obj> batch = deletes.stream().filter(t -> t.deleteLevel == current).toList();
                runAll(pool, l, done, total, "delete", batch.stream().map(AdfDeployment.Target.Obj::fullName).toList(), fullName -> {
                    AdfDeployment.Target.Obj t = batch.stream().filter(x -> x.fullName().equals(fullName)).findFirst().orElseThrow();
                    client.resources().delete(t.type(), t.name());
                    deleted.add(fullName);
                }, stopped);
            }
            if (state != null && options.incrementalState() != null) {
                String where = options.incrementalState().location();
                step(l, done, total, "state", where, () -> options.incrementalState().save(client.factoryId().name(),
                        state.updated(record, deleted, Instant.now())));
            }
            List<Diagnostic> startFailures = Collections.synchronizedList(new ArrayList<>());
            List<String> notStarted = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> starts = new ArrayList<>();
            for (String name : triggers.starts) {
                starts.add(pool.submit(() -> {
                    l.onEvent(new DeploymentEvent("start-trigger", "trigger." + name, DeploymentEvent.Status.STARTED, null, done.get(), total));
                    try {
                        if (triggers.eventTriggers.contains(name.toLowerCase(Locale.ROOT))) {
                            client.triggers().subscribeToEvents(name).waitForCompletion(options.operationTimeout());
                            client.triggers().awaitSubscription(name).waitForCompletion(options.operationTimeout());
                        }
                        client.triggers().startRetrying(name, options.triggerStartAttempts(), options.triggerStartWait(),
                                options.operationTimeout());
                        started.add(name);
                        l.onEvent(new DeploymentEvent("start-trigger", "trigger." + name, DeploymentEvent.Status.DONE, null, done.incrementAndGet(), total));
                    } catch (RuntimeException e) {
                        // the other triggers are still started; the deployment then fails naming this one (the tool
                        // only warns, and a trigger left stopped goes unnoticed: its #484)
                        String why = e.getMessage() != null && e.getMessage().startsWith("trigger " + name)
                                ? e.getMessage() : "trigger " + name + " did not start: " + e.getMessage();
                        startFailures.add(Diagnostic.error("ADFX0131", why, null, 0, null));
                        notStarted.add(name);
                        LOG.warn("{}", why);
                        l.onEvent(new DeploymentEvent("start-trigger", "trigger." + name, DeploymentEvent.Status.FAILED, e.getMessage(),
                                done.incrementAndGet(), total));
                    }
                }));
            }
            for (Future<?> f : starts) {
                await(f);
            }
            if (!startFailures.isEmpty()) {
                List<String> names = List.copyOf(notStarted);
                throw new AdfException("the deployment is complete (" + deployed.size() + " deployed, " + deleted.size() + " deleted), but "
                        + (names.size() == 1 ? "trigger " + names.get(0) + " did not start" : "triggers " + names + " did not start"),
                        List.copyOf(startFailures));
            }
        } finally {
            pool.shutdownNow();
        }
        return new DeploymentResult(deployed, deleted, stopped, started, warnings);
    }

    private void step(DeploymentListener l, AtomicInteger done, int total, String action, String target, Runnable r) {
        l.onEvent(new DeploymentEvent(action, target, DeploymentEvent.Status.STARTED, null, done.get(), total));
        try {
            r.run();
        } catch (RuntimeException e) {
            l.onEvent(new DeploymentEvent(action, target, DeploymentEvent.Status.FAILED, e.getMessage(), done.get(), total));
            throw new AdfException(action + " of " + target + " failed: " + e.getMessage(), List.of(Diagnostic.error("ADFX0130",
                    action + " " + target + ": " + e.getMessage(), null, 0, null)));
        }
        l.onEvent(new DeploymentEvent(action, target, DeploymentEvent.Status.DONE, null, done.incrementAndGet(), total));
    }

    /** Runs one batch in parallel; on any failure waits for the rest of the batch, then throws naming every failure. */
    private void runAll(ExecutorService pool, DeploymentListener l, AtomicInteger done, int total, String action, List<String> targets,
                        java.util.function.Consumer<String> work, List<String> stopped) {
        List<Future<?>> futures = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String t : targets) {
            String label = action.endsWith("trigger") ? "trigger." + t : t;
            labels.add(label);
            Callable<Void> c = () -> {
                l.onEvent(new DeploymentEvent(action, label, DeploymentEvent.Status.STARTED, null, done.get(), total));
                try {
                    work.accept(t);
                } catch (RuntimeException e) {
                    l.onEvent(new DeploymentEvent(action, label, DeploymentEvent.Status.FAILED, e.getMessage(), done.get(), total));
                    throw e;
                }
                l.onEvent(new DeploymentEvent(action, label, DeploymentEvent.Status.DONE, null, done.incrementAndGet(), total));
                return null;
            };
            futures.add(pool.submit(c));
        }
        List<Diagnostic> failures = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                await(futures.get(i));
            } catch (RuntimeException e) {
                failures.add(Diagnostic.error("ADFX0130", action + " " + labels.get(i) + ": " + e.getMessage(), null, 0, null));
            }
        }
        if (!failures.isEmpty()) {
            List<String> left;
            synchronized (stopped) {
                left = List.copyOf(stopped);
            }
            throw new AdfException("the deployment failed at " + action + (left.isEmpty() ? "" : "; triggers left stopped: " + left), failures);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.dataops4j.core.error.DataOpsException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new io.dataops4j.core.error.DataOpsException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    @Override
    public String toString() {
        return summary();
    }
}
