#!/usr/bin/env python3
"""Compares the rendered pages of two PDFs pixel by pixel.

Usage: .venv/bin/python scripts/page-diff.py [--same-boxes] BEFORE.pdf AFTER.pdf [DPI]

Both files are rendered with poppler (`pdftoppm -r DPI`, default 70) and, when pypdfium2
is installed, with PDFium (Chromium's engine); for each renderer and page it counts the
pixels that differ and the largest difference of a channel. Exit status 1 when a page
count or any pixel differs.

`--same-boxes` (needs pikepdf) first gives each page of AFTER the `/MediaBox` of the same
page of BEFORE, as written: a renderer scales the page to whole pixels from that box, so
a page size written in other digits (595.2756 for 595.2757) moves glyphs by a fraction of
a pixel and flips some across a pixel boundary. With the boxes equal, what still differs
is the drawing.
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
        pixels = sum(1 for px in diff.get_flattened_data() if px != (0, 0, 0))
        largest = max(hi for _, hi in diff.getextrema())
        print(f"{name}: page {i}: {pixels} pixels differ, largest channel difference {largest}")
        same = False
    print(f"{name}: {len(before)} pages, {'identical' if same else 'different'}")
    return same


def same_boxes(before, after, out):
    """A copy of AFTER, written to OUT, whose pages have BEFORE's media boxes."""
    import pikepdf

    with pikepdf.open(before) as b, pikepdf.open(after) as a:
        for pb, pa in zip(b.pages, a.pages):
            pa.obj.MediaBox = pikepdf.Array(list(pb.obj.MediaBox))
        a.save(out)
    return out


def main():
    args = sys.argv[1:]
    boxes = "--same-boxes" in args
    args = [a for a in args if a != "--same-boxes"]
    if len(args) < 2:
        sys.exit(__doc__)
    before, after = args[0], args[1]
    dpi = int(args[2]) if len(args) > 2 else 70
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        if boxes:
            after = same_boxes(before, after, os.path.join(b, "after.pdf"))
        ok = compare("poppler", poppler_pages(before, dpi, a), poppler_pages(after, dpi, b))
        fb, fa = pdfium_pages(before, dpi), pdfium_pages(after, dpi)
        if fb is not None:
            ok &= compare("pdfium", fb, fa)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
