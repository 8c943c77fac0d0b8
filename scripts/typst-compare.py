#!/usr/bin/env python3
"""Times gongkai against Typst on the same text, side by side, in one run.

Usage: .venv/bin/python scripts/typst-compare.py [EXAMPLE.toml] [ROUNDS]
(needs `typst` in the virtualenv: `.venv/bin/pip install typst`; GONGKAI_BIN=path times
another build of gongkai, e.g. an earlier commit's).

The example's JSON document (gongkai's own model: the same headings, paragraphs, terms and
tables the PDF sets) is written as a Typst source with the same faces (Fandol 仿宋/黑体/楷体/
宋体 and Noto Serif CJK Bold for titles), A4, 3号 body. Then each round runs, in fresh
processes and alternately, `gongkai generate --format pdf,html` and a Python process that
compiles the Typst source to PDF; it prints the median wall time, the median time inside
`typst.compile` (without Python's start-up), peak memory of each and the ratio.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GONGKAI = os.environ.get("GONGKAI_BIN", os.path.join(ROOT, "target", "release", "gongkai"))
FONT_DIRS = ["/usr/local/share/fonts/fandol", "/usr/share/fonts/opentype/noto"]


def esc(text):
    """Typst markup escaping for plain text."""
    out = []
    for ch in text:
        if ch in "\\#*_`$<>@[]=-+/~\"'":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def cell(c):
    body = f"[{esc(c.get('text', ''))}]"
    span = []
    if c.get("colspan", 1) > 1:
        span.append(f"colspan: {c['colspan']}")
    if c.get("rowspan", 1) > 1:
        span.append(f"rowspan: {c['rowspan']}")
    align = {"right": "right", "center": "center"}.get(c.get("align"), "left")
    span.append(f"align: {align}")
    return f"table.cell({', '.join(span)}, {body})"


def table(t):
    cols = len(t["columns"])
    lines = [f"#align(center, text(font: \"Noto Serif CJK SC\", weight: \"bold\", size: 16pt)[{esc(t['title'])}])"]
    lines.append(f"#text(size: 10.5pt)[{esc(t.get('issuer') or '')} #h(1fr) {esc(t.get('unit') or '')}]")
    lines.append(f"#text(font: \"FandolSong\", size: 9pt, table(columns: {cols}, stroke: 0.5pt,")
    lines.append("  table.header(" + ", ".join(cell(c) for row in t["header"] for c in row) + "),")
    for row in t["body"]:
        lines.append("  " + ", ".join(cell(c) for c in row["cells"]) + ",")
    lines.append("))")
    return "\n".join(lines)


def block(b):
    kind = b["type"]
    if kind == "paragraph":
        return esc(b["text"]) + "\n"
    if kind == "subheading":
        return f"#text(font: \"FandolKai\")[{esc(b['text'])}]\n"
    if kind == "term":
        return f"#text(font: \"FandolHei\")[{esc(b.get('term', ''))}]：{esc(b.get('definition', b.get('text', '')))}\n"
    if kind == "table":
        return table(b) + "\n"
    return ""


def typst_source(doc):
    meta = doc["meta"]
    out = [
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), numbering: "— 1 —")',
        '#set text(font: ("FandolFang",), size: 16pt, lang: "zh")',
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.65em)",
        '#show heading.where(level: 1): set text(font: "FandolHei", size: 16pt, weight: "regular")',
        '#show heading.where(level: 2): set text(font: "FandolKai", size: 16pt, weight: "regular")',
        f"#align(center, text(font: \"Noto Serif CJK SC\", weight: \"bold\", size: 22pt)[{esc(meta['title'])}])",
        "#pagebreak()",
        "#outline()",
        "#pagebreak()",
    ]
    for part in doc["parts"]:
        out.append(f"= {esc(part.get('number') or '')}{esc(part['title'])}")
        for sec in part["sections"]:
            if sec.get("heading"):
                out.append(f"== {esc(sec['heading'])}")
            for b in sec["blocks"]:
                out.append(block(b))
    return "\n".join(out)


def run(cmd):
    """Wall seconds, peak KB and stdout of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss, out


def main():
    example = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "examples", "qitai-commerce-2024.toml")
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    tmp = tempfile.mkdtemp(prefix="typst-compare-")
    subprocess.run([GONGKAI, "generate", example, "--out", tmp, "--format", "json"], check=True, capture_output=True)
    stem = os.path.splitext(os.path.basename(example))[0]
    with open(os.path.join(tmp, stem + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    typ = os.path.join(tmp, stem + ".typ")
    with open(typ, "w", encoding="utf-8") as f:
        f.write(typst_source(doc))
    compile_py = (
        "import sys, time, typst\n"
        "t = time.perf_counter()\n"
        f"typst.compile({typ!r}, output={os.path.join(tmp, stem + '-typst.pdf')!r}, font_paths={FONT_DIRS!r}, ignore_system_fonts=True)\n"
        "print(time.perf_counter() - t)\n"
    )
    gongkai = [GONGKAI, "generate", example, "--out", tmp, "--format", "pdf,html"]
    typst = [sys.executable, "-c", compile_py]
    run(gongkai), run(typst)
    g_wall, g_rss, t_wall, t_in, t_rss = [], [], [], [], []
    for _ in range(rounds):
        wall, rss, _ = run(gongkai)
        g_wall.append(wall), g_rss.append(rss)
        wall, rss, out = run(typst)
        t_wall.append(wall), t_rss.append(rss), t_in.append(float(out.decode().strip()))
    med = lambda xs: statistics.median(xs) * 1000
    print(f"{stem}: {rounds} alternating rounds, fresh processes")
    print(f"  gongkai pdf+html     {med(g_wall):7.1f} ms   peak {max(g_rss) / 1024:6.1f} MB")
    print(f"  typst compile (pdf)  {med(t_in):7.1f} ms   (process incl. Python {med(t_wall):.1f} ms)   peak {max(t_rss) / 1024:6.1f} MB")
    print(f"  ratio gongkai/typst  {med(g_wall) / med(t_in):.3f}   pages: typst {pdf_pages(os.path.join(tmp, stem + '-typst.pdf'))}")


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next((l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")), "?")


if __name__ == "__main__":
    main()
