#!/usr/bin/env bash
# Load-generator benchmark (not a test): nginx and a bare Kestrel app on 127.0.0.1, wrk's closed-loop
# maximum and our open-model generator's highest held rate side by side, then a memory run.
# Writes bench/results/load-generator.md. Bounded: the whole script stops itself after 10 minutes.
# Usage: bench/run.sh [RATES] [STEP_SECONDS]   (run as root on the lab machine; installs nginx and wrk if missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RATES="${1:-5000,10000,15000,20000,25000,30000,35000,40000,50000}"
STEP="${2:-6}"
MEMORY="${MEMORY:-500,10,10}"   # lab rate, time scale, lab minutes (5,000 req/s wall for 60 s)

if [ -z "${FAULTLINE_BENCH_TIMED:-}" ]; then
  export FAULTLINE_BENCH_TIMED=1
  exec timeout --kill-after=10s 600s "$0" "$@"
fi

missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

scratch="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

dotnet build bench/Faultline.Benchmarks -c Release -o "$scratch/bin" -v quiet -nologo >/dev/null
bench="$scratch/bin/Faultline.Benchmarks"

nginx_port="$(free_port)"
sed -e "s|__PORT__|$nginx_port|" -e "s|__DIR__|$scratch|g" bench/nginx.conf > "$scratch/nginx.conf"
nginx -c "$scratch/nginx.conf" -p "$scratch" &
pids+=($!)

kestrel_port="$(free_port)"
"$bench" kestrel "$kestrel_port" >/dev/null </dev/null &
pids+=($!)

for port in "$nginx_port" "$kestrel_port"; do
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
    sleep 0.1
  done
done

mkdir -p bench/results
"$bench" report bench/results/load-generator.md "http://127.0.0.1:$nginx_port/" "http://127.0.0.1:$kestrel_port/" "$RATES" "$STEP" "$MEMORY"
