package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.json.RawJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An in-memory ARM for the attach workflow behind MockWebServer. Paths, api-versions, bodies and headers are those the
 * official Python clients send (src/test/resources/wire/python-client-recording.jsonl); the answers are shaped after
 * the REST specs' examples (ManagedClustersGet.json, CreateExtension.json, GetExtensionWithExtensionState.json,
 * GetExtensionAsyncOperationStatus.json, Compute/createOrUpdate|get/KubernetesCompute.json, Compute/delete.json,
 * Compute/list.json, Workspace/get.json) and the reference notes: provider registration goes Registering ->
 * Registered; PUTs of clusters, extensions and computes answer 201 + Azure-AsyncOperation and their operation reads
 * InProgress once, then a terminal status; DELETE of a compute needs underlyingResourceAction and answers 202 +
 * Azure-AsyncOperation + Location; 429 + Retry-After on demand.
 */
final class FakeArm implements AutoCloseable {
    static final String SUB = "sub1";
    static final String RG = "rg1";
    static final String AKS = "aks1";
    static final String WS = "ws1";
    static final String COMPUTE = "k8s-compute";
    static final String EXT = "azureml";
    static final String TOKEN = "fake-arm-token-for-tests";
    static final String AKS_ID = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.ContainerService/managedClusters/" + AKS;
    static final String EXT_ID = AKS_ID + "/providers/Microsoft.KubernetesConfiguration/extensions/" + EXT;
    static final String WS_ID = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.MachineLearningServices/workspaces/" + WS;
    static final String ARC = "arc1";
    static final String ARC_ID = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Kubernetes/connectedClusters/" + ARC;
    static final String ARC_EXT_ID = ARC_ID + "/providers/Microsoft.KubernetesConfiguration/extensions/" + EXT;
    static final String TRACKING_URI = "azureml://eastus.api.azureml.ms/mlflow/v1.0" + WS_ID;

    /** How an extension PUT ends. */
    enum ExtensionOutcome { HEALTHY, SUCCEEDED_WITH_ERROR_STATUS, FAILED }

    final MockWebServer server = new MockWebServer();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> providers = new TreeMap<>();
    final Map<String, Integer> providerPolls = new TreeMap<>();
    Map<String, Object> clusterIdentity;
    String clusterETag = "beywbwei";
    int nodeCount = 2;
    Map<String, Object> extension;
    String extensionId = EXT_ID;
    ExtensionOutcome extensionOutcome = ExtensionOutcome.HEALTHY;
    String extensionState = "Ready";
    final Map<String, Map<String, Object>> computes = new LinkedHashMap<>();
    final Map<String, Integer> opPolls = new TreeMap<>();
    final Map<String, String> opOutcome = new TreeMap<>();
    int throttle;
    int computePageSize = 100;
    /** The Arc cluster's properties.totalNodeCount (null: not reported) and distribution. */
    Integer arcNodes = 5;
    String arcDistribution = "k3s";
    /** The Azure Relay (recorded with azure-mgmt-relay 2.1.0: wire/relay-recording.jsonl): null when absent. */
    static final String RELAY_NS = "arc1sub1rg1relay";
    static final String RELAY_NS_ID = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Relay/namespaces/" + RELAY_NS;
    static final String RELAY_HC_ID = RELAY_NS_ID + "/hybridConnections/" + ARC;
    static final String RELAY_RULE_ID = RELAY_HC_ID + "/authorizationRules/azureml_rw";
    static final String RELAY_KEY = "relay-primary-key-for-tests=";
    static final String RELAY_CONNECTION = "Endpoint=sb://" + RELAY_NS + ".servicebus.windows.net/;SharedAccessKeyName=azureml_rw;SharedAccessKey="
            + RELAY_KEY + ";EntityPath=" + ARC;
    Map<String, Object> relayNamespace;
    Map<String, Object> relayHybridConnection;
    Map<String, Object> relayRule;
    final Map<String, String> relayPuts = new LinkedHashMap<>();

    /** The extension PUT bodies as received (protected settings included: ARM never returns them). */
    final List<String> extensionPuts = Collections.synchronizedList(new ArrayList<>());

