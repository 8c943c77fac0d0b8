#!/usr/bin/env python3
"""Compares the rendered pages of two PDFs pixel by pixel.

Usage: .venv/bin/python scripts/page-diff.py BEFORE.pdf AFTER.pdf [DPI]

Both files are rendered with poppler (`pdftoppm -r DPI`, default 70) and, when pypdfium2
is installed, with PDFium (Chromium's engine); for each renderer and page it counts the
pixels that differ and the largest difference of a channel. Exit status 1 when a page
count or any pixel differs.
"""

import glob
import os
import subprocess
import sys
import tempfile

from PIL import Image, ImageChops


def poppler_pages(pdf, dpi, out):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", pdf, os.path.join(out, "p")], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(glob.glob(os.path.join(out, "p-*.png")))]


def pdfium_pages(pdf, dpi):
    try:
        import pypdfium2
    except ImportError:
        return None
    doc = pypdfium2.PdfDocument(pdf)
    return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in doc]


def compare(name, before, after):
    if len(before) != len(after):
        print(f"{name}: {len(before)} pages before, {len(after)} after")
        return False
    same = True
    for i, (a, b) in enumerate(zip(before, after), start=1):
        if a.size != b.size:
            print(f"{name}: page {i} size {a.size} → {b.size}")
            same = False
            continue
        diff = ImageChops.difference(a, b)
        if diff.getbbox() is None:
            continue
        pixels = sum(1 for px in diff.getdata() if px != (0, 0, 0))
        largest = max(hi for _, hi in diff.getextrema())
        print(f"{name}: page {i}: {pixels} pixels differ, largest channel difference {largest}")
        same = False
    print(f"{name}: {len(before)} pages, {'identical' if same else 'different'}")
    return same


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    before, after = sys.argv[1], sys.argv[2]
    dpi = int(sys.argv[3]) if len(sys.argv) > 3 else 70
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        ok = compare("poppler", poppler_pages(before, dpi, a), poppler_pages(after, dpi, b))
    fb, fa = pdfium_pages(before, dpi), pdfium_pages(after, dpi)
    if fb is not None:
        ok &= compare("pdfium", fb, fa)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
