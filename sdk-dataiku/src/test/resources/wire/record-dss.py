"""Records the wire shapes of the Dataiku DSS public API as the official Python client sends them.

Runs dataikuapi (pip `dataiku-api-client`, class DSSClient) against a local recording server on 127.0.0.1 for each
intent sdk-dataiku implements, and writes
  - wire/dss-recording.jsonl: every request the official client sent and the answer it got, one JSON line each;
  - fixtures/dss/<op>.json: the same exchanges as FixtureDispatcher fixtures (given/when/then).

The answers are plausible bodies: their fields are the ones named in shared/reference/dataiku-api.md and the ones
dataikuapi's own code reads (dssclient.py, dss/admin.py, dss/project.py, dss/dataset.py, dss/job.py, dss/future.py,
dss/scenario.py, dss/sqlquery.py); where a value had to be made up (ids, dates, names), it is a fixture value.
Sanitizing: the path prefix /dip/publicapi that dataikuapi uses becomes /public/api (the documented base path, also
used by Dataiku's Java and VS Code clients); Python's query booleans True/False are written true/false (DSS reads
both); only the Authorization and Content-Type request headers are kept; every secret is a fixture value.

Usage: python3 record-dss.py <dir of sdk-dataiku/src/test/resources>
"""
import json, os, sys, threading, re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl

API_KEY = "fixture-dss-api-key-0001"
APP_SECRET = "fixture-app-secret-0a1b2c"
ACCESS_KEY = "ZmFrZS1zdG9yYWdlLWFjY291bnQta2V5LWZpeHR1cmU="
SQL_PASSWORD = "Fixture-Passw0rd!"
NEW, OLD = "14.3.3", "13.4.2"

LOG = []          # (op, request, response)
OP = {"name": None, "version": NEW}
ROUTES = []       # (method, regex, [answers]) ; answers served in order, last repeats


def route(method, pattern, *answers):
    ROUTES.append([method, re.compile(pattern + "$"), list(answers), 0])


def answer(status=200, body=None, text=None, ctype=None):
    return {"status": status, "body": body, "text": text, "ctype": ctype}


def dss_error(status, error_type, message, detailed=None):
    b = {"errorType": error_type, "message": message}
    if detailed is not None:
        b["detailedMessage"] = detailed
    return answer(status, b)


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def _do(self):
        u = urlsplit(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        path = u.path.replace("/dip/publicapi", "/public/api", 1)
        body = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode()
        req = {"method": self.command, "path": path,
               "query": [[k, {"True": "true", "False": "false"}.get(v, v)] for k, v in parse_qsl(u.query, keep_blank_values=True)],
               "headers": {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "content-type")},
               "body": body}
        chosen = None
        for r in ROUTES:
            if r[0] == self.command and r[1].match(path):
                chosen = r[2][min(r[3], len(r[2]) - 1)]
                r[3] += 1
                break
        if chosen is None:
            chosen = answer(599, text="no route for %s %s" % (self.command, path))
        headers = {"DSS-Version": OP["version"]}
        if chosen["body"] is not None:
            data = json.dumps(chosen["body"]).encode()
            headers["Content-Type"] = chosen["ctype"] or "application/json"
        elif chosen["text"] is not None:
            data = chosen["text"].encode()
            headers["Content-Type"] = chosen["ctype"] or "text/plain;charset=utf-8"
        else:
            data = b""
        LOG.append((OP["name"], req, {"status": chosen["status"], "headers": dict(headers),
                                      "body": chosen["body"], "text": chosen["text"]}))
        self.send_response(chosen["status"])
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _do


# ---------------------------------------------------------------- answers
AZURE_PARAMS = {
    "storageAccount": "dataopsfixture", "authType": "OAUTH2_APP", "tenantId": "00000000-0000-0000-0000-00000000aaaa",
    "appId": "00000000-0000-0000-0000-00000000bbbb", "appSecret": APP_SECRET, "chcontainer": "dataiku", "chroot": "",
    "defaultManagedContainer": "dataiku", "defaultManagedPath": "/dataiku", "useSSL": True, "hdfsInterface": "ABFS"}
