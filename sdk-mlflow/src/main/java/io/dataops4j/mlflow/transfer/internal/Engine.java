package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.transfer.Action;
import io.dataops4j.mlflow.transfer.PlannedExperiment;
import io.dataops4j.mlflow.transfer.PlannedModel;
import io.dataops4j.mlflow.transfer.TransferException;
import io.dataops4j.mlflow.transfer.TransferOptions;
import io.dataops4j.mlflow.transfer.TransferResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans and applies a transfer from a {@link Source} to a {@link Sink}. Runs are streamed from the source (search
 * pages or export files) and copied by a bounded pool; at most {@code 2 x parallelism} runs are being copied at once,
 * and up to {@link Source#lookahead()} more are announced to the source ahead of time so that it can batch reads.
 * A nested run's parent is copied first (by the thread that needs it; a run another thread is copying is waited
 * for) so that the child is created already linked to its parent's copy. Registered models follow the runs.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int RECENT = 100_000;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * What is selected.
     *
     * @param experiments experiment names or ids
     * @param runs        run ids
     * @param models      registered model names
     * @param all         everything
     */
    public record Selection(List<String> experiments, List<String> runs, List<String> models, boolean all) {
        public Selection {
            experiments = List.copyOf(experiments);
            runs = List.copyOf(runs);
            models = List.copyOf(models);
        }

        public boolean isEmpty() {
            return experiments.isEmpty() && runs.isEmpty() && models.isEmpty() && !all;
        }
    }

    /** An experiment and the runs taken from it (null: every run the selector accepts). */
    public record Scope(Experiment experiment, List<String> runIds) {
    }

    /**
     * A computed plan.
     *
     * @param experiments what happens to each experiment
     * @param models      what happens to each model
     * @param errors      what prevents applying
     * @param warnings    what is worth knowing
     * @param units       runs and versions in the selection (the progress total)
     */
    public record PlanData(List<PlannedExperiment> experiments, List<PlannedModel> models, List<String> errors,
                           List<String> warnings, long units) {
    }

    private final Source source;
    private final Sink sink;
    private final TransferOptions options;
    private final Selection selection;
    private final List<Scope> scopes = new ArrayList<>();
    private final List<RegisteredModel> models = new ArrayList<>();

    public Engine(Source source, Sink sink, TransferOptions options, Selection selection) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.options = Objects.requireNonNull(options, "options");
        this.selection = Objects.requireNonNull(selection, "selection");
    }

    public String sourceName() {
        return source.describe();
    }

    public String targetName() {
        return sink.describe();
    }

    private RunSelector selector() {
        return new RunSelector(options.includeDeletedRuns(), options.runsStartedAfter(), options.runsStartedBefore(),
                options.runFilter());
    }

    // ----------------------------------------------------------------------------------------------------- plan

    /** Resolves the selection and looks at the target; changes nothing. */
    public PlanData plan() {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        scopes.clear();
        models.clear();
        Selection sel = selection;
        if (sel.isEmpty()) {
            if (source instanceof DirectorySource) {
                sel = new Selection(List.of(), List.of(), List.of(), true);
            } else {
                errors.add("nothing selected: name experiments, runs or models, or select all()");
            }
        }
        if (source instanceof DirectorySource d && d.layout() == DirectorySource.Layout.RUN && options.targetExperiment() == null) {
            errors.add(source.describe() + " holds a single run: name the experiment to import it into "
                    + "(TransferOptions.targetExperiment(name), --experiment-name)");
        }
        if (source instanceof DirectorySource && options.runFilter() != null) {
            errors.add("a run filter (" + options.runFilter() + ") can only be applied by a tracking server, not to "
                    + source.describe());
        }
        Resolution res = resolve(source, sel, errors);
        scopes.addAll(res.scopes());
        models.addAll(res.models());
        if (options.targetModel() != null && models.size() > 1) {
            errors.add("a target model name (" + options.targetModel() + ") was given, but " + models.size()
                    + " models are selected: rename them one by one instead");
        }
        errors.addAll(sink.check(scopes.stream().map(x -> options.experimentName(x.experiment().name())).distinct().toList(),
                models.stream().map(m -> options.modelName(m.name())).toList()));

        List<PlannedExperiment> plannedExperiments = new ArrayList<>();
        long units = 0;
        for (Scope s : scopes) {
            Experiment e = s.experiment();
            String targetName = options.experimentName(e.name());
            ExperimentTarget t = sink.inspectExperiment(e, targetName);
            Copies copies = sink.copies(t);
            Map<Action, Long> counts = new EnumMap<>(Action.class);
            try (Stream<SourceRun> runs = runs(s)) {
                Iterator<SourceRun> it = runs.iterator();
                while (it.hasNext()) {
                    SourceRun r = it.next();
                    Decision d = Decision.decide(copies.find(r.id()), Fingerprint.of(r.run()), null, false,
                            r.run().info().lifecycleStage());
                    counts.merge(d.action(), 1L, Long::sum);
                }
            }
            PlannedExperiment pe = new PlannedExperiment(e.name(), e.experimentId(), targetName, t.action(),
                    counts.getOrDefault(Action.CREATE, 0L), counts.getOrDefault(Action.UPDATE, 0L),
                    counts.getOrDefault(Action.REPLACE, 0L), counts.getOrDefault(Action.SKIP, 0L));
            units += pe.runs();
            plannedExperiments.add(pe);
        }
        List<PlannedModel> plannedModels = new ArrayList<>();
        for (RegisteredModel m : models) {
            List<SourceVersion> versions = source.versions(m, options.versions());
            PlannedModel pm = sink.inspectModel(m, options.modelName(m.name()), versions, source);
            units += versions.size();
            plannedModels.add(pm);
        }
        return new PlanData(plannedExperiments, plannedModels, errors, warnings, units);
    }

    /**
     * The experiments (with their runs) and models a selection names in a source.
     *
     * @param scopes the experiments, each with the run ids selected in it (null: every run the filters accept)
     * @param models the registered models
     */
    public record Resolution(List<Scope> scopes, List<RegisteredModel> models) {
    }

    /** Resolves a selection against a source; what is missing is added to {@code errors}. */
    public static Resolution resolve(Source source, Selection sel, List<String> errors) {
        List<Scope> scopes = new ArrayList<>();
        List<RegisteredModel> models = new ArrayList<>();
        Map<String, Scope> byId = new LinkedHashMap<>();
        if (sel.all()) {
            for (Experiment e : source.experiments()) {
                byId.putIfAbsent(e.experimentId(), new Scope(e, null));
            }
        }
        for (String x : sel.experiments()) {
            Optional<Experiment> e = source.experiment(x);
            if (e.isEmpty()) {
                errors.add("experiment '" + x + "' is not in " + source.describe());
            } else {
                byId.put(e.get().experimentId(), new Scope(e.get(), null));
            }
        }
        Map<String, List<String>> runsByExperiment = new LinkedHashMap<>();
        Map<String, Experiment> runExperiments = new LinkedHashMap<>();
        for (String id : sel.runs()) {
            Optional<SourceRun> r = source.run(id);
            if (r.isEmpty()) {
                errors.add("run " + id + " is not in " + source.describe());
                continue;
            }
            Experiment e = source.experimentOf(r.get());
            runExperiments.putIfAbsent(e.experimentId(), e);
            runsByExperiment.computeIfAbsent(e.experimentId(), k -> new ArrayList<>()).add(id);
        }
        runsByExperiment.forEach((expId, ids) -> {
            if (!byId.containsKey(expId)) {
                byId.put(expId, new Scope(runExperiments.get(expId), ids));
            }
        });
        scopes.addAll(byId.values());
        Set<String> modelNames = new LinkedHashSet<>();
        if (sel.all()) {
            modelNames.addAll(source.modelNames());
        }
        modelNames.addAll(sel.models());
        for (String name : modelNames) {
            Optional<RegisteredModel> m = source.model(name);
            if (m.isEmpty()) {
                errors.add("registered model '" + name + "' is not in " + source.describe());
            } else {
                models.add(m.get());
            }
        }
        return new Resolution(scopes, models);
    }

    private Stream<SourceRun> runs(Scope s) {
        if (s.runIds() != null) {
            return s.runIds().stream().map(source::run).flatMap(Optional::stream);
        }
        return source.runs(s.experiment(), selector());
    }

    // ---------------------------------------------------------------------------------------------------- apply

    /** Applies a plan computed by {@link #plan()}. */
    public TransferResult apply(PlanData plan, ProgressListener listener) {
        if (!plan.errors().isEmpty()) {
            throw new TransferException("the transfer plan has errors:\n  - " + String.join("\n  - ", plan.errors()));
        }
        try (Stats stats = new Stats(options.maxIdMapEntries(), options.idMapFile())) {
            return new Apply(stats, listener == null ? ProgressListener.NONE : listener, plan.units()).run();
        }
    }

    /** The state of one apply. */
    private final class Apply {
        private final long started = System.nanoTime();
        private final Stats stats;
        private final ProgressListener listener;
        private final AtomicLong total;
        private final AtomicLong done = new AtomicLong();
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();
        private final Map<String, CompletableFuture<Copy>> inFlight = new ConcurrentHashMap<>();
        private final Map<String, ExperimentTarget> targets = new ConcurrentHashMap<>();
        private final Map<String, Copies> copies = new ConcurrentHashMap<>();
        private final Set<String> recent = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RECENT;
            }
        });
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        private final Work work;

        Apply(Stats stats, ProgressListener listener, long units) {
            this.stats = stats;
            this.listener = listener;
            this.total = new AtomicLong(units);
            this.work = new Work(source, options, stats, this::checkpoint, this::dependency, this::progress);
        }

        void checkpoint() {
            Throwable t = fatal.get();
            if (t != null) {
                throw new TransferAborted(t);
            }
        }

        void abort(Throwable t) {
            if (fatal.compareAndSet(null, t)) {
                LOG.info("Stopping the transfer: {}", t.toString());
            }
        }

        void progress(String message) {
            long n = done.incrementAndGet();
            LOG.debug("{}/{} {}", n, total.get(), message);
            try {
                listener.progress(n, Math.max(n, total.get()), message);
            } catch (RuntimeException e) {
                abort(e);
                throw new TransferAborted(e);
            }
        }

        TransferResult run() {
            int permitsMax = options.parallelism() * 2;
            Semaphore permits = new Semaphore(permitsMax);
            int pool = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "mlflow-transfer-" + pool + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ExecutorService executor = Executors.newFixedThreadPool(options.parallelism(), factory);
            try {
                for (Scope s : scopes) {
                    checkpoint();
                    target(s.experiment());
                    try (Stream<SourceRun> runs = runs(s)) {
                        Iterator<SourceRun> it = runs.iterator();
                        Deque<SourceRun> ahead = new ArrayDeque<>();
                        int lookahead = source.lookahead();
                        while (true) {
                            checkpoint();
                            while (ahead.size() <= lookahead && it.hasNext()) {
                                SourceRun next = it.next();
                                announce(next, s.experiment());
                                ahead.add(next);
                            }
                            SourceRun r = ahead.poll();
                            if (r == null) {
                                break;
                            }
                            permits.acquire();
                            try {
                                executor.execute(() -> {
                                    try {
                                        scoped(r, s.experiment());
                                    } finally {
                                        permits.release();
                                    }
                                });
                            } catch (RuntimeException e) {
                                permits.release();
                                throw e;
                            }
                        }
                    }
                }
                permits.acquire(permitsMax);
                permits.release(permitsMax);
                checkpoint();
                for (RegisteredModel m : models) {
                    checkpoint();
                    String targetName = options.modelName(m.name());
                    try {
                        sink.copyModel(m, targetName, source.versions(m, options.versions()), work);
                    } catch (TransferAborted e) {
                        throw e;
                    } catch (RuntimeException e) {
                        stats.fail("model " + m.name(), e);
                        if (options.failFast()) {
                            abort(e);
                        }
                    }
                }
                checkpoint();
                sink.finish(work);
            } catch (TransferAborted e) {
                // the cause is in fatal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(e);
            } catch (RuntimeException e) {
                abort(e);
            } finally {
                if (fatal.get() != null) {
                    try {
                        permits.acquire(permitsMax);   // let the runs in progress reach a checkpoint
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                executor.shutdown();
            }
            TransferResult result = stats.result(Duration.ofNanos(System.nanoTime() - started));
            Throwable t = fatal.get();
            if (t != null) {
                throw new TransferException("the transfer from " + source.describe() + " to " + sink.describe()
                        + " stopped: " + t.getMessage() + " (" + result.counts() + "); run it again to resume", t, result);
            }
            LOG.info("Transfer from {} to {} done: {}", source.describe(), sink.describe(), result.counts());
            return result;
        }

        /** Tells the source about a run that will be copied soon, so that it can read its metrics with others. */
        private void announce(SourceRun r, Experiment e) {
            if (r.run().data().metrics().isEmpty()) {
                return;
            }
            Decision d = Decision.decide(copies(target(e)).find(r.id()), Fingerprint.of(r.run()), null, false,
                    r.run().info().lifecycleStage());
            if (d.action() == Action.CREATE || d.action() == Action.REPLACE) {
                source.expect(r);
            }
        }

        private ExperimentTarget target(Experiment e) {
            return targets.computeIfAbsent(e.experimentId(), id -> sink.ensureExperiment(e, options.experimentName(e.name()), work));
        }

        private Copies copies(ExperimentTarget t) {
            if (t.key() == null) {
                return Copies.NONE;
            }
            return copies.computeIfAbsent(t.key(), k -> sink.copies(t));
        }

        /** A selected run, on a pool thread. */
        private void scoped(SourceRun r, Experiment e) {
            try {
                if (fatal.get() != null) {
                    return;
                }
                ensure(r, e, true);
            } catch (TransferAborted ignored) {
                // stopping
            } catch (RuntimeException ex) {
                stats.runsFailed.incrementAndGet();
                stats.fail("run " + r.id() + " (experiment " + e.name() + ")", ex);
                try {
                    sink.failed(target(e), r.id());
                } catch (RuntimeException ignored) {
                    // best effort
                }
                if (options.failFast()) {
                    abort(ex);
                } else {
                    try {
                        progress("run " + r.id() + " failed: " + ex.getMessage());
                    } catch (TransferAborted ignored) {
                        // stopping
                    }
                }
            }
        }

        /** The copy of a run a model version needs (copied now when needed), or null when the source lacks it. */
        private Copy dependency(String sourceRunId) {
            Optional<SourceRun> r = source.run(sourceRunId);
            return r.map(run -> ensure(run, null, false)).orElse(null);
        }

        /** Copies a run (or confirms its copy); one thread per run at a time, others wait for it. */
        private Copy ensure(SourceRun run, Experiment experiment, boolean scoped) {
            CompletableFuture<Copy> mine = new CompletableFuture<>();
            CompletableFuture<Copy> other = inFlight.putIfAbsent(run.id(), mine);
            if (other != null) {
                try {
                    Copy c = other.join();
                    if (scoped) {
                        progress("run " + run.id() + " -> " + c.runId() + " (copied as a dependency)");
                    }
                    return c;
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
            int d = depth.get();
            if (d > 100) {
                throw new IllegalStateException("run " + run.id() + ": its parents are nested more than 100 deep (a loop?)");
            }
            depth.set(d + 1);
            try {
                Experiment e = experiment != null ? experiment : source.experimentOf(run);
                ExperimentTarget t = target(e);
                Copies cs = copies(t);
                String parentLink = null;
                String p = run.parentId();
                if (p != null && !p.equals(run.id())) {
                    parentLink = sink.parentLink(p, sink.holdsParents() ? parent(p, run, t) : null);
                }
                Decision decision = Decision.decide(cs.find(run.id()), Fingerprint.of(run.run()), parentLink,
                        sink.linksParents(), run.run().info().lifecycleStage());
                work.checkpoint();
                Copy c = sink.write(t, run, decision, parentLink, work);
                cs.put(run.id(), c);
                boolean seen;
                synchronized (recent) {
                    seen = !recent.add(run.id());
                }
                if (!seen) {
                    stats.run(decision.action());
                    stats.runId(run.id(), c.runId());
                }
                mine.complete(c);
                if (scoped) {
                    progress("run " + run.id() + " -> " + c.runId() + " (" + (seen ? "done earlier" : decision.action().verb()) + ")");
                }
                return c;
            } catch (RuntimeException | Error ex) {
                mine.completeExceptionally(ex);
                throw ex;
            } finally {
                depth.set(d);
                inFlight.remove(run.id(), mine);
                source.release(run.id());
            }
        }

        /** The copy of a nested run's parent: copied first when it can be, else an existing copy, else none. */
        private Copy parent(String parentId, SourceRun child, ExperimentTarget childTarget) {
            if (options.includeParentRuns()) {
                Optional<SourceRun> pr = source.run(parentId);
                if (pr.isPresent()) {
                    return ensure(pr.get(), null, false);
                }
            }
            for (Copy c : copies(childTarget).find(parentId)) {
                if (!c.superseded() && c.lifecycle() != LifecycleStage.DELETED) {
                    return c;
                }
            }
            stats.warn("run " + child.id() + ": its parent run " + parentId + " is " + (options.includeParentRuns()
                    ? "not in " + source.describe() : "not selected") + " and has no copy in " + sink.describe()
                    + "; its mlflow.parentRunId keeps the source id");
            return null;
        }
    }
}
