#!/usr/bin/env bash
# Installs what gongkai needs on a fresh Debian machine: CJK fonts for the PDF, poppler
# (pdftotext, pdffonts, pdftoppm) and Chromium for the tests, pdfplumber (pdfminer), and
# axe-core (npm, pinned in tests/browser/package-lock.json; needs node and npm).
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(fonts-noto-cjk fonts-lxgw-wenkai poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! python3 -c "import pdfplumber" >/dev/null 2>&1; then
  python3 -m pip install --quiet pdfplumber
fi
# axe-core for the accessibility test (tests/html_axe.rs), exactly as package-lock.json pins it.
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  npm ci --prefix tests/browser --no-audit --no-fund
fi
echo "setup: fonts, poppler, chromium, pdfplumber and axe-core are installed"