# what GET answers: secrets come back encrypted (reference notes); unknown keys are kept by a round-trip
AZURE_STORED = {
    "name": "azure-blob-dataiku", "type": "Azure", "description": "Blob container dataiku (service principal)",
    "params": dict(AZURE_PARAMS, appSecret="encrypted-by-dss-fixture-value", namingRule={}, dkuProperties=[],
                   metastoreSynchronizationMode="NO_SYNC"),
    "credentialsMode": "GLOBAL", "allowWrite": True, "allowManagedDatasets": True, "allowManagedFolders": True,
    "maxActivities": 0, "useGlobalProxy": False, "usableBy": "ALLOWED", "allowedGroups": ["data-engineers"],
    "detailsReadability": {"readableBy": "NONE", "allowedGroups": []}}
SYNAPSE_PARAMS = {
    "host": "dataopsws.sql.azuresynapse.net", "port": 1433, "db": "dw", "user": "loader@dataopsws",
    "password": SQL_PASSWORD, "azureDWH": True, "autocommitMode": True,
    "properties": [{"name": "encrypt", "value": "true", "secret": False},
                   {"name": "trustServerCertificate", "value": "false", "secret": False},
                   {"name": "hostNameInCertificate", "value": "*.sql.azuresynapse.net", "secret": False},
                   {"name": "loginTimeout", "value": "30", "secret": False}]}
SYNAPSE_STORED = {
    "name": "synapse-dw", "type": "Synapse", "description": None,
    "params": dict(SYNAPSE_PARAMS, password="encrypted-by-dss-fixture-value",
                   namingRule={"tableNameDatasetNamePrefix": "${projectKey}_"}, dkuProperties=[]),
    "credentialsMode": "GLOBAL", "allowWrite": True, "allowManagedDatasets": True, "allowManagedFolders": False,
    "maxActivities": 0, "useGlobalProxy": False, "usableBy": "ALL", "allowedGroups": [],
    "detailsReadability": {"readableBy": "NONE", "allowedGroups": []}}
NOT_FOUND = "com.dataiku.dip.server.controllers.NotFoundException"
CODED = "com.dataiku.dip.exceptions.CodedIOException"
DRIVER_MESSAGE = "ERR_SQL_CANNOT_LOAD_DRIVER: Failed to load database driver"
DRIVER_DETAIL = DRIVER_MESSAGE + ", caused by: ClassNotFoundException: com.microsoft.sqlserver.jdbc.SQLServerDriver"

PROJECTS = [{"projectKey": "DATAOPS", "name": "Data ops", "owner": "admin", "shortDesc": "Blob and Synapse imports",
             "tags": ["azure"]},
            {"projectKey": "SANDBOX", "name": "Sandbox", "owner": "analyst", "tags": []}]
BLOB_DATASET = {"projectKey": "DATAOPS", "name": "sales_raw", "type": "Azure", "managed": False,
                "params": {"connection": "azure-blob-dataiku", "path": "/sales/2026", "container": "dataiku"},
                "formatType": "csv",
                "formatParams": {"style": "excel", "separator": ",", "parseHeaderRow": True, "skipRowsBeforeHeader": 0,
                                 "skipRowsAfterHeader": 0},
                "schema": {"columns": [{"name": "id", "type": "bigint"}, {"name": "amount", "type": "double"}]},
                "tags": []}
SQL_DATASET = {"projectKey": "DATAOPS", "name": "dbo_orders", "type": "Synapse", "managed": False,
               "params": {"connection": "synapse-dw", "mode": "table", "schema": "dbo", "table": "orders",
                          "catalog": None},
               "schema": {"columns": [{"name": "order_id", "type": "bigint"}, {"name": "total", "type": "double"}]},
               "tags": ["imported"]}
CANDIDATES = {"sqlImportCandidates": [
    {"connectionName": "synapse-dw", "table": "orders", "checked": False, "datasetName": "dbo_orders",
     "existingDatasetsNames": []},
    {"connectionName": "synapse-dw", "table": "customers", "checked": False, "datasetName": "dbo_customers",
     "existingDatasetsNames": []}]}


