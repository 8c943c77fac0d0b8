#!/usr/bin/env python3
"""Groups `perf script` samples (recorded with call graphs) into the pipeline's stages.

Usage: perf script -i perf.data | python3 scripts/profile-stages.py [STAGE]

Each sample goes to the stage of its innermost frame that belongs to one (a rayon worker
waiting in one job runs stolen jobs on top of it, so outer frames may be unrelated work);
where a frame matches several, the first in the order below wins. With
STAGE, prints instead where in that stage the samples fall (the innermost gongkai frame). Used by scripts/profile.sh.
"""

import collections
import re
import sys

STAGES = [
    ("compression", r"zlib_rs|write::deflate|write::huffman|flate2::"),
    ("glyph subsetting", r"fonts::program|write::subset|subsetter::"),
    ("PDF writing (objects, content streams)", r"render::pdf::write"),
    ("PDF layout: paragraphs", r"render::pdf::text"),
    ("PDF layout: tables", r"render::pdf::table"),
    ("PDF layout: pages, cover, 目录, charts", r"render::pdf::(layout|page)|render::pdf::render"),
    ("HTML (view model, page)", r"render::html|tera::"),
    ("font discovery and loading, metrics", r"gongkai::fonts::"),
    ("glyph coverage check", r"pipeline::glyphs|fonts::coverage"),
    ("parsing and validation", r"gongkai::input|gongkai::budget|toml::|toml_edit::"),
    ("derivation", r"gongkai::derive"),
    ("document model", r"gongkai::document"),
]
OWN = re.compile(r"gongkai::")


def samples(lines):
    cur = []
    for line in lines:
        if not line.strip():
            if cur:
                yield cur
            cur = []
        elif line[0] not in " \t":
            cur = [line]
        else:
            cur.append(line.strip())
    if cur:
        yield cur


def stage_of(frames):
    for frame in frames:
        for name, rx in STAGES:
            if re.search(rx, frame):
                return name
    top = frames[0] if frames else ""
    if "kernel" in top or "clear_page" in top or "page_fault" in top:
        return "kernel (page zeroing, faults)"
    return "start-up, allocation, other"


def main():
    want = sys.argv[1] if len(sys.argv) > 1 else None
    by, total = collections.Counter(), 0
    for s in samples(sys.stdin):
        frames = s[1:]
        stage = stage_of(frames)
        if want is None:
            by[stage] += 1
        elif stage == want:
            own = next((f for f in frames if OWN.search(f)), "?")
            by[re.sub(r"^[0-9a-f]+ ", "", own)[:100]] += 1
        total += want is None or stage == want
    for name, n in by.most_common(25 if want else None):
        print(f"{100 * n / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
