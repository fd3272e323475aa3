"""Runs the official Azure Python clients against a local recording HTTPS server on 127.0.0.1 and prints every request
they send (one JSON line each, sanitized), for the calls of the Kubernetes attach workflow:

  azure-mgmt-resource 26.0.0            providers get / register (api-version 2025-04-01)
  azure-mgmt-containerservice 41.8.0    managed cluster get, then put with If-Match and a system-assigned identity
                                        (api-version 2025-10-01, as the reference notes name)
  azure-mgmt-kubernetesconfiguration-extensions 1.0.0
                                        extension get (missing), create (201 + Azure-AsyncOperation), poll, get
  azure-ai-ml 1.35.2                    (the client of `az ml compute attach`): workspace get, Kubernetes compute
                                        attach (201 + Azure-AsyncOperation), get, list, detach
                                        (underlyingResourceAction=Detach)

The server's answers are shaped after the REST specs' examples (azure-rest-api-specs: ManagedClustersGet.json,
CreateExtension.json, GetExtensionAsyncOperationStatus.json, Compute/createOrUpdate/KubernetesCompute.json,
Compute/get/KubernetesCompute.json, Compute/delete.json, Workspace/get.json); the operation-status URLs are the fake's
own (the client follows whatever Azure-AsyncOperation names). The extension's settings are those the az CLI's
k8s-extension (partner_extensions/AzureMLKubernetes.py) computes for an AKS cluster of two nodes with the seed's
settings; the CLI itself is not run (it is not on PyPI).

Usage: python record.py CERT.pem KEY.pem > recording.jsonl   (a self-signed certificate for IP 127.0.0.1;
REQUESTS_CA_BUNDLE is set to it so that the clients verify TLS as usual)
"""
import json
import os
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl

CERT, KEY = sys.argv[1], sys.argv[2]
os.environ["REQUESTS_CA_BUNDLE"] = CERT

SUB, RG, AKS, WS, COMPUTE, EXT = "sub1", "rg1", "aks1", "ws1", "k8s-compute", "azureml"
AKS_ID = "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s" % (SUB, RG, AKS)
EXT_ID = AKS_ID + "/providers/Microsoft.KubernetesConfiguration/extensions/" + EXT
WS_ID = "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.MachineLearningServices/workspaces/%s" % (SUB, RG, WS)
COMPUTE_ID = WS_ID + "/computes/" + COMPUTE

LOG = []
STATE = {"providers": {}, "cluster_identity": None, "extension": None, "compute": None, "polls": {}}
KEEP = {"content-type", "accept", "if-match", "if-none-match", "authorization"}


def cluster(provisioning_state):
    body = {
        "name": AKS, "type": "Microsoft.ContainerService/managedClusters", "eTag": "beywbwei", "id": AKS_ID,
        "location": "eastus",
        "properties": {
            "agentPoolProfiles": [{"name": "nodepool1", "count": 2, "eTag": "nvewbvoi", "maxPods": 110,
                                   "orchestratorVersion": "1.30.0", "osType": "Linux", "provisioningState": "Succeeded",
                                   "vmSize": "Standard_DS2_v2", "mode": "System", "type": "VirtualMachineScaleSets"}],
            "currentKubernetesVersion": "1.30.0", "dnsPrefix": "dnsprefix1", "enableRBAC": True,
            "fqdn": "dnsprefix1-abcd1234.hcp.eastus.azmk8s.io", "kubernetesVersion": "1.30.0", "maxAgentPools": 100,
            "nodeResourceGroup": "MC_rg1_aks1_eastus", "provisioningState": provisioning_state,
            "servicePrincipalProfile": {"clientId": "clientid"},
        },
        "tags": {"tier": "production"},
    }
    if STATE["cluster_identity"]:
        body["identity"] = STATE["cluster_identity"]
    return body


