#!/usr/bin/env bash
# Builds sdk-bench and runs the side-by-side benchmarks; prints every figure. Never part of `mvn verify`.
#
#   bench/run.sh                  # all: jobs/runs/get figure + breakdown of our pipeline + dependency closures + mlflow
#   bench/run.sh runs-get         # only the jobs/runs/get figure (also: breakdown, closure, profile, mlflow)
#   bench/run.sh mlflow           # MLflow: ours vs org.mlflow:mlflow-client on a real local MLflow server (separate JVM)
#   bench/run.sh mlflow --mlflow-warmup 3 --mlflow-rounds 10 --mlflow-runs 1000                       # its defaults
#   bench/run.sh dbx-runs-get dbx-statement   # sdk-databricks vs databricks-sdk-java: runs/get through the full
#                                 # clients; a 1,000,000-row EXTERNAL_LINKS result (--stmt-rounds N --rows N --chunks N)
#   bench/run.sh mlflow-copy      # MLflow copy of 200 runs: ours (MlflowTransfer) vs mlflow-export-import export + import
#                                 # (not part of `all`; --copy-runs N --copy-parallelism N --copy-workers N)
#   bench/run.sh adf              # sdk-adf: level-parallel vs one-by-one deploy of a generated 500-object factory against a
#                                 # fake ADF (50 ms a call); plan time for 2,000 objects (--adf-objects N --adf-plan-objects N
#                                 # --adf-latency-ms N --adf-plan-rounds N); not part of `all`
#   bench/run.sh profile          # JFR profile of the calling thread, stack by stack (separate JVM)
#   bench/run.sh --no-build ...   # reuse the last build
#   bench/run.sh runs-get --warmup 10000 --rounds 40 --calls 500    # the defaults: 20,000 measured calls per stack
#
# The machine should be otherwise idle: CPU time is per thread, but caches and frequency are shared.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=$root/sdk-bench/target

build=1
commands=()
options=()
mlflow_options=()
dbx_options=()
adf_options=()
copy_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    runs-get|breakdown|closure|profile|mlflow|all|dbx-runs-get|dbx-statement|mlflow-copy|adf) commands+=("$1") ;;
    --warmup|--rounds|--calls) options+=("$1" "$2"); shift ;;
    --mlflow-warmup|--mlflow-rounds|--mlflow-runs) mlflow_options+=("$1" "$2"); shift ;;
    --stmt-rounds|--rows|--chunks) dbx_options+=("$1" "$2"); shift ;;
    --adf-objects|--adf-plan-objects|--adf-latency-ms|--adf-plan-rounds) adf_options+=("${1/--adf-/--}" "$2"); shift ;;
    --copy-runs|--copy-parallelism|--copy-workers) copy_options+=("$1" "$2"); shift ;;
    *) echo "usage: bench/run.sh [--no-build] [runs-get|breakdown|closure|profile|mlflow|all]... [--warmup N] [--rounds N] [--calls N]" \
            "[--mlflow-warmup N] [--mlflow-rounds N] [--mlflow-runs N]" >&2; exit 2 ;;
  esac
  shift
