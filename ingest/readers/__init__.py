"""Readers turn a minutes file into normalised text with a map back to the source.

Every reader returns a :class:`ReadDocument`; extraction only ever sees ``text``, and
evidence offsets are offsets into that text, so an auditor can always find the words.
:func:`read_document` picks the reader by file extension and applies the checks every
format shares (the file exists, is not empty, is not too large) before any byte is read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


class ReadError(Exception):
    """A document could not be read; the message names the file and the reason."""


@dataclass
class ReadDocument:
    source: str  # path or URL as given
    format: str  # txt | md | docx | pdf | html
    sha256: str  # of the raw bytes
    text: str  # normalised text that evidence offsets point into
    # (start_offset, page_number) for each page start, for formats with pages (pdf)
    pages: list[tuple[int, int]] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The page holding ``offset``, or None for formats without pages."""
        page = None
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page


DEFAULT_MAX_BYTES = 50_000_000

# extension -> format name; the reader module is imported lazily so that a missing
# optional dependency (pdfplumber, python-docx, bs4) only breaks its own format.
FORMATS = {".txt": "txt", ".md": "md", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadDocument:
    """Read one minutes file into a :class:`ReadDocument`.

    Raises :class:`ReadError` (message ``"<path>: <reason>"``) for an unsupported
    extension, a missing, empty or too large file, or content the reader cannot parse.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "m.txt")
    >>> _ = open(p, "wb").write(b"Chair: Ann Smith\\r\\n")
    >>> read_document(p).text
    'Chair: Ann Smith\\n'
    """
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ReadError(f"{path}: unsupported file type {p.suffix or '(no extension)'!r}")
    try:
        size = p.stat().st_size  # size first: never read a file we would refuse
    except FileNotFoundError:
        raise ReadError(f"{path}: file not found") from None
    except OSError as e:
        raise ReadError(f"{path}: cannot access file ({e.strerror or e})") from None
    if not p.is_file():
        raise ReadError(f"{path}: not a regular file")
    if size == 0:
        raise ReadError(f"{path}: file is empty")
    if size > max_bytes:
        raise ReadError(f"{path}: file too large ({size} bytes, limit {max_bytes})")
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ReadError(f"{path}: cannot read file ({e.strerror or e})") from None

    pages: list[tuple[int, int]] = []
    if fmt in ("txt", "md"):
        from .txt import read_text
        text = read_text(raw, str(path))
    elif fmt == "docx":
        from .docx import read_docx
        text = read_docx(raw, str(path))
    elif fmt == "pdf":
        from .pdf import read_pdf
        text, pages = read_pdf(raw, str(path))
    else:
        from .html import read_html
        text = read_html(raw, str(path))
    if not text.strip():
        raise ReadError(f"{path}: no text found in the document")
    return ReadDocument(source=str(path), format=fmt, sha256=hashlib.sha256(raw).hexdigest(),
                        text=text, pages=pages)


__all__ = ["ReadDocument", "ReadError", "read_document", "DEFAULT_MAX_BYTES", "FORMATS"]
