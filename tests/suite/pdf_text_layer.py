# Extracts each PDF's text as two readers do, for the text-layer test: poppler
# (`pdftotext -raw`) and pdfplumber (`extract_text`, default tolerances). Prints one JSON
# object per file: {"file", "poppler", "pdfplumber"}, each the pages' lines joined with
# line breaks, the page numbers (`— n —`) left out.
import json
import re
import subprocess
import sys

import pdfplumber

FOLIO = re.compile(r"^\s*—\s*\d+\s*—\s*$")


def lines(text):
    return "\n".join(l for l in text.splitlines() if not FOLIO.match(l))


for path in sys.argv[1:]:
    raw = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, check=True)
    poppler = "\n".join(lines(p) for p in raw.stdout.decode("utf-8").split("\f"))
    with pdfplumber.open(path) as pdf:
        plumber = "\n".join(lines(p.extract_text() or "") for p in pdf.pages)
    print(json.dumps({"file": path, "poppler": poppler, "pdfplumber": plumber}, ensure_ascii=False))
