#!/usr/bin/env bash
# Fuzzes the whole path (TOML text → check → document → HTML, PDF, JSON) with cargo-fuzz for a
# bounded time, seeded with the examples and every test fixture.
#   scripts/fuzz.sh [SECONDS]      (default 60)
# A finding (a panic, or a budget `check` accepts that `generate` cannot render) stops the run
# and leaves the input in fuzz/artifacts/check_and_render/; reproduce it with
#   cargo fuzz run check_and_render fuzz/artifacts/check_and_render/<file>
# cargo-fuzz needs nightly compiler flags; on a stable toolchain RUSTC_BOOTSTRAP=1 enables them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
corpus=fuzz/corpus/check_and_render
mkdir -p "$corpus"
for f in examples/*.toml tests/fixtures/*.toml tests/fixtures/*/*.toml; do
  cp "$f" "$corpus/$(echo "$f" | tr '/' '_')"
done
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi
cargo fuzz run check_and_render -- -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536
