package io.dataops4j.mlflow.internal;

import com.squareup.moshi.Json;
import io.dataops4j.core.paging.Page;
import io.dataops4j.mlflow.tracking.LoggedModel;
import java.util.List;

/**
 * The response envelopes of the logged model routes of MLflow 3.8.1's {@code service.proto}. Public only because the
 * JSON reader needs it.
 */
public final class LoggedModelWire {
    private LoggedModelWire() {
    }

    /** CreateLoggedModel/GetLoggedModel/FinalizeLoggedModel Response. */
    public record ModelResponse(LoggedModel model) {
    }

    /** SearchLoggedModels.Response. */
    public record ModelsPage(List<LoggedModel> models, @Json(name = "next_page_token") String nextPageToken) {
        /** The page, holding the decoded list itself. */
        public Page<LoggedModel> page() {
            return Page.wrap(models, nextPageToken);
        }
    }
}
