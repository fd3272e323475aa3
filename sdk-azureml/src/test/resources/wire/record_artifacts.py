"""Runs the official azureml-mlflow plugin's artifact repository (azureml-mlflow 1.62.0.post6, with mlflow-skinny
3.15.0 and azure-storage-blob 12.27.1) against a local recording HTTPS server and prints every request it sends (one
JSON line each, sanitized): the run-history artifact API of the workspace (/history/v1.0/...) and the blob storage
calls on the SAS URLs that API hands out.

  log_artifact       small file        -> POST artifacts/batch/metadata, then PUT of the blob (one Put Blob)
  log_artifact       65 MiB file       -> the same POST, then Put Block x N + Put Block List (the blob client goes to
                                          blocks above its max_single_put_size of 64 MiB)
  log_artifacts      nested directory  -> one POST for all paths, one PUT per file
  list_artifacts     "", "outputs", "outputs/nested"
                                       -> GET artifacts (the whole run, nextLink paging), filtered by the plugin
  download_artifacts "outputs"         -> the listing, then per file GET artifacts/contentinfo?path=..., then ranged
                                          GETs of the blob (x-ms-range)

The server's answers follow the plugin's own generated REST client models (azureml/mlflow/_restclient/run_artifact/
models/_models_py3.py: PaginatedArtifactList, Artifact, ArtifactContentInformation,
BatchArtifactContentInformationResult) and the blob service's documented answers (201 for Put Blob, Put Block and
Put Block List; 206 with Content-Range for a ranged Get Blob). The content URIs (account, container "azureml",
"ExperimentRun/dcid.<run>/<path>", SAS query) are the fake's own: the client follows whatever contentUri says.

Host names: the tracking URI names eastus.api.azureml.ms and the SAS URLs name fakeacct.blob.core.windows.net; both are
resolved to 127.0.0.1 (socket.getaddrinfo is wrapped) and the server listens on port 443, because the plugin only
downloads URLs matching https://<account>.blob.core.windows.net/<container>/<path>?<sas> (no port).

Usage (as root, for port 443):
  openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=127.0.0.1 \
      -addext "subjectAltName=IP:127.0.0.1,DNS:eastus.api.azureml.ms,DNS:fakeacct.blob.core.windows.net"
  python record_artifacts.py cert.pem key.pem > artifacts-recording.jsonl
"""
import json
import os
import socket
import ssl
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl, unquote

CERT, KEY = sys.argv[1], sys.argv[2]
os.environ["REQUESTS_CA_BUNDLE"] = CERT

SUB, RG, WS, EXP, RUN = "sub1", "rg1", "ws1", "exp-1", "run-1"
API_HOST, BLOB_HOST = "eastus.api.azureml.ms", "fakeacct.blob.core.windows.net"
WS_SCOPE = "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.MachineLearningServices/workspaces/%s" % (SUB, RG, WS)
TRACKING_URI = "azureml://%s/mlflow/v1.0%s" % (API_HOST, WS_SCOPE)
ARTIFACT_URI = "azureml://%s/mlflow/v2.0%s/experiments/%s/runs/%s/artifacts" % (API_HOST, WS_SCOPE, EXP, RUN)
HISTORY = "/history/v1.0%s/experiments/%s/runs/%s/artifacts" % (WS_SCOPE, EXP, RUN)
SAS = "sv=2019-07-07&sr=b&sig=FAKESIGNATURE&st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=rcw"
KEEP = {"content-type", "accept", "x-ms-blob-type", "x-ms-range", "range", "content-length", "x-ms-version",
        "authorization", "x-ms-blob-content-type", "content-md5", "if-match"}

_real_getaddrinfo = socket.getaddrinfo


def _getaddrinfo(host, *a, **kw):
    if host in (API_HOST, BLOB_HOST):
        host = "127.0.0.1"
    return _real_getaddrinfo(host, *a, **kw)


socket.getaddrinfo = _getaddrinfo

