package io.dataops4j.devops.logicapps;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.DeserializationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A Logic App HTTP trigger. Its callback URL carries a SAS signature ({@code sig}) and is a credential: it is kept
 * as a {@link Secret} and only ever logged with {@code sig} masked.
 *
 * <pre>{@code
 * Secret url = LogicAppTrigger.callbackUrl(arm, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Logic/workflows/wf", "manual");
 * int status = LogicAppTrigger.of(url).invoke(Map.of("model", "churn", "version", "3"));   // 202 without a Response action
 * }</pre>
 */
public final class LogicAppTrigger {
    /** The api-version of {@code listCallbackUrl}. */
    public static final String API_VERSION = "2016-06-01";
    private final Secret callbackUrl;
    private final ApiClient http;

    private LogicAppTrigger(Secret callbackUrl, ApiClient http) {
        this.callbackUrl = callbackUrl;
        this.http = http;
    }

    /** A trigger from its callback URL (for example read from an environment variable). */
    public static LogicAppTrigger of(Secret callbackUrl) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        URI uri = URI.create(callbackUrl.reveal());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not a callback URL: " + Redactor.url(callbackUrl.reveal()));
        }
        ApiClient http = ApiClient.builder("LOGICAPP", "sdk-devops").baseUrl(uri.getScheme() + "://" + uri.getRawAuthority() + "/")
                .credential(Credential.none()).build();
        return new LogicAppTrigger(callbackUrl, http);
    }

    /**
     * Gets a trigger's callback URL through ARM:
     * {@code POST {workflowId}/triggers/{trigger}/listCallbackUrl?api-version=2016-06-01}, answer
     * {@code {"value", "method", "basePath", "queries"}}.
     *
     * @param workflowId the workflow's resource id ({@code /subscriptions/.../providers/Microsoft.Logic/workflows/wf})
     * @param trigger    the trigger name ("manual")
     */
    public static Secret callbackUrl(ArmClient arm, String workflowId, String trigger) {
        Objects.requireNonNull(arm, "arm");
        String path = workflowId.replaceAll("/+$", "") + "/triggers/" + Objects.requireNonNull(trigger, "trigger") + "/listCallbackUrl";
        Map<String, Object> answer = arm.post(path, API_VERSION, null).asMap();
        Object value = answer.get("value");
        if (!(value instanceof String s) || s.isBlank()) {
            throw new DeserializationException("listCallbackUrl answered without a value", null);
        }
        return Secret.of(s);
    }

    /** POSTs a JSON body to the callback URL and returns the status (202 when the workflow has no Response action). */
    public int invoke(Object body) {
        ApiRequest req = ApiRequest.post(callbackUrl.reveal()).json(body).unauthenticated().notIdempotent()
                .operation("logicapp.invoke").build();
        try (ApiResponse r = http.execute(req)) {
            return r.status();
        }
    }

    @Override
    public String toString() {
        return "LogicAppTrigger[" + Redactor.url(callbackUrl.reveal()) + "]";
    }
}
