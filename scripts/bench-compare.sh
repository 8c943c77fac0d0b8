#!/usr/bin/env bash
# Compares the benchmark of the working tree with that of an earlier commit, in one run:
#
#   scripts/bench-compare.sh REV [ROUNDS] [FILE.toml …]
#
# Builds `bench` (release) for REV in a worktree under target/bench-compare/ and for the
# working tree, then runs the two alternately ROUNDS times (default 5) on the same files
# (default: the three examples of the working tree), and prints for every document and
# figure the median of each build and the ratio now/REV. The machine is shared and noisy:
# read the ratios, not single runs; nothing here is a pass/fail test.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: scripts/bench-compare.sh REV [ROUNDS] [FILE.toml …]" >&2
    exit 2
fi
rev=$1
rounds=${2:-5}
shift $(($# >= 2 ? 2 : 1))

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sha=$(git rev-parse --verify "$rev^{commit}")
short=${sha:0:9}
work="$root/target/bench-compare"
tree="$work/$short"
mkdir -p "$work"

if [ ! -d "$tree" ]; then
    git worktree add --detach --quiet "$tree" "$sha"
fi
echo "building bench at $short …" >&2
(cd "$tree" && CARGO_TARGET_DIR="$work/target-$short" cargo build --release --quiet --bin bench)
echo "building bench of the working tree …" >&2
cargo build --release --quiet --bin bench
before="$work/target-$short/release/bench"
after="$root/target/release/bench"

if [ $# -eq 0 ]; then
    set -- "$root"/examples/*.toml
fi
files=()
for f in "$@"; do
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

out="$work/runs-$short"
rm -rf "$out"
mkdir -p "$out"
for i in $(seq 1 "$rounds"); do
    echo "round $i/$rounds" >&2
    "$before" "${files[@]}" > "$out/before-$i.txt"
    "$after" "${files[@]}" > "$out/after-$i.txt"
done

python3 - "$out" "$rounds" "$short" <<'PY'
import statistics, sys
out, rounds, short = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def read(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    rows = {}
    for line in lines[1:]:
        cells = line.split()
        if len(cells) in (9, 10):
            values = [float(c) for c in cells[1:]]
            rows[cells[0]] = values + [float("nan")] * (9 - len(values))
    return rows

figures = ["cold ms", "batch ms/doc", "serial ms/doc", "CPU ms/doc",
           "PDF KB", "HTML KB", "pages", "peak MB", "one MB"]
runs = {k: [read(f"{out}/{k}-{i}.txt") for i in range(1, rounds + 1)]
        for k in ("before", "after")}
print(f"median of {rounds} alternating rounds; ratio = now / {short}")
print(f"{'document':<24} {'figure':<14} {short:>10} {'now':>10} {'ratio':>7}")
for doc in runs["after"][0]:
    for k, name in enumerate(figures):
        b = statistics.median(r[doc][k] for r in runs["before"] if doc in r)
        a = statistics.median(r[doc][k] for r in runs["after"] if doc in r)
        if b != b or a != a:
            print(f"{doc:<24} {name:<14} {'—' if b != b else f'{b:.1f}':>10} {'—' if a != a else f'{a:.1f}':>10}")
            continue
        ratio = a / b if b else float("nan")
        print(f"{doc:<24} {name:<14} {b:>10.1f} {a:>10.1f} {ratio:>7.2f}")
PY
