#!/usr/bin/env bash
# Installs what `gongkai generate` needs on a fresh Debian machine, and nothing else: the CJK
# fonts for the PDF (Noto CJK, LXGW WenKai, and the Fandol 仿宋/黑体/楷体/宋体 faces).
# It never runs pip, so it works where python3 is the system's externally managed
# interpreter. What only the tests need is installed by scripts/test-tools.sh.
# Idempotent: skips what is already there. Run as root it needs no sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

packages=(fonts-noto-cjk fonts-lxgw-wenkai)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
updated=no
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  updated=yes
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Fandol faces (GPL with font exception, GB2312 coverage) ship only inside Debian's
# texlive-lang-chinese (~50 MB download, ~100 MB installed with its TeX dependencies). We
# take the six font files and their README/licence out of the package without installing it.
fandol=(FandolFang-Regular.otf FandolHei-Regular.otf FandolHei-Bold.otf
        FandolKai-Regular.otf FandolSong-Regular.otf FandolSong-Bold.otf)
if [ "$(id -u)" -eq 0 ]; then
  fandol_dir=/usr/local/share/fonts/fandol
else
  fandol_dir="$HOME/.local/share/fonts/fandol"
fi
fandol_missing=no
for f in "${fandol[@]}"; do
  [ -s "$fandol_dir/$f" ] || fandol_missing=yes
done
if [ "$fandol_missing" = yes ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # apt downloads as its own user when it can; let it write into the temp dir.
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then
    chown _apt "$tmp"
  fi
  if ! (cd "$tmp" && apt-get download -qq texlive-lang-chinese) && [ "$updated" = no ]; then
    $SUDO apt-get update -qq
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese)
  fi
  debs=("$tmp"/texlive-lang-chinese_*.deb)
  patterns=()
  for f in "${fandol[@]}"; do
    patterns+=("*/fandol/$f")
  done
  mkdir "$tmp/x"
  dpkg-deb --fsys-tarfile "${debs[0]}" |
    tar -x -C "$tmp/x" --wildcards "${patterns[@]}" '*/fandol/README' '*/fandol/COPYING.gz'
  mkdir -p "$fandol_dir"
  for f in "${fandol[@]}"; do
    found="$(find "$tmp/x" -name "$f" -type f | head -n 1)"
    install -m 644 "$found" "$fandol_dir/$f"
  done
  readme="$(find "$tmp/x" -path '*/fandol/README' -type f | head -n 1)"
  [ -z "$readme" ] || install -m 644 "$readme" "$fandol_dir/README"
  copying="$(find "$tmp/x" -path '*/fandol/COPYING.gz' -type f | head -n 1)"
  if [ -n "$copying" ]; then
    gzip -dc "$copying" > "$fandol_dir/COPYING"
    chmod 644 "$fandol_dir/COPYING"
  fi
  if command -v fc-cache >/dev/null 2>&1; then
    fc-cache -f "$fandol_dir" >/dev/null 2>&1 || true
  fi
  echo "setup: Fandol fonts installed in $fandol_dir"
fi

echo "setup: done"
