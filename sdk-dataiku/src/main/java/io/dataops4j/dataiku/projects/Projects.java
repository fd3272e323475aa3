package io.dataops4j.dataiku.projects;

import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.dataiku.futures.FutureState;
import io.dataops4j.dataiku.futures.Futures;
import io.dataops4j.dataiku.internal.DssContext;
import io.dataops4j.dataiku.internal.JsonText;
import io.dataops4j.dataiku.internal.PathSegments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS projects. DSS lists them in one answer (there is no paging); {@link #list()} still returns a {@link Paged}.
 *
 * <pre>{@code
 * dss.projects().list().forEach(p -> System.out.println(p.projectKey() + "  " + p.name()));
 * dss.projects().create(ProjectSpec.of("SANDBOX", "Sandbox", "analyst"));
 * dss.projects().delete("SANDBOX", ProjectDeletion.defaults());
 * }</pre>
 */
public final class Projects {
    private static final Logger LOG = LoggerFactory.getLogger(Projects.class);
    private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(30);

    private final DssContext ctx;
    private final Futures futures;

    /** Created by {@code DssClient}. */
    public Projects(DssContext ctx, Futures futures) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.futures = Objects.requireNonNull(futures, "futures");
    }

    /** Every project the key may see. */
    public Paged<Project> list() {
        return Paged.tokens(token -> {
            Object v = ctx.value(ApiRequest.get("projects/").query("includeLocation", "false").operation("projects.list").build());
            List<Project> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.forEach(o -> out.add(Project.of(o)));
            }
            return new Page<>(out, null);
        });
    }

    /** A project's summary. */
    public Project get(String projectKey) {
        return Project.of(ctx.value(ApiRequest.get("projects/" + PathSegments.seg(projectKey)).operation("projects.get").build()));
    }

    /** Creates a project. */
    public void create(ProjectSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectKey", spec.projectKey());
        body.put("name", spec.name());
        body.put("owner", spec.owner());
        body.put("settings", null);
        body.put("description", spec.description());
        body.put("permissions", new ArrayList<>());
        body.put("tags", new ArrayList<Object>(spec.tags()));
        ctx.http().send(ApiRequest.post("projects/").query("projectFolderId", spec.projectFolderId())
                .body(JsonText.body(body)).operation("projects.create").build());
        LOG.info("created DSS project {}", spec.projectKey());
    }

    /**
     * Deletes a project (an admin key is needed) and waits until DSS has done it.
     *
     * @return the deletion's final state; its result holds DSS's messages
     */
    public FutureState delete(String projectKey, ProjectDeletion options) {
        Objects.requireNonNull(options, "options");
        FutureState state = ctx.http().send(ApiRequest.delete("projects/" + PathSegments.seg(projectKey))
                .query("clearManagedDatasets", options.clearManagedDatasets())
                .query("clearOutputManagedFolders", options.clearOutputManagedFolders())
                .query("clearJobAndScenarioLogs", options.clearJobAndScenarioLogs())
                .query("clearManagedKnowledgeBanks", options.clearManagedKnowledgeBanks())
                .query("wait", true)
                .operation("projects.delete").build(), FutureState.class);
        LOG.info("deleted DSS project {}", projectKey);
        if (state == null || state.done() || state.jobId() == null) {
            return state;
        }
        return futures.poll(state, "deletion of project " + projectKey).waitForCompletion(DELETE_TIMEOUT);
    }
}