def job_status(state, failure=None):
    s = {"baseStatus": {"def": {"id": "Build_sales_raw_2026-01-15T10-00-00.000", "projectKey": "DATAOPS",
                                "type": "RECURSIVE_BUILD"}, "state": state}}
    if failure:
        s["baseStatus"]["unexpectedFailure"] = failure
    return s


RUN = {"runId": "2026-01-15-10-00-05-123", "scenario": {"projectKey": "DATAOPS", "id": "NIGHTLY"},
       "start": 1768471205123, "end": 0, "trigger": {"trigger": {"id": "manual"}}}
RUN_DONE = dict(RUN, end=1768471265456, result={"outcome": "SUCCESS"})
STEP_RUNS = [
    {"runId": "step-1", "result": {"outcome": "SUCCESS"},
     "additionalReportItems": [{"type": "JOB_EXECUTED", "jobId": "Build_sales_raw_2026-01-15T10-00-06.000",
                                "outcome": "SUCCESS"}]},
    {"runId": "step-2", "result": {"outcome": "SUCCESS"}, "additionalReportItems": []}]
FAILED_STEP = {"runId": "step-1", "result": {"outcome": "FAILED",
                          "thrown": {"clazz": "com.dataiku.dip.exceptions.CodedSQLException",
                                     "title": "Failed to load database driver", "message": DRIVER_MESSAGE,
                                     "code": "ERR_SQL_CANNOT_LOAD_DRIVER", "fixability": "ADMIN_INSTALLATION"}},
               "additionalReportItems": [{"type": "JOB_EXECUTED", "jobId": "Build_dbo_orders_2026-01-15T11-00-00.000",
                                          "outcome": "FAILED"}]}


