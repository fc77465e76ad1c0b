#!/usr/bin/env bash
# Live vs simulated (not a test): every sample experiment run live and simulated on the same seeds, verdicts and
# failover times compared. Writes bench/results/agreement.md. Loopback only; bounded to 40 minutes.
# Usage: bench/agreement.sh [SEEDS] [SAMPLES]   (default seeds 1,2,3; samples: all experiments under samples/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${FAULTLINE_BENCH_TIMED:-}" ]; then
  export FAULTLINE_BENCH_TIMED=1
  exec timeout --kill-after=10s 2400s "$0" "$@"
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dotnet build src/Faultline.Cli/Faultline.Cli.csproj -c Release -o "$scratch/cli" -v quiet -nologo >/dev/null
dotnet build bench/Faultline.Benchmarks -c Release -o "$scratch/bin" -v quiet -nologo >/dev/null
mkdir -p bench/results
if [ $# -ge 2 ]; then
  "$scratch/bin/Faultline.Benchmarks" agreement bench/results/agreement.md "$scratch/cli/faultline.dll" "${1:-1,2,3}" "$2"
else
  "$scratch/bin/Faultline.Benchmarks" agreement bench/results/agreement.md "$scratch/cli/faultline.dll" "${1:-1,2,3}"
fi
