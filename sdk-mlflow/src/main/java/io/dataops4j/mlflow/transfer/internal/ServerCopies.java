package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.mlflow.tracking.ViewType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The copies in one experiment of a tracking server, found by their source run id tag. Up to a limit they are
 * indexed in memory with one search (a request per 1000 runs); past it, each run is looked up with a search of its
 * own, so memory does not grow with the size of the experiment.
 */
final class ServerCopies implements Copies {
    private static final String TAG = "tags.`" + TransferTags.SOURCE_RUN_ID + "`";

    private final MlflowClient client;
    private final String experimentId;
    private final int limit;
    private Map<String, List<Copy>> index;

    ServerCopies(MlflowClient client, String experimentId, int limit) {
        this.client = client;
        this.experimentId = experimentId;
        this.limit = limit;
        Map<String, List<Copy>> m = new HashMap<>();
        int n = 0;
        for (Run r : client.runs().search(SearchRuns.builder().experimentIds(experimentId).viewType(ViewType.ALL)
                .filter(TAG + " LIKE '%'").pageSize(1000).build())) {
            if (++n > limit) {
                m = null;
                break;
            }
            m.computeIfAbsent(r.data().tag(TransferTags.SOURCE_RUN_ID), k -> new ArrayList<>(1)).add(Copy.of(r));
        }
        this.index = m;
    }

    @Override
    public synchronized List<Copy> find(String sourceRunId) {
        if (index != null) {
            return List.copyOf(index.getOrDefault(sourceRunId, List.of()));
        }
        List<Copy> out = new ArrayList<>();
        for (Run r : client.runs().search(SearchRuns.builder().experimentIds(experimentId).viewType(ViewType.ALL)
                .filter(TAG + " = '" + sourceRunId.replace("'", "") + "'").pageSize(100).build())) {
            out.add(Copy.of(r));
        }
        return out;
    }

    @Override
    public synchronized void put(String sourceRunId, Copy copy) {
        if (index != null) {
            List<Copy> l = new ArrayList<>(1);
            l.add(copy);
            index.put(sourceRunId, l);
            if (index.size() > limit) {
                index = null;   // from now on, a search per run
            }
        }
    }
}
