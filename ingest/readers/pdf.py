"""PDF minutes via pdfplumber, page by page.

Pages are joined with a blank line and each page's start offset is recorded, so a
piece of evidence can be shown on its page. Duplicate characters (fake bold) are
dropped first; they would otherwise double letters in names. A PDF without a text
layer (a scan) gives no minutes, and says so rather than yielding an empty record.
"""

from __future__ import annotations

import io

from . import ReadError
from ._layout import tidy


def read_pdf(raw: bytes, source: str) -> tuple[str, list[tuple[int, int]]]:
    """Text and ``(start_offset, page_number)`` pairs for a PDF file."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - dependency is declared
        raise ReadError(f"{source}: pdfplumber is not installed") from None
    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError(f"{source}: not a PDF file")
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    offset = 0
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                text = tidy(page.dedupe_chars().extract_text() or "")
                pages.append((offset, number))
                parts.append(text)
                offset += len(text) + 1  # the "\n" that joins pages (text ends with "\n")
    except ReadError:
        raise
    except Exception as e:
        # pdfplumber wraps pdfminer's errors: look at the wrapped one for the real cause
        names = " ".join(x.__class__.__name__ for x in (e, *e.args, e.__context__) if isinstance(x, BaseException))
        encrypted = "Password" in names or "Encrypt" in names
        reason = "encrypted PDF" if encrypted else f"corrupt or unreadable PDF ({e.__class__.__name__})"
        raise ReadError(f"{source}: {reason}") from None
    text = "\n".join(parts)
    if not text.strip():
        raise ReadError(f"{source}: PDF has no text layer (scanned image?)")
    return text, pages
