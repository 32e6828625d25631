#!/usr/bin/env python3
"""Extract the seed and the dev corpus and score them with ../shared/score_extraction.py.

usage: python scripts/score_corpus.py [--doc d05] [--keep DIR] [--json]

The dev files start with a 3-line provenance header that is not part of the minutes;
it is dropped here exactly as the project hook does (``tail -n +4``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--doc", help="only this document (e.g. d05 or assurance-meeting-2018-07)")
    ap.add_argument("--keep", help="write predictions into this folder")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from govgraph.ingest.extract.pipeline import extract_text

    tmp = Path(args.keep or tempfile.mkdtemp())
    (tmp / "pred").mkdir(parents=True, exist_ok=True)
    (tmp / "gold").mkdir(parents=True, exist_ok=True)
    inputs = list((SHARED / "corpus/seed").glob("*.txt")) + sorted((SHARED / "corpus/dev").glob("d*.txt"))
    for f in inputs:
        name = f.stem
        if args.doc and name != args.doc:
            continue
        text = f.read_text(encoding="utf-8")
        if f.parent.name == "dev":
            text = "".join(text.splitlines(keepends=True)[3:])
        out = extract_text(text, source=str(f))
        (tmp / "pred" / f"{name}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
        shutil.copy(f.with_name(f"{name}.gold.json"), tmp / "gold" / f"{name}.gold.json")
    cmd = [sys.executable, str(SHARED / "score_extraction.py"), str(tmp / "pred"), str(tmp / "gold")]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