def extension(provisioning_state, current_version):
    body = json.loads(json.dumps(STATE["extension"]))
    props = body.setdefault("properties", {})
    props.pop("configurationProtectedSettings", None)
    props.update({"provisioningState": provisioning_state, "currentVersion": current_version, "statuses": [],
                  "isSystemExtension": False})
    body.update({"id": EXT_ID, "type": "Microsoft.KubernetesConfiguration/extensions", "name": EXT})
    return body


def compute(provisioning_state):
    body = json.loads(json.dumps(STATE["compute"]))
    body.update({"id": COMPUTE_ID, "type": "Microsoft.MachineLearningServices/workspaces/computes", "name": COMPUTE})
    props = body["properties"]
    props["provisioningState"] = provisioning_state
    if provisioning_state == "Succeeded":
        props["isAttachedCompute"] = True
    inner = props.setdefault("properties", {})
    inner.setdefault("extensionInstanceReleaseTrain", "stable")
    return body


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def _send(self, status, body=None, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-ms-request-id", "00000000-0000-0000-0000-000000000001")
        self.end_headers()
        self.wfile.write(data)

    def _op(self, name, api_version):
        return "https://127.0.0.1:%d/operations/%s?api-version=%s" % (PORT, name, api_version)

    def _do(self):
        u = urlsplit(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        body = json.loads(raw) if raw else None
        q = dict(parse_qsl(u.query))
        LOG.append({"method": self.command, "path": u.path, "query": q,
                    "headers": {k: v for k, v in self.headers.items() if k.lower() in KEEP}, "body": body})
        p, m = u.path, self.command
        # long-running operation status (the fake's own URLs): InProgress once, then Succeeded
        if p.startswith("/operations/"):
            name = p.rsplit("/", 1)[1]
            seen = STATE["polls"].get(name, 0)
            STATE["polls"][name] = seen + 1
            status = "InProgress" if seen == 0 and name != "detach" else "Succeeded"
            return self._send(200, {"id": p, "name": name, "status": status, "properties": {}, "error": None},
                              {"Retry-After": "0"} if status == "InProgress" else None)
        # resource providers
        prefix = "/subscriptions/%s/providers/" % SUB
        if p.startswith(prefix):
            rest = p[len(prefix):].split("/")
            ns = rest[0]
            if m == "POST" and rest[1:] == ["register"]:
                STATE["providers"][ns] = "Registering"
            elif m == "GET":
                state = STATE["providers"].get(ns, "NotRegistered")
                if state == "Registering" and STATE["polls"].setdefault("provider-" + ns, 0) > 0:
                    STATE["providers"][ns] = "Registered"
                STATE["polls"]["provider-" + ns] = STATE["polls"].get("provider-" + ns, 0) + 1
            return self._send(200, {"id": "/subscriptions/%s/providers/%s" % (SUB, ns), "namespace": ns,
                                    "registrationState": STATE["providers"].get(ns, "NotRegistered"),
                                    "registrationPolicy": "RegistrationRequired", "resourceTypes": []})
        if p == EXT_ID:
            if m == "GET":
                if STATE["extension"] is None:
                    return self._send(404, {"error": {"code": "ResourceNotFound", "message": "The Resource "
                                                      "'Microsoft.KubernetesConfiguration/extensions/azureml' under "
                                                      "resource group 'rg1' was not found."}})
                return self._send(200, extension("Succeeded", "1.1.64"))
            if m == "PUT":
                STATE["extension"] = body
                return self._send(201, extension("Creating", None),
                                  {"Azure-AsyncOperation": self._op("extension", q.get("api-version")),
                                   "x-ms-async-operation-timeout": "PT48H"})
        if p == AKS_ID:
            if m == "GET":
                return self._send(200, cluster("Succeeded"))
            if m == "PUT":
                STATE["cluster_identity"] = dict(body.get("identity") or {}, principalId="00000000-0000-0000-0000-00000000000a",
                                                 tenantId="00000000-0000-0000-0000-00000000000b")
                return self._send(201, cluster("Updating"),
                                  {"Azure-AsyncOperation": self._op("cluster", q.get("api-version")), "Retry-After": "0"})
        if p == WS_ID and m == "GET":
            return self._send(200, {"name": WS, "type": "Microsoft.MachineLearningServices/workspaces", "id": WS_ID,
                                    "location": "eastus", "identity": {"type": "SystemAssigned",
                                                                       "principalId": "00000000-0000-0000-0000-00000000000c",
                                                                       "tenantId": "00000000-0000-0000-0000-00000000000b"},
                                    "properties": {"friendlyName": WS, "provisioningState": "Succeeded",
                                                   "discoveryUrl": "https://eastus.api.azureml.ms/discovery",
                                                   "mlFlowTrackingUri": "azureml://eastus.api.azureml.ms/mlflow/v1.0" + WS_ID}})
        if p == WS_ID + "/computes" and m == "GET":
            return self._send(200, {"value": [compute("Succeeded")] if STATE["compute"] else []})
        if p == COMPUTE_ID:
            if m == "PUT":
                STATE["compute"] = body
                return self._send(201, compute("Creating"), {"Azure-AsyncOperation": self._op("compute", q.get("api-version"))})
            if m == "GET":
                return self._send(200, compute("Succeeded"))
            if m == "DELETE":
                STATE["compute"] = None
                return self._send(202, None, {"Azure-AsyncOperation": self._op("detach", q.get("api-version")),
                                              "Location": self._op("detach-result", q.get("api-version"))})
        return self._send(404, {"error": {"code": "NotFound", "message": "fake: no route for %s %s" % (m, p)}})

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = _do


srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT, KEY)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
PORT = srv.server_address[1]
BASE = "https://127.0.0.1:%d" % PORT
threading.Thread(target=srv.serve_forever, daemon=True).start()

from azure.core.credentials import AccessToken  # noqa: E402


class FakeCredential:
    def get_token(self, *scopes, **kw):
        print(json.dumps({"op": "token.scopes", "scopes": list(scopes)}))
        return AccessToken("fake-arm-token", 9999999999)

    def get_token_info(self, *scopes, options=None):
        print(json.dumps({"op": "token.scopes", "scopes": list(scopes)}))
        from azure.core.credentials import AccessTokenInfo
        return AccessTokenInfo("fake-arm-token", 9999999999)


def sanitize(text):
    return text.replace(BASE, "https://management.azure.com")


def step(name, fn):
    n = len(LOG)
    result = None
    try:
        result = fn()
        outcome = "ok"
    except Exception as e:  # the outcome is part of the record
        outcome = type(e).__name__
        if len(LOG) == n:
            print(json.dumps({"op": name, "outcome": outcome, "error": str(e)[:300]}))
    for e in LOG[n:]:
        print(sanitize(json.dumps({"op": name, "outcome": outcome, **e})))
    return result


cred = FakeCredential()

# --- providers -------------------------------------------------------------------------------------------------
from azure.mgmt.resource.resources import ResourceManagementClient  # noqa: E402

rm = ResourceManagementClient(cred, SUB, base_url=BASE, polling_interval=0)
for ns in ["Microsoft.ContainerService", "Microsoft.KubernetesConfiguration", "Microsoft.MachineLearningServices"]:
    step("providers.get", lambda: rm.providers.get(ns))
    step("providers.register", lambda: rm.providers.register(ns))
    step("providers.get.registering", lambda: rm.providers.get(ns))
    state = step("providers.get.registered", lambda: rm.providers.get(ns).registration_state)
    print(json.dumps({"op": "providers.result", "namespace": ns, "registrationState": state}))

# --- AKS: system-assigned managed identity with If-Match -------------------------------------------------------
from azure.mgmt.containerservice import ContainerServiceClient  # noqa: E402
from azure.core import MatchConditions  # noqa: E402
from azure.mgmt.containerservice.models import ManagedClusterIdentity  # noqa: E402

aks = ContainerServiceClient(cred, SUB, base_url=BASE, api_version="2025-10-01", polling_interval=0)
mc = step("managed_clusters.get", lambda: aks.managed_clusters.get(RG, AKS))
mc.identity = ManagedClusterIdentity(type="SystemAssigned")
done = step("managed_clusters.begin_create_or_update",
            lambda: aks.managed_clusters.begin_create_or_update(RG, AKS, mc, etag=mc.e_tag,
                                                        match_condition=MatchConditions.IfNotModified).result())
print(json.dumps({"op": "managed_clusters.result", "identity": done.identity.type if done else None,
                  "provisioningState": done.provisioning_state if done else None}))

# --- the Azure ML extension, with the settings AzureMLKubernetes.py computes for this cluster --------------------
from azure.mgmt.kubernetesconfiguration.extensions import KubernetesConfigurationExtensionsMgmtClient  # noqa: E402
from azure.mgmt.kubernetesconfiguration.extensions.models import Extension, Scope, ScopeCluster  # noqa: E402

settings = {
    # the seed's settings (the doc's current names)
    "enableTraining": "True", "enableInference": "True", "inferenceRouterServiceType": "LoadBalancer",
    "allowInsecureConnections": "True", "inferenceRouterHA": "False",
    # what the CLI adds for a managedClusters cluster of fewer than 3 nodes
    "clusterPurpose": "DevTest",
    "cluster_name": AKS_ID, "clusterId": AKS_ID, "prometheus.prometheusSpec.externalLabels.cluster_name": AKS_ID,
    "domain": "eastus.cloudapp.azure.com", "location": "eastus", "jobSchedulerLocation": "eastus",
    "cluster_name_friendly": AKS, "servicebus.enabled": "false", "relayserver.enabled": "false",
    "nginxIngress.enabled": "true",
}
ext = KubernetesConfigurationExtensionsMgmtClient(cred, SUB, base_url=BASE, polling_interval=0)
step("extensions.get.missing", lambda: ext.extensions.get(RG, "Microsoft.ContainerService", "managedClusters", AKS, EXT))
created = step("extensions.begin_create", lambda: ext.extensions.begin_create(
    RG, "Microsoft.ContainerService", "managedClusters", AKS, EXT,
    Extension(extension_type="microsoft.azureml.kubernetes", release_train="stable",
              scope=Scope(cluster=ScopeCluster(release_namespace="azureml")), configuration_settings=settings,
              configuration_protected_settings={})).result())
print(json.dumps({"op": "extensions.result", "provisioningState": created.properties.provisioning_state if created else None}))
step("extensions.get", lambda: ext.extensions.get(RG, "Microsoft.ContainerService", "managedClusters", AKS, EXT))

# --- Azure ML: workspace and Kubernetes compute (azure-ai-ml, the client of `az ml compute attach`) -------------
os.environ["AZUREML_DEV_URL_MFE"] = BASE
from azure.ai.ml import MLClient  # noqa: E402
from azure.ai.ml.entities import KubernetesCompute  # noqa: E402

ml = MLClient(cred, SUB, RG, WS)
w = step("workspaces.get", lambda: ml.workspaces.get(WS))
print(json.dumps({"op": "workspaces.result", "mlflow_tracking_uri": w.mlflow_tracking_uri if w else None}))
instance_types = {"defaultinstancetype": {"nodeSelector": None, "resources": {
    "requests": {"cpu": "1", "memory": "4Gi"}, "limits": {"cpu": "1", "memory": "4Gi"}}}}
c = KubernetesCompute(name=COMPUTE, resource_id=AKS_ID, namespace="ml-jobs",
                      description="AKS for training", properties={"defaultInstanceType": "defaultinstancetype",
                                                              "instanceTypes": instance_types})
attached = step("compute.begin_attach", lambda: ml.compute.begin_attach(c).result())
print(json.dumps({"op": "compute.result", "provisioning_state": attached.provisioning_state if attached else None}))
step("compute.get", lambda: ml.compute.get(COMPUTE))
step("compute.list", lambda: list(ml.compute.list()))
step("compute.begin_delete.detach", lambda: ml.compute.begin_delete(COMPUTE, action="Detach").result())
srv.shutdown()
