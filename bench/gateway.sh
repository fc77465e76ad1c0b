#!/usr/bin/env bash
# Gateway benchmark (not a test): load through the lab gateway inside `faultline run` at rising rates, then wrk
# against the same gateway under `faultline lab up`. Writes bench/results/gateway-run.md.
# Bounded: the whole script stops itself after 30 minutes (the defaults take about 15).
# Usage: bench/gateway.sh [TOTAL_RATES] [STEP_SECONDS] [MAX_CONNECTIONS_SERIES] [REPETITIONS]   (installs wrk if missing; talks to 127.0.0.0/8 only)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RATES="${1:-2000,5000,8000,10000,12000,15000,20000}"
STEP="${2:-10}"
BOUNDS="${3:-auto,64}"   # one series of steps per entry: auto (the default maxConnections) or a number
REPS="${4:-3}"           # runs of every step, interleaved; the report shows their median [min–max]

if [ -z "${FAULTLINE_BENCH_TIMED:-}" ]; then
  export FAULTLINE_BENCH_TIMED=1
  exec timeout --kill-after=10s 1800s "$0" "$@"
fi

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dotnet build src/Faultline.Cli/Faultline.Cli.csproj -c Release -o "$scratch/cli" -v quiet -nologo >/dev/null
dotnet build bench/Faultline.Benchmarks -c Release -o "$scratch/bin" -v quiet -nologo >/dev/null

mkdir -p bench/results
"$scratch/bin/Faultline.Benchmarks" gateway bench/results/gateway-run.md "$scratch/cli/faultline.dll" "$RATES" "$STEP" "$BOUNDS" "$REPS"