def setup_routes():
    P = "/public/api"
    # connections
    route("GET", P + "/admin/connections/", answer(body={"azure-blob-dataiku": AZURE_STORED, "synapse-dw": SYNAPSE_STORED}))
    route("POST", P + "/admin/connections/", answer(text=""))
    route("GET", P + "/admin/connections/azure-blob-dataiku", answer(body=AZURE_STORED))
    route("PUT", P + "/admin/connections/azure-blob-dataiku", answer(body={}))
    route("GET", P + "/admin/connections/synapse-dw", answer(body=SYNAPSE_STORED))
    route("PUT", P + "/admin/connections/synapse-dw", answer(body={}))
    route("GET", P + "/admin/connections/synapse-nodriver", answer(body=dict(SYNAPSE_STORED, name="synapse-nodriver")))
    route("DELETE", P + "/admin/connections/azure-blob-dataiku", answer(text=""))
    route("GET", P + "/admin/connections/missing-conn",
          dss_error(500, NOT_FOUND, "connection does not exist: missing-conn"))
    route("GET", P + "/connections/get-names", answer(body=["azure-blob-dataiku"]))
    route("GET", P + "/connections/synapse-dw/test", answer(body={"connectionOK": True}))
    route("GET", P + "/connections/azure-blob-dataiku/test", answer(body={"connectionOK": True}))
    route("GET", P + "/connections/synapse-nodriver/test", dss_error(500, CODED, DRIVER_MESSAGE, DRIVER_DETAIL))
    # sql queries (the test fallback before DSS 14.2)
    route("POST", P + "/sql/queries/",
          # the schema is a list of columns: utils.DataikuValueCaster iterates it (the docstring says a dict with columns)
          answer(body={"queryId": "q-0001", "schema": [{"name": "ok", "type": "int", "originalType": "int"}]}),
          dss_error(500, CODED, DRIVER_MESSAGE, DRIVER_DETAIL))
    route("GET", P + "/sql/queries/q-0001/stream", answer(text="1\n", ctype="text/tab-separated-values"))
    route("GET", P + "/sql/queries/q-0001/finish-streaming", answer(text=""))
    # projects
    route("GET", P + "/projects/", answer(body=PROJECTS))
    route("GET", P + "/projects/DATAOPS", answer(body=PROJECTS[0]))
    route("GET", P + "/projects/NOPE", dss_error(500, NOT_FOUND, "project does not exist: NOPE"))
    route("POST", P + "/projects/", answer(text=""))
    route("DELETE", P + "/projects/SANDBOX", answer(body={"hasResult": True, "alive": False,
                                                         "result": {"messages": [], "anyMessage": False, "success": False,
                                                                    "warning": False, "error": False}}))
    # datasets
    route("GET", P + "/projects/DATAOPS/datasets/", answer(body=[BLOB_DATASET, SQL_DATASET]))
    route("POST", P + "/projects/DATAOPS/datasets/", answer(body={}))
    route("GET", P + "/projects/DATAOPS/datasets/sales_raw", answer(body=BLOB_DATASET))
    route("PUT", P + "/projects/DATAOPS/datasets/sales_raw", answer(text=""))
    route("GET", P + "/projects/DATAOPS/datasets/dbo_orders", answer(body=SQL_DATASET))
    route("GET", P + "/projects/DATAOPS/datasets/sales_raw/schema", answer(body=BLOB_DATASET["schema"]))
    route("PUT", P + "/projects/DATAOPS/datasets/sales_raw/schema", answer(body={}))
    route("POST", P + "/projects/DATAOPS/datasets/sales_raw/actions/testAndDetectSettings/fsLike",
          answer(body={"jobId": "fut-detect-1", "hasResult": False, "alive": True}))
    route("POST", P + "/projects/DATAOPS/datasets/dbo_orders/actions/testAndDetectSettings/externalSQL",
          answer(body={"schemaDetection": {"newSchema": SQL_DATASET["schema"]}}))
    route("DELETE", P + "/projects/DATAOPS/datasets/sales_raw", answer(text=""))
    route("GET", P + "/projects/DATAOPS/datasets/tables-import/actions/list-schemas", answer(body=["dbo", "staging"]))
    route("GET", P + "/projects/DATAOPS/datasets/tables-import/actions/list-tables",
          answer(body={"jobId": "fut-list-1", "hasResult": False, "alive": True}))
    route("POST", P + "/projects/DATAOPS/datasets/tables-import/actions/prepare-from-keys",
          answer(body={"jobId": "fut-prepare-1", "hasResult": False, "alive": True}))
    route("POST", P + "/projects/DATAOPS/datasets/tables-import/actions/execute-from-candidates",
          answer(body={"jobId": "fut-execute-1", "hasResult": False, "alive": True}))
    # blob test fallback: a temporary dataset
    route("POST", P + "/projects/DATAOPS/datasets/__dataops4j_probe_azure_blob_dataiku/actions/testAndDetectSettings/fsLike",
          answer(body={"jobId": "fut-probe-1", "hasResult": False, "alive": True}))
    route("GET", P + "/projects/DATAOPS/datasets/__dataops4j_probe_azure_blob_dataiku",
          answer(body={"projectKey": "DATAOPS", "name": "__dataops4j_probe_azure_blob_dataiku", "type": "Azure",
                       "params": {"connection": "azure-blob-dataiku", "path": "/"}}))
    route("DELETE", P + "/projects/DATAOPS/datasets/__dataops4j_probe_azure_blob_dataiku", answer(text=""))
    # futures
    route("GET", P + "/futures/fut-detect-1",
          answer(body={"jobId": "fut-detect-1", "hasResult": False, "alive": True}),
          answer(body={"jobId": "fut-detect-1", "hasResult": True, "alive": False, "result": {"format": {
              "ok": True, "type": "csv", "params": BLOB_DATASET["formatParams"],
              "schemaDetection": {"newSchema": BLOB_DATASET["schema"]}}}}))
    route("GET", P + "/futures/fut-list-1",
          answer(body={"jobId": "fut-list-1", "hasResult": True, "alive": False, "result": {"tables": [
              {"schema": "dbo", "table": "orders"}, {"schema": "dbo", "table": "customers"}]}}))
    route("GET", P + "/futures/fut-prepare-1",
          answer(body={"jobId": "fut-prepare-1", "hasResult": False, "alive": True}),
          answer(body={"jobId": "fut-prepare-1", "hasResult": True, "alive": False, "result": CANDIDATES}))
    route("GET", P + "/futures/fut-execute-1",
          answer(body={"jobId": "fut-execute-1", "hasResult": True, "alive": False}))
    route("GET", P + "/futures/fut-probe-1",
          answer(body={"jobId": "fut-probe-1", "hasResult": True, "alive": False,
                       "result": {"format": {"ok": False}}}))
    route("DELETE", P + "/futures/fut-abort-1", answer(text=""))
    # jobs
    route("POST", P + "/projects/DATAOPS/jobs/", answer(body={"id": "Build_sales_raw_2026-01-15T10-00-00.000"}))
    route("GET", P + "/projects/DATAOPS/jobs/Build_sales_raw_2026-01-15T10-00-00.000/",
          answer(body=job_status("RUNNING")), answer(body=job_status("DONE")))
    route("GET", P + "/projects/DATAOPS/jobs/Build_dbo_orders_2026-01-15T11-00-00.000/",
          answer(body=dict(job_status("FAILED", {"errorType": "com.dataiku.dip.exceptions.CodedSQLException",
                                                   "message": DRIVER_MESSAGE, "detailedMessage": DRIVER_DETAIL,
                                                   "detailedMessageHTML": "<p>" + DRIVER_MESSAGE + "</p>",
                                                   "stackTraceStr": "com.dataiku.dip.exceptions.CodedSQLException: "
                                                                    + DRIVER_MESSAGE}))))
    route("GET", P + "/projects/DATAOPS/jobs/Build_sales_raw_2026-01-15T10-00-00.000/log",
          answer(text="[10:00:01] [INFO] Running activity sales_raw_NP\n[10:00:05] [INFO] Done\n"))
    route("POST", P + "/projects/DATAOPS/jobs/Build_sales_raw_2026-01-15T10-00-00.000/abort", answer(body={}))
    route("GET", P + "/projects/DATAOPS/jobs/", answer(body=[
        {"def": {"id": "Build_sales_raw_2026-01-15T10-00-00.000", "projectKey": "DATAOPS"},
         "startTime": 1768471200000, "endTime": 1768471260000}]))
    # scenarios
    route("GET", P + "/projects/DATAOPS/scenarios/", answer(body=[
        {"projectKey": "DATAOPS", "id": "NIGHTLY", "name": "Nightly refresh", "running": False,
         "tags": []}]))
    route("POST", P + "/projects/DATAOPS/scenarios/NIGHTLY/run",
          answer(body={"trigger": {"id": "manual"}, "runId": "trigger-run-1", "cancelled": False}))
    route("GET", P + "/projects/DATAOPS/scenarios/NIGHTLY/get-run-for-trigger",
          answer(body={}), answer(body={"scenarioRun": RUN}), answer(body={"scenarioRun": RUN_DONE}))
    route("GET", P + "/projects/DATAOPS/scenarios/trigger/NIGHTLY/manual",
          answer(body={"trigger": {"id": "manual"}, "runId": "trigger-run-1", "cancelled": False}))
    route("GET", P + "/projects/DATAOPS/scenarios/NIGHTLY/2026-01-15-10-00-05-123/",
          answer(body={"scenarioRun": RUN_DONE, "stepRuns": STEP_RUNS}))
    route("GET", P + "/projects/DATAOPS/scenarios/NIGHTLY/get-last-runs", answer(body=[RUN_DONE]))
    route("POST", P + "/projects/DATAOPS/scenarios/NIGHTLY/abort", answer(body={}))
    failed = dict(RUN, runId="2026-01-15-11-00-00-001", scenario={"projectKey": "DATAOPS", "id": "LOAD"},
                  end=1768474800999, result={"outcome": "FAILED"})
    route("POST", P + "/projects/DATAOPS/scenarios/LOAD/run",
          answer(body={"trigger": {"id": "manual"}, "runId": "trigger-run-2", "cancelled": False}))
    route("GET", P + "/projects/DATAOPS/scenarios/LOAD/get-run-for-trigger", answer(body={"scenarioRun": failed}))
    route("GET", P + "/projects/DATAOPS/scenarios/LOAD/2026-01-15-11-00-00-001/",
          answer(body={"scenarioRun": failed, "stepRuns": [FAILED_STEP]}))


