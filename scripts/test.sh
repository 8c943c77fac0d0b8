#!/usr/bin/env bash
# The README's test command: installs the fonts (scripts/setup.sh) and the test tools
# (scripts/test-tools.sh), both idempotent; runs clippy with every warning an error
# (functions over 60 lines and unwrap outside tests among them, see clippy.toml and
# Cargo.toml's [lints]); then runs every test. Arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-tools.sh
cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
cargo clippy --all-targets --locked -- -D warnings
exec cargo test --locked "$@"
