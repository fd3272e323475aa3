"""Runs the official azure-mgmt-relay client (2.1.0, default api-version 2026-01-01) against a local recording HTTPS
server on 127.0.0.1 and prints every request it sends (one JSON line each, sanitized), for the Azure Relay the az CLI's
k8s-extension (partner_extensions/AzureMLKubernetes.py, _get_relay_connection_str) creates for an Arc cluster:
hybrid connection get (missing), namespace create_or_update (an LRO: 201 + Azure-AsyncOperation, then Succeeded),
hybrid connection create_or_update (requiresClientAuthorization), create_or_update_authorization_rule azureml_rw
(Manage, Send, Listen), list_keys; then the re-run (hybrid connection get, list_keys).

The answers are shaped after the REST specs' 2026-01-01 examples (RelayNameSpaceCreate.json,
RelayHybridConnectionCreate.json, RelayHybridConnectionAuthorizationRuleCreate.json,
RelayHybridConnectionAuthorizationRuleListKey.json); keys are fakes.

Usage: python record_relay.py CERT.pem KEY.pem > relay-recording.jsonl
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

SUB, RG, NS, HC, RULE = "sub1", "rg1", "arc1sub1rg1relay", "arc1", "azureml_rw"
NS_ID = "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Relay/namespaces/%s" % (SUB, RG, NS)
HC_ID = NS_ID + "/hybridConnections/" + HC
RULE_ID = HC_ID + "/authorizationRules/" + RULE
LOG = []
STATE = {"ns": None, "hc": None, "rule": None, "polls": 0}
KEEP = {"content-type", "accept", "authorization"}


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
        self.end_headers()
        self.wfile.write(data)

    def _ns(self, state):
        return {"id": NS_ID, "name": NS, "type": "Microsoft.Relay/Namespaces", "location": STATE["ns"]["location"],
                "sku": {"name": "Standard", "tier": "Standard"}, "tags": STATE["ns"].get("tags", {}),
                "properties": {"provisioningState": state, "serviceBusEndpoint": "https://%s.servicebus.windows.net:443/" % NS,
                               "metricId": "sub1:%s" % NS}}

    def _do(self):
        u = urlsplit(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        body = json.loads(raw) if raw else None
        q = dict(parse_qsl(u.query))
        LOG.append({"method": self.command, "path": u.path, "query": q,
                    "headers": {k: v for k, v in self.headers.items() if k.lower() in KEEP}, "body": body})
        p, m = u.path, self.command
        if p == "/operations/namespace":
            STATE["polls"] += 1
            status = "InProgress" if STATE["polls"] == 1 else "Succeeded"
            return self._send(200, {"id": p, "name": "namespace", "status": status},
                              {"Retry-After": "0"} if status == "InProgress" else None)
        if p == NS_ID:
            if m == "PUT":
                STATE["ns"] = body
                return self._send(201, self._ns("Created"), {"Azure-AsyncOperation": "https://127.0.0.1:%d/operations/namespace?api-version=%s" % (PORT, q["api-version"])})
            if m == "GET" and STATE["ns"]:
                return self._send(200, self._ns("Succeeded"))
        if p == HC_ID:
            if m == "PUT":
                STATE["hc"] = body
            if STATE["hc"]:
                return self._send(200, {"id": HC_ID, "name": HC, "type": "Microsoft.Relay/Namespaces/HybridConnections",
                                        "properties": {"createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z",
                                                       "listenerCount": 0, "requiresClientAuthorization": True}})
        if p == RULE_ID:
            if m == "PUT":
                STATE["rule"] = body
            if STATE["rule"]:
                return self._send(200, {"id": RULE_ID, "name": RULE,
                                        "type": "Microsoft.Relay/Namespaces/HybridConnections/AuthorizationRules",
                                        "properties": STATE["rule"]["properties"]})
        if p == RULE_ID + "/listKeys" and m == "POST" and STATE["rule"]:
            key = "fake-primary-key="
            return self._send(200, {"keyName": RULE,
                                    "primaryConnectionString": "Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=%s;SharedAccessKey=%s;EntityPath=%s" % (NS, RULE, key, HC),
                                    "secondaryConnectionString": "Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=%s;SharedAccessKey=fake-secondary-key=;EntityPath=%s" % (NS, RULE, HC),
                                    "primaryKey": key, "secondaryKey": "fake-secondary-key="})
        return self._send(404, {"error": {"code": "NotFound", "message": "fake: no %s %s" % (m, p)}})

    do_GET = do_PUT = do_POST = do_DELETE = _do


srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT, KEY)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
PORT = srv.server_address[1]
BASE = "https://127.0.0.1:%d" % PORT
threading.Thread(target=srv.serve_forever, daemon=True).start()

from azure.core.credentials import AccessToken, AccessTokenInfo  # noqa: E402


class FakeCredential:
    def get_token(self, *scopes, **kw):
        return AccessToken("fake-arm-token", 9999999999)

    def get_token_info(self, *scopes, options=None):
        return AccessTokenInfo("fake-arm-token", 9999999999)


def step(name, fn):
    n = len(LOG)
    result, outcome = None, "ok"
    try:
        result = fn()
    except Exception as e:  # the outcome is part of the record
        outcome = type(e).__name__
    for e in LOG[n:]:
        print(json.dumps({"op": name, "outcome": outcome, **e}).replace(BASE, "https://management.azure.com"))
    return result


from azure.mgmt.relay import RelayAPIMgmtClient  # noqa: E402

relay = RelayAPIMgmtClient(FakeCredential(), SUB, base_url=BASE, polling_interval=0)
step("hybrid_connections.get.missing", lambda: relay.hybrid_connections.get(RG, NS, HC))
step("namespaces.begin_create_or_update", lambda: relay.namespaces.begin_create_or_update(
    RG, NS, {"location": "westeurope", "tags": {"created_by": "Azure Arc-enabled ML"}}).result())
step("hybrid_connections.create_or_update", lambda: relay.hybrid_connections.create_or_update(
    RG, NS, HC, {"properties": {"requiresClientAuthorization": True}}))
step("hybrid_connections.create_or_update_authorization_rule", lambda: relay.hybrid_connections.create_or_update_authorization_rule(
    RG, NS, HC, RULE, {"properties": {"rights": ["Manage", "Send", "Listen"]}}))
step("hybrid_connections.list_keys", lambda: relay.hybrid_connections.list_keys(RG, NS, HC, RULE))
# the re-run: everything is there
step("rerun.hybrid_connections.get", lambda: relay.hybrid_connections.get(RG, NS, HC))
step("rerun.hybrid_connections.list_keys", lambda: relay.hybrid_connections.list_keys(RG, NS, HC, RULE))
srv.shutdown()
