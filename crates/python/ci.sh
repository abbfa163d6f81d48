#!/usr/bin/env bash
# CI for the Python package (crates/python): builds the wheel with maturin,
# installs it into a fresh virtualenv and runs the pytest suite there, the
# Spark test (local mode, pyspark from PyPI, Java 17) and the comparison
# with `dechaff corpus` included. Needs Rust, CPython >= 3.9 with pip and
# venv, and Java 17 on PATH. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
export CARGO_TARGET_DIR="$TARGET"
PY="${PYTHON:-python3}"
WORK="$TARGET/python-ci"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# Pinned tools (the wheel itself needs nothing at run time).
MATURIN=maturin==1.16.0
PYTEST=pytest==9.2.0
PYSPARK=pyspark==4.3.0
DATATROVE=datatrove==0.10.1

rm -rf "$WORK/wheels" "$WORK/test-venv"
mkdir -p "$WORK"

echo "== build venv and wheel"
if [ ! -x "$WORK/build-venv/bin/maturin" ]; then
  rm -rf "$WORK/build-venv"
  "$PY" -m venv "$WORK/build-venv"
  "$WORK/build-venv/bin/pip" install -q "$MATURIN"
fi
"$WORK/build-venv/bin/maturin" build --release -m crates/python/Cargo.toml -o "$WORK/wheels"
WHEEL="$(ls "$WORK"/wheels/dechaff-*-abi3-*.whl)"

echo "== the dechaff command, to compare corpus records with"
cargo build --release -p dechaff-cli

echo "== fresh venv with the wheel"
"$PY" -m venv "$WORK/test-venv"
VPY="$WORK/test-venv/bin/python"
"$VPY" -m pip install -q "$WHEEL" "$PYTEST" "$PYSPARK"
# datatrove is optional: its test runs when it installs, and says so when not.
if "$VPY" -m pip install -q "$DATATROVE"; then
  export DECHAFF_REQUIRE_DATATROVE=1
else
  echo "datatrove did not install: tests/test_datatrove.py will be skipped"
fi
# The module must come from the installed wheel, not from the source tree.
"$VPY" -c 'import dechaff, sys; f = dechaff._dechaff.__file__; print("dechaff from", f); sys.exit("site-packages" not in f)'

echo "== pytest"
java -version 2>&1 | head -1
export DECHAFF_CLI="$TARGET/release/dechaff" DECHAFF_REQUIRE_CLI=1 DECHAFF_REQUIRE_SPARK=1
cd crates/python/tests
# Exit status 5 (no tests collected) fails like any other.
"$VPY" -m pytest -p no:cacheprovider -rs -q .
