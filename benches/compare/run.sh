#!/usr/bin/env bash
# Side-by-side speed and accuracy of dechaff and its peers on the
# scrapinghub pages, one core, parse + extract + text. Run by hand, not in
# CI: it installs the peers from PyPI and crates.io into a scratch
# directory OUTSIDE the repository, and needs the benchmark data.
#
#   benches/compare/run.sh            # everything, 5 interleaved rounds
#   ROUNDS=9 CORE=1 benches/compare/run.sh
#
# Environment:
#   DECHAFF_COMPARE_DIR  scratch directory (default: ../compare-scratch
#                        beside the repository)
#   DECHAFF_BENCH_DIR    benchmark root (default: ../shared/bench)
#   ROUNDS               timed rounds per tool (default 5; the median is kept)
#   CORE                 the core every timed run is pinned to (default 0)
#   DECHAFF_ALT          another dechaff source tree (a proposed change):
#                        timed and scored too, as `dechaff-alt`
#
# Peers: trafilatura (2.3.1) and resiliparse from PyPI, in a venv; the
# `trafilatura`, `rs-trafilatura` and `dom_smoothie` crates, built with
# dechaff (this checkout, as a path dependency) into one runner binary from
# runner/, same compiler and profile for all. Each tool is timed in its own
# process around its extraction calls only (reading, gunzip and, for the
# peers, UTF-8 decoding are outside the clock; dechaff decodes the raw
# bytes itself, inside it). Rounds run the tools interleaved, in a rotated
# order, so that a burst of load hits every tool alike.
#
# F1 is dechaff's own metric: each tool writes its text per page into
# predictions/<tool>/<id>.txt and `dechaff eval --predictions` scores it.
# A tool that fails to install is reported and left out.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scratch=${DECHAFF_COMPARE_DIR:-$(dirname "$repo")/compare-scratch}
bench=${DECHAFF_BENCH_DIR:-$(dirname "$repo")/shared/bench}/scrapinghub
rounds=${ROUNDS:-5}
core=${CORE:-0}

