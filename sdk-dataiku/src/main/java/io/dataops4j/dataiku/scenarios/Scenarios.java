package io.dataops4j.dataiku.scenarios;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.dataiku.internal.DssContext;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.PathSegments;
import io.dataops4j.dataiku.internal.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS scenarios. Running one is two steps in DSS: the run request fires a trigger, and DSS then starts a scenario
 * run (or cancels the fire when the scenario already runs). {@link #run} does both and waits for the outcome:
 * SUCCESS and WARNING succeed, FAILED fails, ABORTED is cancelled; the final state has the step results.
 *
 * <pre>{@code
 * ScenarioRun run = dss.scenarios().run("DATAOPS", "NIGHTLY", Map.of("day", "2026-01-15"))
 *     .onProgress(r -> log.info("run {} {}", r.runId(), r.outcome()))
 *     .waitForCompletion(Duration.ofHours(2));
 * run.stepRuns().forEach(s -> log.info("{} {} jobs {}", s.runId(), s.outcome(), s.jobIds()));
 * }</pre>
 */
public final class Scenarios {
    private static final Logger LOG = LoggerFactory.getLogger(Scenarios.class);
    /** How often an unresolved fire is checked for cancellation: the first poll, then every tenth (as dataikuapi). */
    private static final int TRIGGER_CHECK_EVERY = 10;

    private final DssContext ctx;

    /** Created by {@code DssClient}. */
    public Scenarios(DssContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    private static String base(String projectKey) {
        return "projects/" + PathSegments.seg(projectKey) + "/scenarios/";
    }

    /** The project's scenarios. */
    public Paged<ScenarioSummary> list(String projectKey) {
        return Paged.tokens(token -> {
            Object v = ctx.value(ApiRequest.get(base(projectKey)).operation("scenarios.list").build());
            List<ScenarioSummary> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                for (Object o : l) {
                    Map<String, Object> m = Values.object(o);
                    out.add(new ScenarioSummary(Values.string(m, "projectKey"), Values.string(m, "id"), Values.string(m, "name"),
                            Boolean.TRUE.equals(Values.bool(m, "running")), RawJson.from(m)));
                }
            }
            return new Page<>(out, null);
        });
    }

    /** Asks for a run with parameters (the trigger params; may be empty) and returns the trigger fire. */
    public TriggerFire fire(String projectKey, String scenarioId, Map<String, ?> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> body.put(k, Values.deepCopy(v)));
        }
        RawJson raw = ctx.json(ApiRequest.post(base(projectKey) + PathSegments.seg(scenarioId) + "/run")
                .body(JsonText.body(body)).operation("scenarios.run").build());
        TriggerFire fire = triggerFire(projectKey, scenarioId, raw);
        LOG.info("fired the run of DSS scenario {}.{} (trigger {} run {})", projectKey, scenarioId, fire.triggerId(),
                fire.triggerRunId());
        return fire;
    }

    /** Runs a scenario with parameters and returns a poller that waits for its outcome. */
    public Poller<ScenarioRun> run(String projectKey, String scenarioId, Map<String, ?> params) {
        return poll(fire(projectKey, scenarioId, params));
    }

    /** A poller for a fired run: it finds the scenario run, waits for its outcome, and reads its steps. */
    public Poller<ScenarioRun> poll(TriggerFire fire) {
        Objects.requireNonNull(fire, "fire");
        AtomicInteger unresolvedPolls = new AtomicInteger();
        AtomicReference<ScenarioRun> current = new AtomicReference<>();
        String description = "DSS scenario " + fire.projectKey() + "." + fire.scenarioId() + " (trigger run "
                + fire.triggerRunId() + ")";
        return ctx.<ScenarioRun>poller(fire.triggerRunId(), description, () -> {
            ScenarioRun run = runForTrigger(fire);
            if (run == null) {
                if (unresolvedPolls.getAndIncrement() % TRIGGER_CHECK_EVERY == 0 && refresh(fire).cancelled()) {
                    ScenarioRun none = new ScenarioRun(fire.projectKey(), fire.scenarioId(), null, fire.triggerRunId(),
                            null, null, null, List.of(), null);
                    return new PollResponse<>(PollStatus.CANCELLED, none, null,
                            "the trigger fire was cancelled (the scenario may already be running)");
                }
                return new PollResponse<>(PollStatus.IN_PROGRESS, new ScenarioRun(fire.projectKey(), fire.scenarioId(),
                        null, fire.triggerRunId(), null, null, null, List.of(), null), null, "waiting for the run to start");
            }
            current.set(run);
            if (!run.finished()) {
                return new PollResponse<>(PollStatus.IN_PROGRESS, run, null, "running");
            }
            ScenarioRun details = details(fire.projectKey(), fire.scenarioId(), run.runId(), fire.triggerRunId());
            return classify(details);
        }).canceller(() -> abort(fire.projectKey(), fire.scenarioId())).build();
    }

    static PollResponse<ScenarioRun> classify(ScenarioRun run) {
        ScenarioOutcome o = run.outcome();
        if (o == ScenarioOutcome.SUCCESS || o == ScenarioOutcome.WARNING) {
            return PollResponse.succeeded(run);
        }
        if (o == ScenarioOutcome.ABORTED) {
            return new PollResponse<>(PollStatus.CANCELLED, run, null, "the run was aborted");
        }
        StepError e = run.firstError();
        String why = "outcome " + o + (e == null ? "" : ": " + (e.code() != null ? e.code() + ": " : "")
                + (e.message() != null ? e.message() : e.title()) + (e.hint() != null ? "; hint: " + e.hint() : ""));
        return PollResponse.failed(run, why);
    }

    /** The scenario run a trigger fire started, or null while there is none yet. */
    public ScenarioRun runForTrigger(TriggerFire fire) {
        Map<String, Object> answer = Values.object(ctx.value(ApiRequest.get(base(fire.projectKey())
                        + PathSegments.seg(fire.scenarioId()) + "/get-run-for-trigger")
                .query("triggerId", fire.triggerId()).query("triggerRunId", fire.triggerRunId())
                .operation("scenarios.runForTrigger").build()));
        if (!Values.hasObject(answer, "scenarioRun")) {
            return null;
        }
        return run(Values.object(answer, "scenarioRun"), fire.triggerRunId(), List.of());
    }

    /** The trigger fire as DSS has it now (to see whether it was cancelled). */
    public TriggerFire refresh(TriggerFire fire) {
        RawJson raw = ctx.json(ApiRequest.get(base(fire.projectKey()) + "trigger/" + PathSegments.seg(fire.scenarioId()) + "/"
                        + PathSegments.seg(fire.triggerId())).query("triggerRunId", fire.triggerRunId())
                .operation("scenarios.triggerFire").build());
        return triggerFire(fire.projectKey(), fire.scenarioId(), raw);
    }

    /** A scenario run with its steps. */
    public ScenarioRun details(String projectKey, String scenarioId, String runId) {
        return details(projectKey, scenarioId, runId, null);
    }

    private ScenarioRun details(String projectKey, String scenarioId, String runId, String triggerRunId) {
        Map<String, Object> answer = Values.object(ctx.value(ApiRequest.get(base(projectKey) + PathSegments.seg(scenarioId) + "/"
                + PathSegments.seg(runId) + "/").operation("scenarios.runDetails").build()));
        List<StepRun> steps = new ArrayList<>();
        for (Map<String, Object> s : Values.objects(answer, "stepRuns")) {
            steps.add(step(s));
        }
        return run(Values.object(answer, "scenarioRun"), triggerRunId, steps);
    }

    /** The last runs of a scenario, newest first. */
    public List<ScenarioRun> lastRuns(String projectKey, String scenarioId, int limit, boolean onlyFinished) {
        Object v = ctx.value(ApiRequest.get(base(projectKey) + PathSegments.seg(scenarioId) + "/get-last-runs")
                .query("limit", limit).query("onlyFinishedRuns", onlyFinished).operation("scenarios.lastRuns").build());
        List<ScenarioRun> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(o -> out.add(run(Values.object(o), null, List.of())));
        }
        return out;
    }

    /** Aborts the scenario's current run (nothing happens when it does not run). */
    public void abort(String projectKey, String scenarioId) {
        ctx.http().send(ApiRequest.post(base(projectKey) + PathSegments.seg(scenarioId) + "/abort")
                .operation("scenarios.abort").build());
        LOG.info("asked DSS to abort scenario {}.{}", projectKey, scenarioId);
    }

    private static TriggerFire triggerFire(String projectKey, String scenarioId, RawJson raw) {
        Map<String, Object> m = Values.object(raw == null ? null : raw.value());
        return new TriggerFire(projectKey, scenarioId, Values.string(Values.object(m, "trigger"), "id"),
                Values.string(m, "runId"), Boolean.TRUE.equals(Values.bool(m, "cancelled")), raw);
    }

    private static ScenarioRun run(Map<String, Object> m, String triggerRunId, List<StepRun> steps) {
        Map<String, Object> scenario = Values.object(m, "scenario");
        ScenarioOutcome outcome = Values.hasObject(m, "result")
                ? outcome(Values.string(Values.object(m, "result"), "outcome")) : null;
        return new ScenarioRun(Values.string(scenario, "projectKey"), Values.string(scenario, "id"), Values.string(m, "runId"),
                triggerRunId, instant(Values.number(m, "start")), instant(Values.number(m, "end")), outcome, steps,
                RawJson.from(m));
    }

    private static StepRun step(Map<String, Object> s) {
        Map<String, Object> result = Values.object(s, "result");
        ScenarioOutcome outcome = Values.hasObject(s, "result") ? outcome(Values.string(result, "outcome")) : null;
        List<String> jobs = new ArrayList<>();
        StepError error = Values.hasObject(result, "thrown") && outcome == ScenarioOutcome.FAILED
                ? error(Values.object(result, "thrown")) : null;
        for (Map<String, Object> item : Values.objects(s, "additionalReportItems")) {
            if ("JOB_EXECUTED".equals(Values.string(item, "type")) && Values.string(item, "jobId") != null) {
                jobs.add(Values.string(item, "jobId"));
            }
            if (error == null && "FAILED".equals(Values.string(item, "outcome")) && Values.hasObject(item, "thrown")) {
                error = error(Values.object(item, "thrown"));
            }
        }
        return new StepRun(Values.string(s, "runId"), outcome, jobs, error, RawJson.from(s));
    }

    private static StepError error(Map<String, Object> t) {
        return new StepError(Values.string(t, "clazz"), Values.string(t, "title"), Values.string(t, "message"),
                Values.string(t, "code"), Values.string(t, "fixability"));
    }

    private static ScenarioOutcome outcome(String s) {
        if (s == null) {
            return ScenarioOutcome.UNKNOWN;
        }
        try {
            return ScenarioOutcome.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ScenarioOutcome.UNKNOWN;
        }
    }

    private static Instant instant(Long millis) {
        return millis == null || millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
