#!/usr/bin/env bash
# A stable regression signal: instructions executed by one extraction
# (Extractor::extract + Extracted::text, nothing else: no process start,
# no file reading) on a fixed set of corpus pages, counted by callgrind.
# Unlike wall-clock time it does not move with machine load; it does move
# with the compiler, the dependency versions and the CPU features the
# binary picks at run time (memchr's AVX2 path), so compare counts made
# with the same toolchain, as the header of counts.txt records.
#
#   benches/callgrind/run.sh                 # rewrite benches/callgrind/counts.txt
#   benches/callgrind/run.sh -o /tmp/new.txt # write elsewhere, then diff
#   benches/callgrind/run.sh --profile DIR   # per-stage shares over DIR's pages
#
# Needs valgrind (apt-get install valgrind). Builds dechaff-cli in release
# (CARGO_TARGET_DIR is honoured).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
out="$here/counts.txt"
profile=""
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift 2;;
    --profile) profile=$2; shift 2;;
    *) echo "usage: $0 [-o FILE] [--profile DIR]" >&2; exit 2;;
  esac
done

command -v valgrind >/dev/null || { echo "callgrind: valgrind is not installed" >&2; exit 2; }
(cd "$repo" && cargo build --release -q -p dechaff-cli)
bin="$target/release/dechaff"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Only the extraction is counted: collection is on inside these functions.
collect=(--toggle-collect='dechaff::Extractor::extract*' --toggle-collect='dechaff::extracted::Extracted::text*')

# Inclusive instructions of each stage, from a callgrind output file. The
# stage functions are not inlined into one another in release builds
# (each is called once per page from Extractor::run).
stages() { # file
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null | awk '
    # The line of the function in its own source file ("file:function"):
    # lines for code inlined into it from other files carry its name too.
    function grab(name, key) { if (!(key in seen) && $0 ~ ("[ /]" name "( \\[.*)?$")) { gsub(",", "", $1); seen[key] = $1 } }
    / PROGRAM TOTALS/ { gsub(",", "", $1); total = $1 }
    { grab("src/dom/sink.rs:dechaff::dom::sink::parse_counting", "parse");
      grab("src/metadata.rs:dechaff::metadata::extract", "metadata");
      grab("src/blocks.rs:dechaff::blocks::segment", "blocks");
      grab("src/score.rs:dechaff::score::decide", "decide");
      grab("src/tokenizer/mod.rs:html5ever::tokenizer::Tokenizer<Sink>::run", "html5ever");
      grab("src/dom/hints.rs:dechaff::dom::hints::from_class_or_id", "class_hints") }
    END {
      other = total - seen["parse"] - seen["metadata"] - seen["blocks"] - seen["decide"];
      printf "%s %.0f %.0f %.0f %.0f %.0f %.0f %.0f\n", total, seen["parse"], seen["html5ever"], seen["class_hints"], seen["metadata"], seen["blocks"], seen["decide"], other
    }'
}

if [ -n "$profile" ]; then
  # One run over a whole directory (.html or .html.gz): where the
  # instructions go, stage by stage, on real pages.
  valgrind --tool=callgrind --callgrind-out-file="$tmp/all.out" "${collect[@]}" \
    "$bin" extract --input-dir "$profile" --output-dir "$tmp/txt" >/dev/null 2>"$tmp/err"
  read -r total parse h5e hints meta blocks decide other < <(stages "$tmp/all.out")
  pct() { awk -v a="$1" -v b="$total" 'BEGIN { printf "%5.1f%%", 100 * a / b }'; }
  echo "instructions in extraction over $profile: $total"
  echo "  parse (html5ever + our sink)  $(pct "$parse")   of which html5ever's run (our sink included) $(pct "$h5e"), class/id hints $(pct "$hints")"
  echo "  metadata                      $(pct "$meta")"
  echo "  blocks and features           $(pct "$blocks")"
  echo "  selection and scoring         $(pct "$decide")"
  echo "  decode, assembly, text        $(pct "$other")"
  exit 0
fi

pages=(news_trending_en megamenu_article_en docs_code_table_en forum_thread_en chinese_gbk)
{
  echo "# Instructions (callgrind Ir) in Extractor::extract + Extracted::text per page."
  echo "# Made by benches/callgrind/run.sh; each page run as:"
  echo "#   valgrind --tool=callgrind ${collect[*]} dechaff extract corpus/<page>.html"
  echo "# $(rustc --version); $(valgrind --version); $(uname -m)"
  echo "# Columns: inclusive Ir of the stage functions. parse = dom::sink::parse_counting;"
  echo "# h5e_run = html5ever's Tokenizer::run inside it, our TreeSink callbacks included;"
  echo "# class_hints = dom::hints::from_class_or_id (called from the sink, so inside both)."
  printf "# %-22s %9s %12s %12s %12s %12s %12s %12s %12s\n" page bytes total parse h5e_run class_hints metadata blocks decide
  for p in "${pages[@]}"; do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/$p.out" "${collect[@]}" \
      "$bin" extract "$repo/corpus/$p.html" >/dev/null 2>"$tmp/$p.err"
    read -r total parse h5e hints meta blocks decide _ < <(stages "$tmp/$p.out")
    printf "%-24s %9d %12d %12d %12d %12d %12d %12d %12d\n" "$p" "$(stat -c %s "$repo/corpus/$p.html")" \
      "$total" "$parse" "$h5e" "$hints" "$meta" "$blocks" "$decide"
  done
} >"$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