case "$scratch/" in "$repo"/*)
  echo "compare: the scratch directory must be outside the repository" >&2; exit 2;;
esac
[ -f "$bench/truth.json" ] || { echo "compare: no benchmark at $bench" >&2; exit 2; }
mkdir -p "$scratch"
log="$scratch/setup.log"
: >"$log"
tools=()

# --- Python peers -----------------------------------------------------------
py="$scratch/venv/bin/python"
if [ ! -x "$py" ]; then
  python3 -m venv "$scratch/venv" >>"$log" 2>&1
fi
# trafilatura's justext needs lxml's html cleaner, now its own package.
if "$scratch/venv/bin/pip" install -q "trafilatura==2.3.1" lxml_html_clean >>"$log" 2>&1; then
  tools+=(py:trafilatura-py)
else
  echo "compare: trafilatura (PyPI) failed to install; see $log" >&2
fi
if "$scratch/venv/bin/pip" install -q resiliparse >>"$log" 2>&1; then
  tools+=(py:resiliparse)
else
  echo "compare: resiliparse (PyPI) failed to install; see $log" >&2
fi

# --- Rust peers and dechaff, one runner binary ------------------------------
proj="$scratch/runner"
mkdir -p "$proj/src"
sed "s#@DECHAFF_SRC@#$repo#" "$here/runner/Cargo.toml.in" >"$proj/Cargo.toml"
cp "$here/runner/src/main.rs" "$proj/src/main.rs"
runner="$scratch/target/release/compare-runner"
echo "compare: building the Rust runner (dechaff + peers) in $proj ..." >&2
if (cd "$proj" && CARGO_TARGET_DIR="$scratch/target" nice -n 10 cargo build --release) >>"$log" 2>&1; then
  tools=(rs:dechaff rs:dom_smoothie rs:trafilatura rs:rs-trafilatura "${tools[@]}")
else
  echo "compare: the Rust runner failed to build; see $log" >&2
  exit 1
fi

# A second runner for another dechaff tree: before/after in the same run.
alt_runner=""
if [ -n "${DECHAFF_ALT:-}" ]; then
  mkdir -p "$scratch/runner-alt/src"
  sed "s#@DECHAFF_SRC@#$DECHAFF_ALT#" "$here/runner/Cargo.toml.in" >"$scratch/runner-alt/Cargo.toml"
  cp "$here/runner/src/main.rs" "$scratch/runner-alt/src/main.rs"
  echo "compare: building the runner for $DECHAFF_ALT ..." >&2
  if (cd "$scratch/runner-alt" && CARGO_TARGET_DIR="$scratch/target-alt" nice -n 10 cargo build --release) >>"$log" 2>&1; then
    alt_runner="$scratch/target-alt/release/compare-runner"
    tools=("${tools[0]}" alt:dechaff-alt "${tools[@]:1}")
  else
    echo "compare: the runner for $DECHAFF_ALT failed to build; see $log" >&2
  fi
fi

# dechaff's scorer, built from this checkout.
echo "compare: building dechaff-cli for scoring ..." >&2
(cd "$repo" && CARGO_TARGET_DIR="$scratch/target-dechaff" nice -n 10 cargo build --release -q -p dechaff-cli) >>"$log" 2>&1 \
  || { echo "compare: dechaff-cli failed to build; see $log" >&2; exit 1; }
dechaff="$scratch/target-dechaff/release/dechaff"

run_tool() { # kind:name [out_dir]
  local kind=${1%%:*} name=${1#*:}
  if [ "$kind" = rs ]; then
    taskset -c "$core" "$runner" "$name" "$bench/html" ${2:+"$2"}
  elif [ "$kind" = alt ]; then
    taskset -c "$core" "$alt_runner" dechaff "$bench/html" ${2:+"$2"}
  else
    taskset -c "$core" "$py" "$here/run_py.py" "${name%-py}" "$bench/html" ${2:+"$2"}
  fi
}

# --- Accuracy: one untimed pass writing predictions, scored by dechaff -------
out="$scratch/results"
rm -rf "$out"
mkdir -p "$out/predictions"
for t in "${tools[@]}"; do
  name=${t#*:}
  run_tool "$t" "$out/predictions/$name" >/dev/null
  "$dechaff" eval "$bench" --predictions "$out/predictions/$name" --json \
    >"$out/eval-$name.json" 2>>"$log" || true
done

# --- Speed: interleaved rounds, rotated order --------------------------------
load_before=$(uptime)
n=${#tools[@]}
for ((r = 0; r < rounds; r++)); do
  for ((i = 0; i < n; i++)); do
    t=${tools[$(((i + r) % n))]}
    run_tool "$t" | sed "s/^{/{\"round\":$r,\"name\":\"${t#*:}\",/" >>"$out/timings.jsonl"
  done
done
load_after=$(uptime)

python3 - "$out" "$rounds" "$core" "$load_before" "$load_after" "${tools[@]}" <<'PY'
import json, statistics, sys
out, rounds, core, before, after, *tools = sys.argv[1:]
names = [t.split(":", 1)[1] for t in tools]
runs = [json.loads(l) for l in open(f"{out}/timings.jsonl")]
rows = {}
for name in names:
    mine = [r for r in runs if r["name"] == name]
    size = mine[0]["bytes"]
    med = size / statistics.median(r["secs"] for r in mine) / 1e6
    # Load on a shared machine only ever slows a round down: the best
    # round is the least disturbed one.
    best = size / min(r["secs"] for r in mine) / 1e6
    try:
        ev = json.load(open(f"{out}/eval-{name}.json"))["overall"]
    except Exception:
        ev = {}
    rows[name] = (med, best, ev, mine[0]["pages"], max(r["failed"] for r in mine))
base = rows.get("dechaff")
print(f"scrapinghub: {rows[names[0]][3]} pages, {runs[0]['bytes']/1e6:.1f} MB of HTML; "
      f"core {core}; {rounds} interleaved rounds")
print(f"load before: {before.strip()}")
print(f"load after:  {after.strip()}")
print("dechaff/x: dechaff's throughput over the tool's (above 1: dechaff is faster)")
print(f"{'tool':<16}{'MB/s med':>9}{'best':>7}{'dechaff/x med':>15}{'best':>7}{'F1':>8}{'P':>8}{'R':>8}{'failed':>8}")
for name in names:
    med, best, ev, _, failed = rows[name]
    r_med = f"{base[0] / med:.2f}x" if base else "-"
    r_best = f"{base[1] / best:.2f}x" if base else "-"
    f = lambda k: f"{ev[k]:.3f}" if k in ev else "-"
    print(f"{name:<16}{med:>9.1f}{best:>7.1f}{r_med:>15}{r_best:>7}{f('f1'):>8}{f('precision'):>8}{f('recall'):>8}{failed:>8}")
PY
echo "compare: predictions, per-tool eval JSON and raw timings are in $out" >&2
