#!/usr/bin/env python3
"""Set up and run govgraph on a fresh machine with nothing but python3.

    python3 run.py demo   # install into .venv, load the sample minutes, serve on http://127.0.0.1:8000
    python3 run.py test   # install into .venv, lint, run the whole test suite (starts a local Neo4j)

Stdlib only: this file must work before anything is installed. The virtualenv is
(re)installed when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".govgraph-installed"


def sh(*cmd: str | os.PathLike[str], **kw) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def ensure_venv() -> None:
    """Create .venv and install the project with its dev extras, once per pyproject change."""
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not (BIN / "python").exists():
        sh(sys.executable, "-m", "venv", VENV)
    if STAMP.exists() and STAMP.read_text() == want:
        return
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test"):
        print(__doc__)
        return 2
    ensure_venv()
    try:
        if argv[0] == "demo":
            sh(BIN / "govgraph", "demo", *argv[1:])
        else:
            sh(BIN / "ruff", "check", ".")
            sh(BIN / "python", "-m", "pytest", "-q", *argv[1:])
    except subprocess.CalledProcessError as e:
        return e.returncode or 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
