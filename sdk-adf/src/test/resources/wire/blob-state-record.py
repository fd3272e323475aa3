"""Runs the official azure-storage-blob client against a local recording server on 127.0.0.1 and prints the
requests it sends (one JSON line each), for the state-file calls of incremental deployment: get a blob that does
not exist, create it only if absent, read it, replace it only if unchanged (If-Match), by SAS URL (plain http) and
by token (https: the client refuses tokens over http; a self-signed certificate, verification off).

Produced blob-state-recording.jsonl (azure-storage-blob 12.31.1, azure-core 1.41.0, Python 3.11):
    python3 -m venv /tmp/blobrec-venv && /tmp/blobrec-venv/bin/pip install azure-storage-blob
    mkdir -p /tmp/blobrec && openssl req -x509 -newkey rsa:2048 -nodes -keyout /tmp/blobrec/key.pem \
        -out /tmp/blobrec/cert.pem -days 2 -subj /CN=127.0.0.1
    /tmp/blobrec-venv/bin/python blob-state-record.py > raw.jsonl
then sanitized: x-ms-date, x-ms-client-request-id and the user agent's platform fixed, the SAS sig and the token
replaced. The server's answers follow the Blob service documentation (404 BlobNotFound, 409 BlobAlreadyExists for
If-None-Match: *, 412 ConditionNotMet for a stale If-Match, XML error bodies with x-ms-error-code).
"""
import json, sys, threading, hashlib, base64
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl

LOG = []
BLOBS = {}
KEEP = {"x-ms-version", "x-ms-blob-type", "content-type", "content-length", "if-match", "if-none-match", "x-ms-range",
        "x-ms-blob-content-type", "authorization", "accept", "x-ms-date", "x-ms-client-request-id", "user-agent"}

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def _send(self, status, headers, body=b""):
        self.send_response(status)
        for k, v in headers.items(): self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-ms-request-id", "00000000-0000-0000-0000-000000000001")
        self.send_header("x-ms-version", self.headers.get("x-ms-version", ""))
        self.end_headers()
        self.wfile.write(body)
    def _err(self, status, code, msg):
        body = ('<?xml version="1.0" encoding="utf-8"?><Error><Code>%s</Code><Message>%s\nRequestId:00000000-0000-0000-0000-000000000001\n'
                'Time:2026-01-01T00:00:00.0000000Z</Message></Error>' % (code, msg)).encode()
        self._send(status, {"Content-Type": "application/xml", "x-ms-error-code": code}, body)
    def _do(self):
        u = urlsplit(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        LOG.append({"method": self.command, "path": u.path, "query": dict(parse_qsl(u.query)),
                    "headers": {k: v for k, v in self.headers.items() if k.lower() in KEEP},
                    "body": body.decode() if body else None})
        blob = BLOBS.get(u.path)
        if self.command == "GET":
            if blob is None:
                return self._err(404, "BlobNotFound", "The specified blob does not exist.")
            data, etag = blob
            return self._send(200, {"Content-Type": "application/json", "ETag": etag, "x-ms-blob-type": "BlockBlob",
                                    "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT", "Content-Range": "bytes 0-%d/%d" % (len(data) - 1, len(data))}
                              if self.headers.get("x-ms-range") else
                              {"Content-Type": "application/json", "ETag": etag, "x-ms-blob-type": "BlockBlob",
                               "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT"}, data)
        if self.command == "PUT":
            inm, im = self.headers.get("If-None-Match"), self.headers.get("If-Match")
            if inm == "*" and blob is not None:
                return self._err(409, "BlobAlreadyExists", "The specified blob already exists.")
            if im is not None and (blob is None or blob[1] != im):
                return self._err(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")
            etag = '"0x8DC%010d"' % (len(LOG))
            BLOBS[u.path] = (body, etag)
            md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
            return self._send(201, {"ETag": etag, "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT", "Content-MD5": md5,
                                    "x-ms-request-server-encrypted": "true"})
        return self._err(405, "UnsupportedHttpVerb", "no")
    do_GET = do_PUT = do_HEAD = do_DELETE = _do

srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
PORT = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()

from azure.core import MatchConditions
from azure.core.credentials import AccessToken
from azure.core.exceptions import ResourceNotFoundError, ResourceExistsError, ResourceModifiedError
from azure.storage.blob import BlobClient, ContentSettings

SAS = "sv=2022-11-02&ss=b&srt=co&sp=rwc&se=2030-01-01T00%3A00%3A00Z&st=2026-01-01T00%3A00%3A00Z&spr=https%2Chttp&sig=FAKEsignatureFAKEsignatureFAKE%2B%2F%3D"
STATE = json.dumps({"LastUpdate": "2026-01-01T00:00:00Z", "Deployed": {"pipeline.PL_A": "abc"}, "adftoolsVer": "dataops4j",
                    "Algorithm": "SHA256-CANONICAL"}, indent=2)

def step(name, fn):
    n = len(LOG)
    try:
        r = fn()
        outcome = "ok"
    except Exception as e:
        outcome = type(e).__name__
    for e in LOG[n:]:
        print(json.dumps({"op": name, "outcome": outcome, **e}))

sas_url = "http://127.0.0.1:%d/account1/state/adf-prod.adftools_deployment_state.json?%s" % (PORT, SAS)
c = BlobClient.from_blob_url(sas_url)
step("sas.download_missing", lambda: c.download_blob().readall())
step("sas.upload_if_absent", lambda: c.upload_blob(STATE.encode(), overwrite=False,
                                                   content_settings=ContentSettings(content_type="application/json")))
step("sas.upload_if_absent_again", lambda: c.upload_blob(STATE.encode(), overwrite=False,
                                                         content_settings=ContentSettings(content_type="application/json")))
props = {}
def dl():
    d = c.download_blob()
    props["etag"] = d.properties.etag
    return d.readall()
step("sas.download", dl)
step("sas.upload_if_match", lambda: c.upload_blob(STATE.encode(), overwrite=True, etag=props["etag"],
                                                  match_condition=MatchConditions.IfNotModified,
                                                  content_settings=ContentSettings(content_type="application/json")))
step("sas.upload_if_match_stale", lambda: c.upload_blob(STATE.encode(), overwrite=True, etag=props["etag"],
                                                        match_condition=MatchConditions.IfNotModified,
                                                        content_settings=ContentSettings(content_type="application/json")))

class Tok:
    def get_token(self, *scopes, **kw):
        print(json.dumps({"op": "token.scopes", "scopes": list(scopes)}))
        return AccessToken("fake-storage-token", 9999999999)
    def get_token_info(self, *scopes, options=None):
        print(json.dumps({"op": "token.scopes", "scopes": list(scopes)}))
        from azure.core.credentials import AccessTokenInfo
        return AccessTokenInfo("fake-storage-token", 9999999999)

import ssl
tls = ThreadingHTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain("/tmp/blobrec/cert.pem", "/tmp/blobrec/key.pem")
tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
threading.Thread(target=tls.serve_forever, daemon=True).start()
t = BlobClient("https://127.0.0.1:%d/account1" % tls.server_address[1], "state", "folder/adf-prod.adftools_deployment_state.json", credential=Tok(), connection_verify=False)
step("token.download_missing", lambda: t.download_blob(connection_verify=False).readall())
step("token.upload", lambda: t.upload_blob(STATE.encode(), overwrite=True, connection_verify=False,
                                           content_settings=ContentSettings(content_type="application/json")))
step("token.download", lambda: t.download_blob(connection_verify=False).readall())