LOG = []
BLOBS = {}      # blob path -> bytes
BLOCKS = {}     # (blob path, block id) -> bytes
ARTIFACTS = []  # artifact paths, in creation order


def content_info(path):
    return {"contentUri": "https://%s/azureml/ExperimentRun/dcid.%s/%s?%s" % (BLOB_HOST, RUN, path, SAS),
            "origin": "ExperimentRun", "container": "dcid." + RUN, "path": path, "tags": {}}


def artifact(path):
    return {"artifactId": "ExperimentRun/dcid.%s/%s" % (RUN, path), "origin": "ExperimentRun",
            "container": "dcid." + RUN, "path": path, "etag": "\"0x1\"", "createdTime": "2026-01-01T00:00:00Z",
            "dataPath": None, "tags": {}}


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def _send(self, status, body=None, headers=None, raw=None):
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _do(self):
        u = urlsplit(self.path)
        host = (self.headers.get("Host") or "").split(":")[0]
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        q = dict(parse_qsl(u.query))
        entry = {"method": self.command, "host": host, "path": u.path, "query": q,
                 "headers": {k: v for k, v in self.headers.items() if k.lower() in KEEP}}
        if host == BLOB_HOST:
            entry["bodyLength"] = len(raw)
            if q.get("comp") == "blocklist":
                entry["body"] = raw.decode()
        else:
            entry["body"] = json.loads(raw) if raw else None
        LOG.append(entry)
        p, m = u.path, self.command
        if host == BLOB_HOST:
            blob = unquote(p.split("/dcid.%s/" % RUN, 1)[1])
            stamp = {"ETag": "\"0x8D0000000000001\"", "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT",
                     "x-ms-request-server-encrypted": "true", "x-ms-version": "2025-01-05"}
            if m == "PUT" and q.get("comp") == "block":
                BLOCKS[(blob, q["blockid"])] = raw
                return self._send(201, None, stamp)
            if m == "PUT" and q.get("comp") == "blocklist":
                import re
                ids = re.findall(r"<Latest>([^<]+)</Latest>", raw.decode())
                BLOBS[blob] = b"".join(BLOCKS.pop((blob, i)) for i in ids)
                return self._send(201, None, stamp)
            if m == "PUT":
                BLOBS[blob] = raw
                return self._send(201, None, stamp)
            if m == "GET":
                data = BLOBS.get(blob)
                if data is None:
                    return self._send(404, None, {"x-ms-error-code": "BlobNotFound"})
                rng = self.headers.get("x-ms-range") or self.headers.get("Range")
                hdrs = dict(stamp, **{"x-ms-blob-type": "BlockBlob", "Content-Type": "application/octet-stream",
                                      "Accept-Ranges": "bytes"})
                if rng:
                    a, b = rng.split("=")[1].split("-")
                    a, b = int(a), min(int(b), len(data) - 1)
                    hdrs["Content-Range"] = "bytes %d-%d/%d" % (a, b, len(data))
                    return self._send(206, None, hdrs, raw=data[a:b + 1])
                return self._send(200, None, hdrs, raw=data)
        if p == HISTORY + "/batch/metadata" and m == "POST":
            paths = [x["path"] for x in json.loads(raw)["paths"]]
            for x in paths:
                if x not in ARTIFACTS:
                    ARTIFACTS.append(x)
            return self._send(200, {"artifacts": {x: artifact(x) for x in paths},
                                    "artifactContentInformation": {x: content_info(x) for x in paths}, "errors": {}})
        if p == HISTORY and m == "GET":
            # two pages: the first names a nextLink, as PaginatedArtifactList allows
            half = (len(ARTIFACTS) + 1) // 2
            if q.get("page") == "2":
                return self._send(200, {"value": [artifact(x) for x in ARTIFACTS[half:]], "continuationToken": None,
                                        "nextLink": None})
            return self._send(200, {"value": [artifact(x) for x in ARTIFACTS[:half]], "continuationToken": "page2",
                                    "nextLink": "https://%s%s?page=2" % (API_HOST, HISTORY)})
        if p == HISTORY + "/contentinfo" and m == "GET":
            if q.get("path") not in ARTIFACTS:
                return self._send(404, {"error": {"code": "UserError", "message": "not found"}})
            return self._send(200, content_info(q["path"]))
        return self._send(404, {"error": {"code": "NotFound", "message": "fake: no route for %s %s" % (m, p)}})

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _do