done
[ ${#commands[@]} -eq 0 ] && commands=(all)
want() { local c; for c in "${commands[@]}"; do [ "$c" = "$1" ] || [ "$c" = all ] && return 0; done; return 1; }

mvn=("$root/mvnw" -B -q -ntp)
prop() { # a property of the root pom, e.g. prop okhttp.version
  local v
  v=$(sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1)
  [ -n "$v" ] || { echo "bench/run.sh: no <$1> in pom.xml" >&2; exit 1; }
  printf '%s' "$v"
}
project_version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml")

if [ $build = 1 ]; then
  echo "== building sdk-bench and what it needs (tests skipped; sdk-core is installed for the closure projects)"
  # install puts sdk-core (and the parent pom) in the local repository, where the closure projects resolve it;
  # sdk-bench itself skips install and deploy. Its package phase writes target/bench.classpath, in which our
  # modules are this working tree's jars (sdk-core/target/...): copy them at once, before another build
  # replaces them, so that every later --no-build run measures the same code.
  "${mvn[@]}" -Dquick -pl sdk-bench -am install -DskipTests
  rm -rf "$target/bench-lib" && mkdir -p "$target/bench-lib"
  entries=()
  IFS=: read -r -a raw < "$target/bench.classpath" || true   # no newline at the end
  for e in "${raw[@]}"; do
    if [[ "$e" == "$root"/* ]]; then cp "$e" "$target/bench-lib/" && e="$target/bench-lib/$(basename "$e")"; fi
    entries+=("$e")
  done
  # sdk-bench's own classes too: a long run (mlflow) must not see them change under it
  cp -r "$target/classes" "$target/bench-lib/classes"
  (IFS=:; printf '%s' "${entries[*]}") > "$target/bench-run.classpath"
  printf 'sdk-core of commit %s, %s files changed in sdk-core/ since, built %s\n' "$(git -C "$root" log -1 --format=%h)" \
      "$(git -C "$root" status --porcelain -- sdk-core | wc -l)" "$(date -u +%FT%TZ)" > "$target/bench-lib/BUILD"
fi
[ -f "$target/bench-run.classpath" ] && [ -d "$target/bench-lib/classes" ] \
    || { echo "bench/run.sh: no build yet; run without --no-build" >&2; exit 1; }
cp="$(cat "$target/bench-run.classpath"):$target/bench-lib/classes"
echo "== measuring $(cat "$target/bench-lib/BUILD")"

closure_args=()
if want closure; then
  echo "== resolving dependency closures as a user's build would"
  versions=(-Ddataops4j.version="$project_version" -Dazure-identity.version="$(prop azure-identity.version)"
            -Dazure-core-http-jdk.version="$(prop azure-core-http-jdk.version)"
            -Ddatabricks-sdk-java.version="$(prop databricks-sdk-java.version)"
            -Dmlflow-client.version="$(prop mlflow-client.version)")
  mkdir -p "$target/closure"
  for spec in "sdk-core (no azure-identity):sdk-core" \
              "sdk-core + azure-identity (JDK HTTP, no Netty):sdk-core-azure" \
              "databricks-sdk-java $(prop databricks-sdk-java.version):databricks-sdk-java" \
              "sdk-mlflow (with sdk-core):sdk-mlflow" \
              "mlflow-client $(prop mlflow-client.version) (shaded):mlflow-client"; do
    label=${spec%:*}; name=${spec##*:}
    "${mvn[@]}" -f "$root/sdk-bench/closure/$name.xml" "${versions[@]}" dependency:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$target/closure/$name.classpath"
    closure_args+=(--closure "$label=$target/closure/$name.classpath")
  done
fi

jvm=(java -Xms512m -Xmx512m -XX:+UseG1GC -Dsun.net.httpserver.nodelay=true
     -Dorg.slf4j.simpleLogger.defaultLogLevel=info
     -Dorg.slf4j.simpleLogger.log.com.databricks.sdk=error)   # the peer's one-time probes at start-up (see "refused")
echo "== $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
main=()
want runs-get && main+=(runs-get)
want breakdown && main+=(breakdown)
if [ ${#main[@]} -gt 0 ] || [ ${#closure_args[@]} -gt 0 ]; then
  "${jvm[@]}" -cp "$cp" io.dataops4j.bench.Main ${main[@]+"${main[@]}"} ${options[@]+"${options[@]}"} \
      ${closure_args[@]+"${closure_args[@]}"}
fi
if want mlflow; then
  # its own JVM: a real MLflow server (sdk-testkit, provisioned on first use), ours and MLflow's own Java client
  "${jvm[@]}" -Dorg.slf4j.simpleLogger.log.io.dataops4j.testkit=warn -cp "$cp" io.dataops4j.bench.Main mlflow \
      ${mlflow_options[@]+"${mlflow_options[@]}"}
fi
if want profile && [[ " ${commands[*]} " == *" profile "* ]]; then
  # small fixed TLABs so that allocation samples come often enough to split ~30 KB calls into steps
  "${jvm[@]}" -XX:FlightRecorderOptions:stackdepth=256 -XX:TLABSize=8k -XX:-ResizeTLAB -cp "$cp" \
      io.dataops4j.bench.Main profile ${options[@]+"${options[@]}"}
fi
# sdk-databricks next to databricks-sdk-java (io.dataops4j.bench.DatabricksBench): runs/get, 1,000,000-row statement
dbx=()
want dbx-runs-get && dbx+=(dbx-runs-get)
want dbx-statement && dbx+=(dbx-statement)
if [ ${#dbx[@]} -gt 0 ]; then
  "${jvm[@]}" -cp "$cp" io.dataops4j.bench.DatabricksBench "${dbx[@]}" ${options[@]+"${options[@]}"} ${dbx_options[@]+"${dbx_options[@]}"}
fi
# MLflow copy (io.dataops4j.bench.MlflowCopyBench): ours server to server vs mlflow-export-import export + import; only when named
if [[ " ${commands[*]} " == *" mlflow-copy "* ]]; then
  # a small heap on purpose: the copy's memory must not grow with the runs and points it moves
  "${jvm[@]}" -Xms64m -Xmx128m -Dorg.slf4j.simpleLogger.log.io.dataops4j.testkit=warn -cp "$cp" io.dataops4j.bench.MlflowCopyBench \
      ${copy_options[@]+"${copy_options[@]}"}
fi
# sdk-adf's deployment against a fake Data Factory (io.dataops4j.bench.AdfDeployBench); only when asked for by name
if [[ " ${commands[*]} " == *" adf "* ]]; then
  "${jvm[@]}" -cp "$cp" io.dataops4j.bench.AdfDeployBench ${adf_options[@]+"${adf_options[@]}"}
fi