    FakeArm() throws IOException {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return handle(r);
            }
        });
        server.start();
        for (String ns : KubernetesAttach.AKS_PROVIDERS) {
            providers.put(ns, "NotRegistered");
        }
    }

    /** Everything in place: providers registered, managed identity, healthy extension, compute attached. */
    FakeArm allInPlace() {
        providers.replaceAll((k, v) -> "Registered");
        clusterIdentity = new LinkedHashMap<>(Map.of("type", "SystemAssigned", "principalId", "p1", "tenantId", "t1"));
        extension = JsonMaps.cast(RawJson.of(AzureMlExtension.seed().spec(ManagedCluster.from(new RawJson(Json.shared().toJson(cluster("Succeeded")))))
                .body().json()).value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", "eastus");
        body.put("properties", new LinkedHashMap<>(Map.of("resourceId", AKS_ID, "computeType", "Kubernetes",
                "properties", new LinkedHashMap<>(Map.of("namespace", "ml-jobs")))));
        computes.put(COMPUTE, body);
        return this;
    }

    AzureMlClient client() {
        return builder().build();
    }

    AzureMlClient.Builder builder() {
        return AzureMlClient.builder().subscription(SUB).endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of(TOKEN)))
                .pollInterval(Duration.ofSeconds(5))
                .timing(Clock.systemUTC(), d -> { });
    }

    /** The requests that change something. */
    List<String> writes() {
        synchronized (calls) {
            return calls.stream().filter(c -> !c.startsWith("GET ")).toList();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    static MockResponse json(int code, Object body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code);
        if (body != null) {
            b.setHeader("Content-Type", "application/json; charset=utf-8").body(Json.shared().toJson(body));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static MockResponse error(int code, String errorCode, String message) {
        return json(code, Map.of("error", Map.of("code", errorCode, "message", message)));
    }

    private String op(String name, String apiVersion) {
        return server.url("/operations/" + name).toString() + "?api-version=" + apiVersion;
    }

    Map<String, Object> cluster(String provisioningState) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("name", "nodepool1");
        pool.put("count", nodeCount);
        pool.put("eTag", "nvewbvoi");
        pool.put("maxPods", 110);
        pool.put("orchestratorVersion", "1.30.0");
        pool.put("osType", "Linux");
        pool.put("provisioningState", "Succeeded");
        pool.put("vmSize", "Standard_DS2_v2");
        pool.put("mode", "System");
        pool.put("type", "VirtualMachineScaleSets");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("agentPoolProfiles", List.of(pool));
        props.put("currentKubernetesVersion", "1.30.0");
        props.put("dnsPrefix", "dnsprefix1");
        props.put("enableRBAC", true);
        props.put("fqdn", "dnsprefix1-abcd1234.hcp.eastus.azmk8s.io");
        props.put("kubernetesVersion", "1.30.0");
        props.put("maxAgentPools", 100);
        props.put("nodeResourceGroup", "MC_rg1_aks1_eastus");
        props.put("provisioningState", provisioningState);
        props.put("servicePrincipalProfile", Map.of("clientId", "clientid"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", AKS);
        body.put("type", "Microsoft.ContainerService/managedClusters");
        body.put("eTag", clusterETag);
        body.put("id", AKS_ID);
        body.put("location", "eastus");
        body.put("properties", props);
        body.put("tags", Map.of("tier", "production"));
        if (clusterIdentity != null) {
            body.put("identity", clusterIdentity);
        }
        return body;
    }

    private Map<String, Object> extensionDoc(String provisioningState, String currentVersion, List<Object> statuses, Object errorInfo,
                                             String state) {
        Map<String, Object> body = JsonMaps.cast(JsonMaps.copy(extension));
        Map<String, Object> props = JsonMaps.cast(body.computeIfAbsent("properties", k -> new LinkedHashMap<>()));
        props.remove("configurationProtectedSettings");
        props.put("provisioningState", provisioningState);
        props.put("currentVersion", currentVersion);
        props.put("statuses", statuses);
        props.put("isSystemExtension", false);
        if (errorInfo != null) {
            props.put("errorInfo", errorInfo);
        }
        if (state != null) {
            props.put("extensionState", state);
        }
        body.put("id", extensionId);
        body.put("type", "Microsoft.KubernetesConfiguration/extensions");
        body.put("name", EXT);
        return body;
    }

    private Map<String, Object> extensionNow() {
        return switch (extensionOutcome) {
            case HEALTHY -> extensionDoc("Succeeded", "1.1.64", List.of(), null, extensionState);
            case SUCCEEDED_WITH_ERROR_STATUS -> extensionDoc("Succeeded", "1.1.64", List.of(Map.of("code", "E45005",
                    "displayStatus", "HealthCheck", "level", "Error", "message", "pod healthcheck failed: amlarc-identity-controller not ready",
                    "time", "2026-01-01T00:00:00Z")), null, null);
            case FAILED -> extensionDoc("Failed", null, List.of(), Map.of("code", "ExtensionOperationFailed", "message",
                    "Helm installation failed : release azureml failed, and has been uninstalled due to atomic being set: "
                            + "failed pre-install: pod healthcheck failed"), null);
        };
    }

    private Map<String, Object> compute(String name, String provisioningState) {
        Map<String, Object> body = JsonMaps.cast(JsonMaps.copy(computes.get(name)));
        body.put("id", WS_ID + "/computes/" + name);
        body.put("type", "Microsoft.MachineLearningServices/workspaces/computes");
        body.put("name", name);
        Map<String, Object> props = JsonMaps.cast(body.get("properties"));
        props.put("provisioningState", provisioningState);
        props.put("isAttachedCompute", true);
        Map<String, Object> inner = JsonMaps.cast(props.computeIfAbsent("properties", k -> new LinkedHashMap<>()));
        inner.putIfAbsent("extensionInstanceReleaseTrain", "stable");
        inner.putIfAbsent("relayConnectionString", null);
        return body;
    }

    private static final Map<String, String> VERSIONS = Map.of("Microsoft.Resources", "2025-04-01",
            "Microsoft.ContainerService", "2025-10-01", "Microsoft.KubernetesConfiguration", "2025-03-01",
            "Microsoft.MachineLearningServices", "2025-12-01", "Microsoft.Kubernetes", "2021-10-01",
            "Microsoft.Relay", "2026-01-01");

    /** Everything the relay needs, in place. */
    FakeArm relayInPlace() {
        relayNamespace = new LinkedHashMap<>(Map.of("location", "westeurope", "tags", Map.of("created_by", "Azure Arc-enabled ML")));
        relayHybridConnection = new LinkedHashMap<>(Map.of("properties", Map.of("requiresClientAuthorization", true)));
        relayRule = new LinkedHashMap<>(Map.of("properties", Map.of("rights", List.of("Manage", "Send", "Listen"))));
        return this;
    }

    // shaped after the REST spec's 2026-01-01 examples (RelayNameSpaceCreate.json, RelayHybridConnectionCreate.json,
    // RelayHybridConnectionAuthorizationRuleCreate.json, RelayHybridConnectionAuthorizationRuleListKey.json)
    private MockResponse relay(String m, String p, String body, Map<String, Object> json, String v) {
        if (p.equals(RELAY_NS_ID)) {
            if (m.equals("PUT")) {
                relayPuts.put("namespace", body);
                relayNamespace = json;
                opPolls.remove("relay-namespace");
                return json(201, relayNamespaceDoc("Created"), "Azure-AsyncOperation", op("relay-namespace", v));
            }
            return relayNamespace == null ? error(404, "ResourceNotFound", "namespace not found") : json(200, relayNamespaceDoc("Succeeded"));
        }
        if (relayNamespace == null) {
            return error(404, "ParentResourceNotFound", "namespace " + RELAY_NS + " not found");
        }
        if (p.equals(RELAY_HC_ID)) {
            if (m.equals("PUT")) {
                relayPuts.put("hybridConnection", body);
                relayHybridConnection = json;
            }
            return relayHybridConnection == null ? error(404, "ResourceNotFound", "hybrid connection not found")
                    : json(200, Map.of("id", RELAY_HC_ID, "name", ARC, "type", "Microsoft.Relay/Namespaces/HybridConnections",
                    "properties", Map.of("createdAt", "2025-01-01T00:00:00Z", "listenerCount", 0, "requiresClientAuthorization", true)));
        }
        if (relayHybridConnection == null) {
            return error(404, "ParentResourceNotFound", "hybrid connection " + ARC + " not found");
        }
        if (p.equals(RELAY_RULE_ID)) {
            if (m.equals("PUT")) {
                relayPuts.put("authorizationRule", body);
                relayRule = json;
            }
            return relayRule == null ? error(404, "ResourceNotFound", "rule not found")
                    : json(200, Map.of("id", RELAY_RULE_ID, "name", "azureml_rw", "type", "Microsoft.Relay/Namespaces/HybridConnections/AuthorizationRules",
                    "properties", relayRule.get("properties")));
        }
        if (p.equals(RELAY_RULE_ID + "/listKeys") && m.equals("POST") && relayRule != null) {
            return json(200, Map.of("keyName", "azureml_rw", "primaryConnectionString", RELAY_CONNECTION,
                    "secondaryConnectionString", RELAY_CONNECTION.replace(RELAY_KEY, "relay-secondary-key-for-tests="),
                    "primaryKey", RELAY_KEY, "secondaryKey", "relay-secondary-key-for-tests="));
        }
        return error(404, "ResourceNotFound", "fake: no relay route for " + m + " " + p);
    }

    private Map<String, Object> relayNamespaceDoc(String state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", RELAY_NS_ID);
        doc.put("name", RELAY_NS);
        doc.put("type", "Microsoft.Relay/Namespaces");
        doc.put("location", relayNamespace.get("location"));
        doc.put("sku", Map.of("name", "Standard", "tier", "Standard"));
        doc.put("tags", relayNamespace.getOrDefault("tags", Map.of()));
        doc.put("properties", Map.of("provisioningState", state, "serviceBusEndpoint", "https://" + RELAY_NS + ".servicebus.windows.net:443/"));
        return doc;
    }

    private synchronized MockResponse handle(RecordedRequest r) {
        requests.add(r);
        String m = r.getMethod();
        String p = r.getUrl().encodedPath();
        String v = r.getUrl().queryParameter("api-version");
        calls.add(m + " " + p.replace(RELAY_NS_ID, "{relay}").replace(AKS_ID, "{aks}").replace(ARC_ID, "{arc}").replace(WS_ID, "{ws}") + (r.getUrl().queryParameter("$skip") == null ? "" : "?$skip"));
        if (throttle > 0) {
            throttle--;
            return json(429, Map.of("error", Map.of("code", "TooManyRequests", "message", "throttled")), "Retry-After", "7");
        }
        if (!("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
            return error(401, "AuthenticationFailed", "no token");
        }
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        Map<String, Object> json = body.isEmpty() ? null : JsonMaps.cast(Json.shared().parseValue(body));
        if (p.startsWith("/operations/")) {
            String name = p.substring("/operations/".length());
            int seen = opPolls.merge(name, 1, Integer::sum);
            String status = seen == 1 ? "InProgress" : opOutcome.getOrDefault(name, "Succeeded");
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", p);
            doc.put("name", name);
            doc.put("status", status);
            doc.put("properties", Map.of());
            doc.put("error", status.equals("Failed") ? Map.of("code", "ExtensionOperationFailed", "message",
                    "Helm installation failed : pod healthcheck failed") : null);
            return seen == 1 ? json(200, doc, "Retry-After", "3") : json(200, doc);
        }
        String provPrefix = "/subscriptions/" + SUB + "/providers/";
        if (p.startsWith(provPrefix)) {
            if (!VERSIONS.get("Microsoft.Resources").equals(v)) {
                return error(400, "InvalidApiVersionParameter", "api-version " + v);
            }
            String[] rest = p.substring(provPrefix.length()).split("/");
            String ns = rest[0];
            if (m.equals("POST") && rest.length == 2 && rest[1].equals("register")) {
                if (!providers.getOrDefault(ns, "NotRegistered").equals("Registered")) {
                    providers.put(ns, "Registering");
                    providerPolls.put(ns, 0);
                }
            } else if (m.equals("GET") && "Registering".equals(providers.get(ns))) {
                if (providerPolls.merge(ns, 1, Integer::sum) > 1) {
                    providers.put(ns, "Registered");
                }
            }
            return json(200, Map.of("id", provPrefix + ns, "namespace", ns, "registrationState", providers.getOrDefault(ns, "NotRegistered"),
                    "registrationPolicy", "RegistrationRequired", "resourceTypes", List.of()));
        }
        if (p.startsWith(RELAY_NS_ID)) {
            if (!VERSIONS.get("Microsoft.Relay").equals(v)) {
                return error(400, "InvalidApiVersionParameter", "api-version " + v);
            }
            return relay(m, p, body, json, v);
        }
        if (p.equals(ARC_ID)) {
            if (!VERSIONS.get("Microsoft.Kubernetes").equals(v)) {
                return error(400, "InvalidApiVersionParameter", "api-version " + v);
            }
            // shaped after the connectedClusters spec's ConnectedCluster (identity SystemAssigned, read-only counts)
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("agentPublicKeyCertificate", "MIICYzCCAcygAwIBAgIBADANBgkqhkiG9w0BAQUFADAuMQswCQYDVQQGEwJVUzEM");
            props.put("kubernetesVersion", "1.30.0");
            if (arcNodes != null) {
                props.put("totalNodeCount", arcNodes);
            }
            props.put("totalCoreCount", 16);
            props.put("agentVersion", "1.21.10");
            props.put("provisioningState", "Succeeded");
            props.put("distribution", arcDistribution);
            props.put("infrastructure", "generic");
            props.put("connectivityStatus", "Connected");
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", ARC_ID);
            doc.put("name", ARC);
            doc.put("type", "Microsoft.Kubernetes/connectedClusters");
            doc.put("location", "westeurope");
            doc.put("identity", Map.of("type", "SystemAssigned", "principalId", "p-arc", "tenantId", "t1"));
            doc.put("properties", props);
            return json(200, doc);
        }
        if (p.equals(EXT_ID) || p.equals(ARC_EXT_ID)) {
            extensionId = p;
            if (!VERSIONS.get("Microsoft.KubernetesConfiguration").equals(v)) {
                return error(400, "InvalidApiVersionParameter", "api-version " + v);
            }
            if (m.equals("GET")) {
                return extension == null ? error(404, "ResourceNotFound", "extension azureml not found") : json(200, extensionNow());
            }
            if (m.equals("PUT")) {
                extensionPuts.add(body);
                extension = json;
                if (extensionOutcome == ExtensionOutcome.FAILED) {
                    opOutcome.put("extension", "Failed");
                }
                opPolls.remove("extension");
                return json(201, extensionDoc("Creating", null, List.of(), null, null),
                        "Azure-AsyncOperation", op("extension", v), "x-ms-async-operation-timeout", "PT48H");
            }
        }
        if (p.equals(AKS_ID)) {
            if (!VERSIONS.get("Microsoft.ContainerService").equals(v)) {
                return error(400, "InvalidApiVersionParameter", "api-version " + v);
            }
            if (m.equals("GET")) {
                return json(200, cluster("Succeeded"));
            }
            if (m.equals("PUT")) {
                if (!("\"" + clusterETag + "\"").equals(r.getHeaders().get("If-Match"))) {
                    return error(412, "PreconditionFailed", "eTag mismatch");
                }
                clusterIdentity = new LinkedHashMap<>(JsonMaps.cast(json.get("identity")));
                clusterIdentity.put("principalId", "00000000-0000-0000-0000-00000000000a");
                clusterIdentity.put("tenantId", "00000000-0000-0000-0000-00000000000b");
                clusterETag = "cluster-etag-2";
                opPolls.remove("cluster");
                return json(201, cluster("Updating"), "Azure-AsyncOperation", op("cluster", v), "Retry-After", "2");
            }
        }
        if (p.startsWith(WS_ID)) {
            if (!VERSIONS.get("Microsoft.MachineLearningServices").equals(v)) {
                return error(400, "InvalidApiVersionParameter", "api-version " + v);
            }
            String rest = p.substring(WS_ID.length());
            if (rest.isEmpty() && m.equals("GET")) {
                return json(200, Map.of("name", WS, "type", "Microsoft.MachineLearningServices/workspaces", "id", WS_ID, "location", "eastus",
                        "identity", Map.of("type", "SystemAssigned"), "properties", Map.of("friendlyName", WS,
                                "provisioningState", "Succeeded", "discoveryUrl", "https://eastus.api.azureml.ms/discovery",
                                "mlFlowTrackingUri", TRACKING_URI)));
            }
            if (rest.equals("/computes") && m.equals("GET")) {
                List<String> names = new ArrayList<>(computes.keySet());
                String skip = r.getUrl().queryParameter("$skip");
                int from = skip == null ? 0 : Integer.parseInt(skip);
                List<Object> page = new ArrayList<>();
                for (int i = from; i < Math.min(names.size(), from + computePageSize); i++) {
                    page.add(compute(names.get(i), "Succeeded"));
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("value", page);
                if (from + computePageSize < names.size()) {
                    doc.put("nextLink", server.url(WS_ID + "/computes").toString() + "?api-version=" + v + "&$skip=" + (from + computePageSize));
                }
                return json(200, doc);
            }
            if (rest.startsWith("/computes/")) {
                String name = rest.substring("/computes/".length());
                switch (m) {
                    case "GET" -> {
                        return computes.containsKey(name) ? json(200, compute(name, "Succeeded"))
                                : error(404, "ResourceNotFound", "compute " + name + " not found");
                    }
                    case "PUT" -> {
                        computes.put(name, json);
                        opPolls.remove("compute");
                        return json(201, compute(name, "Creating"), "Azure-AsyncOperation", op("compute", v));
                    }
                    case "DELETE" -> {
                        String action = r.getUrl().queryParameter("underlyingResourceAction");
                        if (action == null) {
                            return error(400, "BadRequest", "underlyingResourceAction is required");
                        }
                        if (computes.remove(name) == null) {
                            return json(204, null);
                        }
                        opPolls.remove("detach");
                        return json(202, null, "Azure-AsyncOperation", op("detach", v), "Location", op("detach-result", v));
                    }
                    default -> {
                        return error(405, "MethodNotAllowed", m);
                    }
                }
            }
        }
        return error(404, "ResourceNotFound", "fake: no route for " + m + " " + p);
    }
}