srv = ThreadingHTTPServer(("127.0.0.1", 443), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT, KEY)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
threading.Thread(target=srv.serve_forever, daemon=True).start()

# a fake Entra credential in place of DefaultAzureCredential, which the plugin builds for the tracking URI
import azure.identity  # noqa: E402
from azure.core.credentials import AccessToken, AccessTokenInfo  # noqa: E402


class FakeCredential:
    def __init__(self, *a, **kw):
        self.credentials = (self,)   # the plugin chains DefaultAzureCredential's credentials

    def get_token(self, *scopes, **kw):
        print(json.dumps({"op": "token.scopes", "scopes": list(scopes)}))
        return AccessToken("fake-aml-token", 9999999999)

    def get_token_info(self, *scopes, options=None):
        print(json.dumps({"op": "token.scopes", "scopes": list(scopes)}))
        return AccessTokenInfo("fake-aml-token", 9999999999)


azure.identity.DefaultAzureCredential = FakeCredential
os.environ["MLFLOW_TRACKING_URI"] = TRACKING_URI

from azureml.mlflow._store.artifact.artifact_repo import AzureMLflowArtifactRepository  # noqa: E402


def sanitize(text):
    return text.replace("FAKESIGNATURE", "REDACTED")


def step(name, fn):
    n = len(LOG)
    result = None
    try:
        result = fn()
        outcome = "ok"
    except Exception as e:  # the outcome is part of the record
        outcome = type(e).__name__
        print(json.dumps({"op": name, "outcome": outcome, "error": str(e)[:300]}))
    for e in LOG[n:]:
        print(sanitize(json.dumps({"op": name, "outcome": outcome, **e})))
    return result


repo = AzureMLflowArtifactRepository(ARTIFACT_URI, tracking_uri=TRACKING_URI)
work = tempfile.mkdtemp()
small = os.path.join(work, "small.txt")
with open(small, "w") as f:
    f.write("hello azure ml\n")
big = os.path.join(work, "big.bin")
with open(big, "wb") as f:
    for i in range(65):
        f.write(bytes([i % 251]) * (1024 * 1024))
tree = os.path.join(work, "tree")
os.makedirs(os.path.join(tree, "nested", "deeper"))
for rel, text in [("a.txt", "a"), ("nested/b.txt", "bb"), ("nested/deeper/c.txt", "ccc")]:
    with open(os.path.join(tree, rel), "w") as f:
        f.write(text)

step("log_artifact.small", lambda: repo.log_artifact(small, "outputs"))
step("log_artifact.big", lambda: repo.log_artifact(big, "outputs"))
step("log_artifacts.tree", lambda: repo.log_artifacts(tree, "outputs/nested"))
for path in ["", "outputs", "outputs/nested"]:
    infos = step("list_artifacts." + (path or "root"), lambda: repo.list_artifacts(path))
    print(json.dumps({"op": "list_artifacts.result", "path": path,
                      "entries": [[i.path, i.is_dir, i.file_size] for i in (infos or [])]}))
dst = os.path.join(work, "download")
os.makedirs(dst)
step("download_artifacts.outputs", lambda: repo.download_artifacts("outputs", dst))
got = {}
for root, _, files in os.walk(dst):
    for fn in files:
        full = os.path.join(root, fn)
        got[os.path.relpath(full, dst)] = os.path.getsize(full)
print(json.dumps({"op": "download_artifacts.result", "files": dict(sorted(got.items()))}))
with open(os.path.join(dst, "outputs", "big.bin"), "rb") as a, open(big, "rb") as b:
    print(json.dumps({"op": "download_artifacts.big_equal", "equal": a.read() == b.read()}))
srv.shutdown()
