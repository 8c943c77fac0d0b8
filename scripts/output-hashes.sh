#!/usr/bin/env bash
# Hashes every output gongkai makes from the examples and the test fixtures: all four formats,
# the batch index, what check, next-year, init and codes print, and their exit codes.
# A restructuring proves it changed no byte by running this with the binary before and after:
#   scripts/output-hashes.sh OLD_BINARY > before.txt
#   scripts/output-hashes.sh target/release/gongkai > after.txt && diff before.txt after.txt
# Outputs go to a fixed scratch directory (messages name it), removed first.
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
work=${GONGKAI_HASH_DIR:-/tmp/gongkai-output-hashes}
rm -rf "$work" && mkdir -p "$work"

# Runs a command, keeping what it prints and its exit code as one output named $1.
record() {
    local name=$1; shift
    local code=0
    "$@" >"$work/$name.stdout" 2>"$work/$name.stderr" || code=$?
    echo "$code" >"$work/$name.exit"
}

# A batch reports each file as it finishes, in whichever order the threads end: its lines are
# sorted, without their [n/m] counters, before they are hashed.
record_batch() {
    local name=$1 stream
    record "$@"
    for stream in stdout stderr; do
        sed -E 's/^\[[0-9]+\/[0-9]+\] //' "$work/$name.$stream" | LC_ALL=C sort -o "$work/$name.$stream"
    done
}

n=0
while IFS= read -r file; do
    n=$((n + 1))
    tag=$(printf '%03d' "$n")
    record "$tag.check" "$bin" check "$file"
    record "$tag.generate" "$bin" generate "$file" --format html,pdf,json,xlsx --out "$work/$tag.out"
    record "$tag.next-year" "$bin" next-year "$file" -o "$work/$tag.next-year.toml"
    echo "$tag $file" >>"$work/files.txt"
done < <(find examples tests/fixtures -name '*.toml' | LC_ALL=C sort)

record_batch batch.examples "$bin" generate examples --format html,pdf,json,xlsx --out "$work/batch.examples"
record_batch batch.consolidate "$bin" generate tests/fixtures/consolidate --format html,pdf,json,xlsx --out "$work/batch.consolidate"
record_batch batch.invalid "$bin" generate tests/fixtures/invalid --format json --out "$work/batch.invalid"
record check.dirs "$bin" check examples tests/fixtures/consolidate tests/fixtures/invalid
for scope in 单位 部门; do
    record "init.$scope" "$bin" init --scope "$scope" --year 2025 "$work/init.$scope.toml"
done
record init.plain "$bin" init "$work/init.plain.toml"
record init.exists "$bin" init "$work/init.plain.toml"
for query in 2080 住房公积金 "统计 行政运行" 302 没有这个词; do
    record "codes.${query// /_}" "$bin" codes "$query"
done
record codes.all "$bin" codes --limit 0 2
for cmd in "" check generate next-year codes init watch serve; do
    record "help.${cmd:-main}" "$bin" $cmd --help
done
record usage.none "$bin"
record usage.unknown "$bin" publish x.toml
record usage.format "$bin" generate examples/qitai-commerce-2024.toml --format docx --out "$work/x"
record usage.missing "$bin" generate no-such-file.toml --out "$work/x"

cd "$work"
find . -type f | LC_ALL=C sort | xargs sha256sum
