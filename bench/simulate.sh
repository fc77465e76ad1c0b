#!/usr/bin/env bash
# Simulated-engine benchmark (not a test): one seed run in-process, a batch of seeds, and the cost's growth with
# rate × duration. Writes bench/results/simulate.md. No network at all; bounded to 10 minutes.
# Usage: bench/simulate.sh [BATCH_RUNS]   (default 200)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${FAULTLINE_BENCH_TIMED:-}" ]; then
  export FAULTLINE_BENCH_TIMED=1
  exec timeout --kill-after=10s 600s "$0" "$@"
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dotnet build bench/Faultline.Benchmarks -c Release -o "$scratch/bin" -v quiet -nologo >/dev/null
mkdir -p bench/results
"$scratch/bin/Faultline.Benchmarks" simulate bench/results/simulate.md "${1:-200}"
