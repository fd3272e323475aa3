package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.RawJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Azure Relay the az CLI's k8s-extension creates for the Azure ML extension on an Arc cluster
 * ({@code partner_extensions/AzureMLKubernetes.py}, {@code _get_relay_connection_str}): in the cluster's resource group,
 * a namespace named {@code _get_valid_name("<cluster>-<subscription>-<resourceGroup>-relay", 6, 50)} with the cluster's
 * location and the tag {@code created_by=Azure Arc-enabled ML}, a hybrid connection named after the cluster with
 * {@code requiresClientAuthorization=true}, and the rule {@code azureml_rw} with the rights Manage, Send, Listen;
 * the rule's {@code primaryConnectionString} is the extension's protected {@code relayServerConnectionString}.
 */
final class ArcRelay {
    static final String RULE = "azureml_rw";
    static final List<String> RIGHTS = List.of("Manage", "Send", "Listen");
    static final Map<String, String> TAGS = Map.of("created_by", "Azure Arc-enabled ML");

    private final AzureMlContext ctx;
    private final String resourceGroup;
    private final String namespace;
    private final String hybridConnection;
    private final String location;

    ArcRelay(AzureMlContext ctx, String resourceGroup, String clusterName, String location) {
        this.ctx = ctx;
        this.resourceGroup = resourceGroup;
        this.namespace = namespaceName(clusterName, ctx.subscription(), resourceGroup);
        this.hybridConnection = clusterName;
        this.location = location;
    }

    /**
     * The CLI's {@code _get_valid_name(cluster_id, suffix_len=6, max_len=50)}: the letters and digits of the input; when
     * longer than 50, its first 44 followed by the first 6 hex digits of the MD5 of the whole input (UTF-8).
     */
    static String namespaceName(String clusterName, String subscription, String resourceGroup) {
        String input = clusterName + "-" + subscription + "-" + resourceGroup + "-relay";
        StringBuilder normalized = new StringBuilder();
        input.codePoints().filter(Character::isLetterOrDigit).forEach(normalized::appendCodePoint);
        if (normalized.length() <= 50) {
            return normalized.toString();
        }
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(input.getBytes(StandardCharsets.UTF_8));
            return normalized.substring(0, 44) + java.util.HexFormat.of().formatHex(md5).substring(0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    String namespace() {
        return namespace;
    }

    String hybridConnection() {
        return hybridConnection;
    }

    String namespacePath() {
        return "/subscriptions/" + ctx.subscription() + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Relay/namespaces/" + namespace;
    }

    /** The hybrid connection's resource id (what the CLI puts in {@code relayserver.hybridConnectionResourceID}). */
    String hybridConnectionId() {
        return namespacePath() + "/hybridConnections/" + hybridConnection;
    }

    String rulePath() {
        return hybridConnectionId() + "/authorizationRules/" + RULE;
    }

    boolean namespaceExists() {
        return exists(namespacePath());
    }

    boolean hybridConnectionExists() {
        return exists(hybridConnectionId());
    }

    boolean ruleExists() {
        return exists(rulePath());
    }

    private boolean exists(String path) {
        try {
            ctx.arm().get(path, ctx.versions().relay());
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** PUTs the namespace (a long-running operation) and waits for it. */
    String createNamespace(Duration timeout, Consumer<String> status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        body.put("tags", TAGS);
        RawJson done = Polls.map(ctx.arm().beginPut(namespacePath(), ctx.versions().relay(), RawJson.from(body)),
                "relay namespace " + namespace, j -> j, ctx.timing(), status).waitForCompletion(timeout);
        String state = done == null ? null : Polls.stateOf(done);
        return "created, provisioningState " + (state == null ? "Succeeded" : state);
    }

    String createHybridConnection() {
        Map<String, Object> body = Map.of("properties", Map.of("requiresClientAuthorization", true));
        RawJson answer = ctx.arm().beginPut(hybridConnectionId(), ctx.versions().relay(), RawJson.from(body)).waitForCompletion(Duration.ofMinutes(5));
        return "created " + (answer == null ? hybridConnectionId() : JsonMaps.string(answer.asMap(), "id"));
    }

    String createRule() {
        Map<String, Object> body = Map.of("properties", Map.of("rights", RIGHTS));
        ctx.arm().beginPut(rulePath(), ctx.versions().relay(), RawJson.from(body)).waitForCompletion(Duration.ofMinutes(5));
        return "created with rights " + String.join(", ", RIGHTS);
    }

    /** POST listKeys: the rule's primary connection string, as a secret. */
    Secret connectionString() {
        RawJson keys = ctx.arm().post(rulePath() + "/listKeys", ctx.versions().relay(), null);
        String cs = keys == null ? null : JsonMaps.string(keys.asMap(), "primaryConnectionString");
        // the other keys of the answer are secrets too: make them known to the redactor
        if (keys != null) {
            for (String k : List.of("primaryKey", "secondaryKey", "secondaryConnectionString")) {
                Secret.ofNullable(JsonMaps.string(keys.asMap(), k));
            }
        }
        if (cs == null || cs.isEmpty()) {
            throw new io.dataops4j.core.error.DataOpsException("listKeys of relay rule " + RULE + " on " + hybridConnectionId()
                    + " returned no primaryConnectionString");
        }
        return Secret.of(cs);
    }

    @Override
    public String toString() {
        return "ArcRelay[" + namespace + "/" + hybridConnection + "/" + RULE + "]";
    }
}
