#!/usr/bin/env bash
# Where the time goes, by pipeline stage, for one example (default qitai):
#
#   scripts/profile.sh [FILE.toml]
#
# Builds the release binaries with line tables into target/prof, then samples with `perf`
# (call graphs by DWARF): the cold path (15 fresh `gongkai generate` processes, PDF +
# HTML) and the batch path (`bench --one`: one cold, 100 in parallel, 100 one after
# another). Prints the share of processor time of each stage (scripts/profile-stages.py).
# Needs `perf` (Debian: apt-get install linux-perf). A developer tool; no test runs it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
file=${1:-examples/qitai-commerce-2024.toml}
out=target/prof
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release --quiet \
    --bin gongkai --bin bench --target-dir "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for _ in 1 2 3; do "$out/release/gongkai" generate "$file" --out "$tmp/o" >/dev/null 2>&1; done
perf record -q -F 2000 --call-graph dwarf,32768 -o "$tmp/cold.data" -- bash -c \
    "for i in \$(seq 15); do '$out/release/gongkai' generate '$file' --out '$tmp/o' >/dev/null 2>&1; done" 2>/dev/null
perf record -q -F 700 --call-graph dwarf,32768 -o "$tmp/batch.data" \
    "$out/release/bench" --one "$file" >/dev/null 2>&1
echo "cold (15 fresh processes), share of processor time:"
perf script -i "$tmp/cold.data" --comm gongkai 2>/dev/null | python3 scripts/profile-stages.py
echo
echo "batch (bench --one: 1 cold + 100 parallel + 100 serial), share of processor time:"
perf script -i "$tmp/batch.data" 2>/dev/null | python3 scripts/profile-stages.py
