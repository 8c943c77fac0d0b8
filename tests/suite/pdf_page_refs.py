# Reads PDFs back as a reader does and checks every page reference: each 目录 entry's
# printed page number, each 目录 link's destination and each bookmark's destination must
# name a page on which the heading's text stands. Poppler (pdftotext -raw) reads the
# pages' text and the printed numbers; pdfminer (pdfplumber's parser) the /Outlines and
# the links.
#
# Usage: python3 pdf_page_refs.py FILE.pdf …  Prints one line per wrong reference,
# "WRONG <file>\t<kind>\t<title>\t<page named>\t<pages where it is>", then
# "CHECKED <file> <目录 entries> <links> <bookmarks>" per file.
import re
import subprocess
import sys

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

ORDINAL = re.compile(r"^[一二三四五六七八九十]+、(.+)$")
FOLIO = re.compile(r"—\s*(\d+)\s*—")
ENTRY_END = re.compile(r"^(.*\S)\s+(\d+)$")


def compact(text):
    return re.sub(r"\s+", "", text or "")


def page_texts(path):
    """Each page's text as poppler reads it (one process for the whole file)."""
    out = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")


def front_matter(raw, landscape):
    """Number of pages before body page 1, from the printed folios `— n —`."""
    offsets = set()
    for i, (text, turned) in enumerate(zip(raw, landscape)):
        m = None if turned else FOLIO.search(text)
        if m:
            offsets.add(i - (int(m.group(1)) - 1))
    if len(offsets) != 1:
        raise SystemExit(f"folios are not consecutive: {sorted(offsets)}")
    return offsets.pop()


def toc_entries(raw, front):
    """(title, printed page number) of every 目录 entry, in order: an entry's number ends
    its last line."""
    entries = []
    for text in raw[1:front]:
        title = ""
        for line in text.splitlines():
            if compact(line) == "目录":
                continue
            m = ENTRY_END.match(line.strip())
            if m:
                entries.append((compact(title + m.group(1)), int(m.group(2))))
                title = ""
            else:
                title += line
    return entries


def shown_on(title, text):
    """True when `title` (or, for a 公开表 entry 「一、单位收支总体情况表」, the table's
    title after its ordinal) stands in the page's text."""
    if title in text:
        return True
    m = ORDINAL.match(title)
    return bool(m) and m.group(1) in text


def dest_page(dest, ids):
    dest = resolve1(dest)
    if isinstance(dest, dict):
        dest = resolve1(dest.get("D"))
    if not dest:
        return None
    return ids.get(getattr(dest[0], "objid", None))


def check(path):
    wrong = []
    raw = page_texts(path)
    texts = [compact(t) for t in raw]
    with open(path, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        pages = list(PDFPage.create_pages(doc))
        ids = {p.pageid: i for i, p in enumerate(pages)}
        landscape = [p.mediabox[2] - p.mediabox[0] > p.mediabox[3] - p.mediabox[1] for p in pages]
        front = front_matter(raw, landscape)

        def verify(kind, title, target):
            if target is None or target >= len(texts) or not shown_on(title, texts[target]):
                named = None if target is None else target - front + 1
                found = [i - front + 1 for i, t in enumerate(texts) if shown_on(title, t)]
                wrong.append((kind, title, named, found))

        entries = toc_entries(raw, front)
        for title, number in entries:
            verify("目录", title, front + number - 1)
        links = []
        for page in pages[1:front]:
            for annot in resolve1(page.annots) or []:
                annot = resolve1(annot)
                if annot.get("Subtype") and annot["Subtype"].name == "Link":
                    links.append(dest_page(annot.get("Dest"), ids))
        if len(links) != len(entries):
            wrong.append(("链接", f"{len(links)} links for {len(entries)} entries", None, []))
        for (title, _), target in zip(entries, links):
            verify("链接", title, target)
        marks = 0
        for _, title, dest, action, _ in doc.get_outlines():
            title = compact(title if isinstance(title, str) else decode_text(title))
            target = dest_page(dest if dest is not None else (resolve1(action) or {}).get("D"), ids)
            marks += 1
            verify("书签", title, target)
    for kind, title, named, found in wrong:
        print(f"WRONG {path}\t{kind}\t{title}\t{named}\t{found}")
    print(f"CHECKED {path} {len(entries)} {len(links)} {marks}")


for arg in sys.argv[1:]:
    check(arg)
