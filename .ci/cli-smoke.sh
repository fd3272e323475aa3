#!/usr/bin/env bash
# Smoke test of the `dataops4j` launcher and its runnable jar, as a user runs them. Builds nothing itself: run it
# after the build (`./mvnw verify` packages sdk-cli/target/dataops4j.jar); if the jar is missing, the launcher
# builds it.
#   bash .ci/cli-smoke.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
launcher="$root/dataops4j"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"   # the launcher must work from any directory

pass=0
fail=0
check() {   # check NAME CONDITION-COMMAND...
  local name="$1"; shift
  if "$@"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name"
  fi
}
run() {     # run NAME EXPECTED-EXIT ARGS...: stdout to $work/NAME.out, stderr to $work/NAME.err
  local name="$1" expected="$2"; shift 2
  local code=0
  "$launcher" "$@" >"$work/$name.out" 2>"$work/$name.err" || code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "--- $name: exit $code, expected $expected; stdout:"; cat "$work/$name.out"
    echo "--- stderr:"; cat "$work/$name.err"
  fi
  [ "$code" -eq "$expected" ]
}
is_json() { python3 -m json.tool "$1" >/dev/null; }

check "version exits 0"                 run version 0 version
check "version names dataops4j"         grep -q '^dataops4j [0-9]' "$work/version.out"
check "--json version exits 0"          run version-json 0 --json version
check "--json version is JSON"          is_json "$work/version-json.out"
check "--json doctor exits 0"           run doctor-json 0 --json doctor
check "--json doctor is JSON"           is_json "$work/doctor-json.out"
check "doctor lists 5 services"         python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["services"]) == 5, d' "$work/doctor-json.out"
check "doctor hides a secret"           env DATABRICKS_HOST=https://adb-1.azuredatabricks.net DATABRICKS_TOKEN=smoke-secret-0123456789 \
                                          bash -c '"$0" doctor > "$1" 2>&1 && grep -q "set (environment DATABRICKS_TOKEN)" "$1" && ! grep -q smoke-secret "$1"' "$launcher" "$work/doctor-secret.txt"
check "unknown command exits 2"         run nonsense 2 nonsense
check "unknown command: one line"       test "$(wc -l < "$work/nonsense.err")" -eq 1
check "--json usage error is JSON"      run nonsense-json 2 --json nonsense
check "usage error JSON on stderr"      is_json "$work/nonsense-json.err"
check "--verbose logs DEBUG on stderr"  run verbose 0 --verbose version
check "DEBUG line present"              grep -q 'DEBUG' "$work/verbose.err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
