#!/usr/bin/env bash
# Installs what only the tests need, never what `generate` needs (that is scripts/setup.sh):
# poppler (pdftotext, pdffonts, pdftoppm), qpdf (an independent check of the PDF syntax)
# and Chromium from Debian, pdfplumber in a
# project-local virtual environment `.venv` (pinned in tests/requirements.txt; the system
# python3 is never pip-installed into, so this works with Debian's externally managed one),
# and axe-core through npm (pinned in tests/browser/package-lock.json).
# Idempotent: skips what is already there. Run as root it needs no sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
python="${GONGKAI_SYSTEM_PYTHON:-python3}"

packages=(poppler-utils qpdf chromium)
command -v "$python" >/dev/null 2>&1 || { python=python3; packages+=(python3); }
# Debian's python3 makes virtual environments only with python3-venv (ensurepip).
if command -v "$python" >/dev/null 2>&1 && ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
  dpkg -s python3-venv >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! .venv/bin/python3 -c "import pdfplumber" >/dev/null 2>&1; then
  rm -rf .venv
  "$python" -m venv .venv
  .venv/bin/python3 -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
  echo "test-tools: pdfplumber installed in .venv"
fi

if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  npm ci --prefix tests/browser --no-audit --no-fund
fi
echo "test-tools: done"
