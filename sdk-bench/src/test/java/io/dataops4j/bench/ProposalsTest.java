package io.dataops4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.dataops4j.bench.model.ClusterInstance;
import io.dataops4j.bench.model.Run;
import io.dataops4j.bench.model.RunLifeCycleState;
import io.dataops4j.bench.model.RunState;
import io.dataops4j.bench.proto.SelectEnumAdapter;
import io.dataops4j.bench.proto.SpreadRecordAdapter;
import io.dataops4j.core.internal.JsonAdapters;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The adapters proposed for sdk-core read exactly what sdk-core's adapters read. */
class ProposalsTest {
    private final Moshi proposed = JsonAdapters.install(new Moshi.Builder()
            .add(SelectEnumAdapter.FACTORY).add(SpreadRecordAdapter.FACTORY)).build();

    @Test
    void theProposedAdaptersDecodeTheBodyLikeSdkCore() throws IOException {
        String body = new String(Bodies.runsGet(), StandardCharsets.UTF_8);
        assertEquals(Json.shared().fromJson(body, Run.class), proposed.adapter(Run.class).fromJson(body));
    }

    @Test
    void theProposedEnumAdapterMatchesCaseInsensitivelyAndFallsBackToUnknown() throws IOException {
        JsonAdapter<RunState> adapter = proposed.adapter(RunState.class);
        assertEquals(RunLifeCycleState.RUNNING, adapter.fromJson("{\"life_cycle_state\":\"RUNNING\"}").lifeCycleState());
        assertEquals(RunLifeCycleState.RUNNING, adapter.fromJson("{\"life_cycle_state\":\"running\"}").lifeCycleState());
        assertEquals(RunLifeCycleState.UNKNOWN, adapter.fromJson("{\"life_cycle_state\":\"NEW_STATE\"}").lifeCycleState());
        assertEquals(null, adapter.fromJson("{\"life_cycle_state\":null}").lifeCycleState());
    }

    @Test
    void theProposedRecordAdapterSkipsUnknownNamesAndRequiresPrimitives() throws IOException {
        assertEquals(new ClusterInstance("c-1", null),
                proposed.adapter(ClusterInstance.class).fromJson("{\"cluster_id\":\"c-1\",\"extra\":{\"x\":[1]}}"));
        JsonDataException e = assertThrows(JsonDataException.class, () -> proposed.adapter(Run.class).fromJson("{\"job_id\":1}"));
        assertEquals("Required value 'run_id' missing at $", e.getMessage());
    }

    @Test
    void theRequestIdOfTheBreakdownIsAVersion4Uuid() {
        UUID id = UUID.fromString(Breakdown.randomRequestId());
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
    }
}