def run_intents(host):
    from dataikuapi import DSSClient
    import dataikuapi.utils as u
    u._ExponentialBackoff.sleep_next = lambda self: None   # the recording needs no real waiting
    client = DSSClient(host, API_KEY)

    def op(name, version=NEW):
        OP["name"], OP["version"] = name, version

    # ---- connections
    op("connections-list"); client.list_connections()
    op("connections-names"); client.list_connections_names("Azure")
    op("connections-get"); client.get_connection("azure-blob-dataiku").get_settings()
    op("connections-get-missing")
    try:
        client.get_connection("missing-conn").get_settings()
    except u.DataikuException:
        pass
    op("connections-create-azure")
    conn = client.create_connection("azure-blob-dataiku", "Azure", params=AZURE_PARAMS, usable_by="ALLOWED",
                                    allowed_groups=["data-engineers"],
                                    description="Blob container dataiku (service principal)")
    settings = conn.get_settings()
    settings.details_readability.set_readability(False, "dss-admins")
    settings.get_raw()["credentialsMode"] = "GLOBAL"
    settings.save()
    op("connections-create-synapse")
    client.create_connection("synapse-dw", "Synapse", params=SYNAPSE_PARAMS, usable_by="ALL", allowed_groups=[])
    op("connections-update-synapse")
    s = client.get_connection("synapse-dw").get_settings()
    s.set_usability(False, "data-engineers")
    s.save()
    op("connections-get-synapse-nodriver"); client.get_connection("synapse-nodriver").get_settings()
    op("connections-delete"); client.get_connection("azure-blob-dataiku").delete()
    op("connections-test-endpoint"); client.get_connection("synapse-dw").test()
    op("connections-test-endpoint-blob"); client.get_connection("azure-blob-dataiku").test()
    op("connections-test-endpoint-driver-missing")
    try:
        client.get_connection("synapse-nodriver").test()
    except u.DataikuException:
        pass
    # ---- the same checks on a DSS without the test endpoint (13.x)
    op("server-version-old", OLD); client.list_projects()
    op("server-version-new", NEW); client.list_projects()
    op("connections-test-fallback-sql", OLD)
    q = client.sql_query("SELECT 1", connection="synapse-dw")
    list(q.iter_rows())
    q.verify()
    op("connections-test-fallback-sql-driver-missing", OLD)
    try:
        client.sql_query("SELECT 1", connection="synapse-nodriver")
    except u.DataikuException:
        pass
    op("connections-test-fallback-schemas", OLD); client.get_project("DATAOPS").list_sql_schemas("synapse-dw")
    op("connections-test-fallback-blob", OLD)
    probe = client.get_project("DATAOPS").create_azure_blob_dataset("__dataops4j_probe_azure_blob_dataiku",
                                                                   "azure-blob-dataiku", "/")
    probe.test_and_detect().wait_for_result()
    probe.delete()
    # ---- projects
    op("projects-list"); client.list_projects()
    op("projects-get"); client.get_project("DATAOPS").get_summary()
    op("projects-get-missing")
    try:
        client.get_project("NOPE").get_summary()
    except u.DataikuException:
        pass
    op("projects-create"); client.create_project("SANDBOX", "Sandbox", "analyst", description="Scratch space")
    op("projects-delete"); client.get_project("SANDBOX").delete()
    # ---- datasets
    p = client.get_project("DATAOPS")
    op("datasets-list"); p.list_datasets()
    op("datasets-create-blob")
    p.create_dataset("sales_raw", "Azure", params={"connection": "azure-blob-dataiku", "path": "/sales/2026",
                                                   "container": "dataiku"},
                     formatType="csv", formatParams=BLOB_DATASET["formatParams"])
    op("datasets-create-sql"); p.create_sql_table_dataset("dbo_orders", "Synapse", "synapse-dw", "orders", "dbo")
    op("datasets-settings-update")
    ds = p.get_dataset("sales_raw").get_settings()
    ds.get_raw()["description"] = "Sales files of 2026"
    ds.save()
    op("datasets-schema-get"); p.get_dataset("sales_raw").get_schema()
    op("datasets-schema-set"); p.get_dataset("sales_raw").set_schema(BLOB_DATASET["schema"])
    op("datasets-autodetect-blob"); p.get_dataset("sales_raw").autodetect_settings()
    op("datasets-autodetect-sql"); p.get_dataset("dbo_orders").autodetect_settings()
    op("datasets-delete"); p.get_dataset("sales_raw").delete(drop_data=False)
    op("datasets-import-list-tables"); p.list_sql_tables("synapse-dw", "dbo")
    op("datasets-import-prepare-execute")
    imp = p.init_tables_import()
    imp.add_sql_table("synapse-dw", "dbo", "orders")
    imp.add_sql_table("synapse-dw", "dbo", "customers")
    imp.prepare().execute().wait_for_result()
    op("futures-abort")
    from dataikuapi.dss.future import DSSFuture
    DSSFuture(client, "fut-abort-1").abort()
    # ---- jobs
    op("jobs-build")
    job = p.new_job("RECURSIVE_BUILD").with_output("sales_raw", "DATASET", "DATAOPS").start()
    from dataikuapi.dss.job import DSSJobWaiter
    DSSJobWaiter(job).wait()
    op("jobs-failed")
    try:
        DSSJobWaiter(p.get_job("Build_dbo_orders_2026-01-15T11-00-00.000")).wait()
    except u.DataikuException:
        pass
    op("jobs-log"); job.get_log()
    op("jobs-abort"); job.abort()
    op("jobs-list"); p.list_jobs()
    # ---- scenarios
    sc = p.get_scenario("NIGHTLY")
    op("scenarios-list"); p.list_scenarios()
    op("scenarios-run-wait")
    fire = sc.run({"day": "2026-01-15"})
    run = fire.wait_for_scenario_run()
    fire.is_cancelled(refresh=True)
    run = __import__("dataikuapi").dss.scenario.DSSScenarioRunWaiter(run, fire).wait()
    run.get_details()
    op("scenarios-run-failed")
    p.get_scenario("LOAD").run_and_wait(no_fail=True).get_details()
    op("scenarios-last-runs"); sc.get_last_runs(limit=5, only_finished_runs=True)
    op("scenarios-abort"); sc.abort()


