#!/usr/bin/env bash
# Verdicts on a busy host (not a test): runs the seed, the misconfigured seed and the three-region sample
# beside BUSY busy loops (default 4: python3 -c 'while True: pass'), at the experiments' own time scale and
# with --time-scale auto, and writes bench/results/busy-host.md. A held or refuted verdict must be the true
# one (seed: held, misconfigured: refuted, three regions: held); anything else must be inconclusive or
# not-run with a reason that names the host. Exits 1 if a verdict breaks that rule.
# Bounded: the busy loops and the whole script stop themselves after 60 minutes.
# Usage: bench/busy-host.sh [EXPERIMENTS...]   (paths under samples/; default: the three above)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${FAULTLINE_BENCH_TIMED:-}" ]; then
  export FAULTLINE_BENCH_TIMED=1
  exec timeout --kill-after=10s 3600s "$0" "$@"
fi

BUSY="${BUSY:-4}"
experiments=("$@")
[ ${#experiments[@]} -gt 0 ] || experiments=(seed/experiment.yaml seed/misconfigured/experiment.yaml three-regions/experiment.yaml)
truth() { case "$1" in *misconfigured*) echo refuted ;; *) echo held ;; esac; }

./faultline --version >/dev/null   # builds the CLI first, before the machine gets busy
scratch="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT
for _ in $(seq 1 "$BUSY"); do
  timeout 3600 python3 -c 'while True: pass' &
  pids+=($!)
done

results="bench/results/busy-host.md"
rows=()
wrong=0
for experiment in "${experiments[@]}"; do
  for scale in own auto; do
    args=(run "samples/$experiment" --no-dashboard --out "$scratch/runs")
    [ "$scale" = auto ] && args+=(--time-scale auto)
    log="$scratch/run.log"
    ./faultline "${args[@]}" >"$log" 2>&1
    code=$?
    verdict="$(grep -m1 '^verdict:' "$log" | sed 's/^verdict: //')"
    kind="${verdict%% *}"
    chosen="$(grep -m1 -o -- '— time scale [0-9.]*' "$log" | grep -o '[0-9.]*$' || true)"
    host="$(grep -m1 '^host The host' "$log" | sed 's/^host //')"
    expected="$(truth "$experiment")"
    case "$kind" in
      held|refuted) if [ "$kind" = "$expected" ]; then ok="true verdict"; else ok="WRONG (expected $expected)"; wrong=1; fi ;;
      inconclusive|not-run) if grep -q '^verdict:.*host could not keep' "$log"; then ok="names the host"; else ok="does NOT name the host"; wrong=1; fi ;;
      *) ok="no verdict (exit $code)"; wrong=1 ;;
    esac
    rows+=("| \`$experiment\` | ${chosen:-?}$([ "$scale" = auto ] && echo ' (auto)') | $code | $kind | $ok | ${verdict//|/\\|} | ${host//|/\\|} |")
    echo "$experiment ($scale): exit $code, $kind — $ok" >&2
  done
done

{
  echo "# Verdicts on a busy host"
  echo
  echo "\`bench/busy-host.sh\` on $(nproc) cores with $BUSY busy loops beside each run ($(date -u +%Y-%m-%d), faultline $(./faultline --version 2>/dev/null))."
  echo "A held or refuted verdict must be the true one (seed and three regions: held; misconfigured: refuted);"
  echo "otherwise the run must say it cannot tell and name the host."
  echo
  echo "| experiment | time scale | exit | verdict | rule | summary | host timing |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$results"
echo "wrote $results" >&2
exit $wrong
