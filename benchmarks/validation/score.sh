#!/usr/bin/env bash
# Score the extractor on the made-up validation set (see README.md).
# Strips the 3-line provenance header of each vNN.txt, runs `govgraph extract`,
# and scores the predictions against the vNN.gold.json files.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IN=/tmp/val-in
OUT=/tmp/val-pred
rm -rf "$IN" "$OUT"
mkdir -p "$IN" "$OUT"
for f in "$HERE"/v*.txt; do
  tail -n +4 "$f" > "$IN/$(basename "$f")"
done
"$HERE/../../.venv/bin/govgraph" extract "$IN"/*.txt --out "$OUT"
python3 "$HERE/../../../shared/score_extraction.py" "$OUT" "$HERE" "$@"
