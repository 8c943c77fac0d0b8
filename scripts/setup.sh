#!/usr/bin/env bash
# Installs what gongkai needs on a fresh Debian machine: CJK fonts for the PDF, poppler
# (pdftotext, pdffonts, pdftoppm) and Chromium for the tests, and pdfplumber (pdfminer).
# Idempotent: skips what is already there.
set -euo pipefail

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
echo "setup: fonts, poppler, chromium and pdfplumber are installed"
