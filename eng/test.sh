#!/usr/bin/env bash
# The test command: installs what the tests need, builds with warnings as errors, runs every test project,
# then packs the .NET tool and smoke-tests it. Used by `.ci/run` and by developers alike.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CI="${CI:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the end-to-end tests use (dig queries the lab's DNS server as a user would; chromium opens the
# HTML reports offline — the tests drive this one, never a downloaded browser).
need=()
command -v dig >/dev/null 2>&1 || need+=(bind9-dnsutils)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)   # the tests' tools (cfn-lint below); the build needs no Node.js
# AWS's own service models with botocore's offline parameter validator check what `faultline export aws` writes.
python3 -c 'import botocore' >/dev/null 2>&1 || need+=(python3-botocore)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "test: installing ${need[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# The CloudFormation linter (npm, pinned in tests/tools/package-lock.json) the export tests run.
(cd tests/tools && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)

dotnet build Faultline.slnx -c Release --nologo -v quiet -clp:ErrorsOnly

# Unit and functional tests first, then the end-to-end tests on their own: those run whole labs at 20x lab
# time, where a 2-core machine busy with other test processes would be measured instead of the lab. The projects
# that measure no real time (Core, Dashboard, Reports, and Cli but for its tests marked Timing=RealSeconds) run side
# by side, each into its own log, printed whole when it ends; then Cli's real-seconds tests (its load tests count
# real seconds of sends) and Faultline.Lab.Tests (labs at up to 50x), each on its own.
status=0
test_project() {  # PROJECT [TRX-NAME FILTER]
  local name="${2:-$(basename "$1")}" filter=()
  if [ -n "${3:-}" ]; then filter=(--filter "$3"); fi
  dotnet test "$1" -c Release --no-build --nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"
}
pids=() logs=()
for project in tests/Faultline.Core.Tests tests/Faultline.Dashboard.Tests tests/Faultline.Reports.Tests tests/Faultline.Cli.Tests; do
  log="$results/$(basename "$project").log"
  if [ "$(basename "$project")" = Faultline.Cli.Tests ]; then
    test_project "$project" "$(basename "$project")" "Timing!=RealSeconds" >"$log" 2>&1 &
  else
    test_project "$project" >"$log" 2>&1 &
  fi
  pids+=($!) logs+=("$log")
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || status=$?
  cat "${logs[$i]}"
done
test_project tests/Faultline.Cli.Tests Faultline.Cli.Tests.RealSeconds "Timing=RealSeconds" || status=$?
for project in tests/*.Tests; do
  # A project added under tests/ runs here, alone, until it is sorted into one of the groups above.
  case "$(basename "$project")" in
    Faultline.Core.Tests|Faultline.Dashboard.Tests|Faultline.Reports.Tests|Faultline.Cli.Tests|Faultline.EndToEnd.Tests) continue ;;
  esac
  test_project "$project" || status=$?
done
test_project tests/Faultline.EndToEnd.Tests || status=$?

# One closing line for the whole run, summed over every project's TRX file.
sum_results() {
  local passed=0 failed=0 skipped=0 f p x s
  for f in "$results"/*.trx; do
    [ -f "$f" ] || continue
    p=$(grep -o 'passed="[0-9]*"' "$f" | head -1 | tr -dc 0-9); passed=$((passed + ${p:-0}))
    x=$(grep -o 'failed="[0-9]*"' "$f" | head -1 | tr -dc 0-9); failed=$((failed + ${x:-0}))
    s=$(grep -o 'notExecuted="[0-9]*"' "$f" | head -1 | tr -dc 0-9); skipped=$((skipped + ${s:-0}))
  done
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  if [ "$passed" -eq 0 ]; then echo "test: no test ran" >&2; return 1; fi
  return 0
}

# The .NET tool package builds from the repo, carries its metadata, stays within its size and runs.
# 11.4 MB at 0.1.0, once its native assets were trimmed to the five supported runtimes (docs/contributing.md).
pack_limit_bytes=$((12 * 1024 * 1024))
pack_smoke() {
  local tools="$root/artifacts/tool-smoke"
  rm -rf "$tools" "$root/artifacts/packages"
  dotnet pack src/Faultline.Cli/Faultline.Cli.csproj -c Release -o "$root/artifacts/packages" --nologo -v quiet -clp:ErrorsOnly
  python3 eng/check-package.py "$root/artifacts/packages/Faultline.0.1.0.nupkg" "$pack_limit_bytes" || return 1
  dotnet tool install Faultline --tool-path "$tools" --add-source "$root/artifacts/packages" --version 0.1.0 >/dev/null
  "$tools/faultline" --version >/dev/null
  echo "test: the .NET tool package installs and runs"
}

pack_smoke || status=1
summary=$(sum_results) || status=1
echo "$summary"
exit $status
