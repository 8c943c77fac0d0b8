#!/usr/bin/env bash
# The README's test command: installs the fonts (scripts/setup.sh) and the test tools
# (scripts/test-tools.sh), both idempotent, then runs every test. Arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-tools.sh
exec cargo test "$@"
