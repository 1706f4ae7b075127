#!/bin/bash
# Re-measures issue 12's budgets (docs/performance.md, "Where the budgets stand") on this machine.
# Usage (from the repository root):  bash scripts/budgets.sh [DATA_DIR]   (default /tmp/perf-budgets)
# Needs: python3, /usr/bin/time, pyte (pip install pyte) for the UI runs, VisiData (`vd`) for its
# side of the first-frame budget (skipped when absent), ../shared/tools/ptyperf.py.
# Builds the release binary and the examples it uses, generates the data once (examples/genplan:
# the large plan of 100,000 indicators with its 1M-row ledger, and 1M rows for the embedded plan),
# then prints every figure of the top table. Timings depend on the load: it is printed.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
D=${1:-/tmp/perf-budgets}
PTY=${PTYPERF:-$ROOT/../shared/tools/ptyperf.py}
cd "$ROOT"
cargo build --release --bin wudang-plan --example genplan --example ui_keys >&2
W=$ROOT/target/release/wudang-plan; G=$ROOT/target/release/examples/genplan
mkdir -p "$D"; cd "$D"
[ -f large/actuals.csv ] || $G --tasks 10000 --indicators 100000 --leaders 200 --rows 1000000 --out large >&2
[ -f emb1m/actuals.csv ] || $G --rows 1000000 --ledger-for "$ROOT/seeds" --out emb1m >&2
# Commands append to the ledgers: measure on copies (their checkpoints are written by the first run).
[ -f l.csv ] || cp large/actuals.csv l.csv
[ -f e.csv ] || cp emb1m/actuals.csv e.csv
rm -f empty.csv
T="--today 2025-06-30 --user bench"
$W --plan large/plan $T --data l.csv indicators --format csv >/dev/null   # plan.snap and l.csv.ckpt
$W $T --data e.csv indicators --format csv >/dev/null                      # e.csv.ckpt
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== set: 1M rows vs an empty ledger (7 runs each, median; budget: ratio <= 3)"
python3 - "$W" <<'PY'
import subprocess, time, statistics, sys, os
W = sys.argv[1]
def run(base, ident, n=7):
    ts = []
    for i in range(n):
        v = f"{os.getpid() % 50 + 10}{i}"   # a new value each run: every run appends
        t = time.perf_counter()
        subprocess.run([W] + base + ["--today", "2025-06-30", "--user", "bench", "set", ident, v, "--period", "2025"],
                       stdout=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)
for name, base, ident, full in [("embedded", [], "8.1", "e.csv"), ("large", ["--plan", "large/plan"], "0.2", "l.csv")]:
    f = run(base + ["--data", full], ident); e = run(base + ["--data", "empty.csv"], ident)
    print(f"{name}: 1M median {f*1000:.1f} ms, empty median {e*1000:.1f} ms, ratio {f/e:.2f}")
PY
echo "== indicators --format json, embedded plan + 1M rows (budget <= 100 ms)"
for i in 1 2 3; do { /usr/bin/time -f "%e s" $W $T --data e.csv indicators --format json >/dev/null; } 2>&1; done
echo "== history on 1M rows, peak RSS (budget <= 50 MB)"
for f in csv json table; do { /usr/bin/time -f "large $f %M KB" $W --plan large/plan $T --data l.csv history --format $f >/dev/null; } 2>&1; done
echo "== keys at 100k indicators (budgets: search letter <= 30 ms, other keys <= 10 ms; CPU per key)"
$ROOT/target/release/examples/ui_keys large/plan 100 30 | grep -E " max "
if python3 -c 'import pyte' 2>/dev/null && [ -f "$PTY" ]; then
  echo "== UI first frame, large plan + 1M rows, alternating with VisiData (budget <= 1/2 of VisiData's); embedded + 1M (<= 50 ms)"
  for i in 1 2 3; do
    python3 "$PTY" --timeout 180 --cols 100 --rows 30 --wait-for 总体目标 -- $W --plan large/plan --data l.csv $T \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print("ours", d["first_frame_ms"], "ms")'
    if command -v vd >/dev/null; then
      python3 "$PTY" --timeout 90 --cols 100 --rows 30 --wait-for 生态环境建设项目 -- vd large/plan/indicators.csv \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print("vd  ", d["first_frame_ms"], "ms")'
    fi
    python3 "$PTY" --timeout 60 --cols 100 --rows 30 --wait-for 总体目标 -- $W --data e.csv $T \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print("embedded", d["first_frame_ms"], "ms")'
  done
  echo "== UI peak RSS at the large size once the lights are in (budget <= 120 MB)"
  python3 "$PTY" --timeout 180 --cols 100 --rows 30 --wait-for 总体目标 --key WAIT:8000 --key j --rss-at-end -- \
      $W --plan large/plan --data l.csv $T \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print("VmHWM", d["rss_end_kb"]["VmHWM"], "KB")'
  echo "== the city's view: ten generated districts (10,000 indicators each, 100,000 in all) in one workspace,"
  echo "   first frame alternating with VisiData on the large indicators.csv (budget <= 1/2 of VisiData's)"
  for k in 0 1 2 3 4 5 6 7 8 9; do
    d=city/d$k
    if [ ! -f $d/actuals.csv ]; then
      $G --tasks 1000 --indicators 10000 --leaders 20 --rows 100000 --seed $((k+1)) --out $d >&2
      git init -q $d && echo "区县$k" > $d/district.txt
    fi
  done
  $W --workspace city >/dev/null   # each district's plan.snap
  for i in 1 2 3; do
    python3 "$PTY" --timeout 180 --cols 100 --rows 30 --wait-for 区县0 -- $W --workspace city --today 2025-06-30 \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print("city", d["first_frame_ms"], "ms")'
    if command -v vd >/dev/null; then
      python3 "$PTY" --timeout 90 --cols 100 --rows 30 --wait-for 生态环境建设项目 -- vd large/plan/indicators.csv \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print("vd  ", d["first_frame_ms"], "ms")'
    fi
  done
else
  echo "== UI runs skipped: needs pyte (pip install pyte) and $PTY"
fi
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