def main():
    out = sys.argv[1]
    setup_routes()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        run_intents("http://127.0.0.1:%d" % srv.server_address[1])
    finally:
        srv.shutdown()
    expected_auth = None
    with open(os.path.join(out, "wire", "dss-recording.jsonl"), "w") as f:
        for name, req, res in LOG:
            f.write(json.dumps({"op": name, "request": req, "response": res}) + "\n")
    by_op = {}
    for name, req, res in LOG:
        by_op.setdefault(name, []).append((req, res))
    for name, exchanges in by_op.items():
        fixtures = []
        for req, res in exchanges:
            when = {"method": req["method"], "path": req["path"]}
            if req["query"]:
                q = {}
                for k, v in req["query"]:
                    q.setdefault(k, []).append(v)
                when["query"] = {k: (v[0] if len(v) == 1 else v) for k, v in q.items()}
            if "Authorization" in req["headers"]:
                when["headers"] = {"Authorization": req["headers"]["Authorization"]}
            if isinstance(req["body"], (dict, list)):
                when["body"] = req["body"]
            then = {"status": res["status"], "headers": res["headers"]}
            if res["body"] is not None:
                then["body"] = res["body"]
            elif res["text"]:
                then["bodyText"] = res["text"]
            key = json.dumps(when, sort_keys=True)
            same = [fx for fx in fixtures if json.dumps(fx["when"], sort_keys=True) == key]
            if same:
                t = same[0]["then"]
                t = t if isinstance(t, list) else [t]
                if t[-1] != then:   # an answer repeated as is: the last answer of a sequence repeats anyway
                    same[0]["then"] = t + [then]
            else:
                fixtures.append({"name": "%s #%d" % (name, len(fixtures) + 1),
                                 "_source": "recorded from dataikuapi (wire/record-dss.py, op %s)" % name,
                                 "when": when, "then": then})
        with open(os.path.join(out, "fixtures", "dss", name + ".json"), "w") as f:
            json.dump(fixtures, f, indent=2)
            f.write("\n")
    print("%d exchanges in %d ops" % (len(LOG), len(by_op)))


if __name__ == "__main__":
    main()
