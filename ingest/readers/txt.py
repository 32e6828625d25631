"""Plain text and Markdown minutes.

Minutes typed on Windows are often saved as cp1252 (curly quotes, en dashes, £), so a
file that is not valid UTF-8 is read as cp1252 rather than rejected. Apart from the BOM
and line endings the text is kept exactly, so offsets match what a person sees.
"""

from __future__ import annotations

from . import ReadError
from ._layout import newlines

_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_text(raw: bytes, source: str) -> str:
    """Decode ``raw``: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return newlines(raw[len(bom):].decode(enc))
            except UnicodeDecodeError:
                raise ReadError(f"{source}: invalid {enc} text") from None
    if b"\x00" in raw:
        raise ReadError(f"{source}: binary data, not a text file")
    try:
        return newlines(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        return newlines(raw.decode("cp1252"))
    except UnicodeDecodeError:
        raise ReadError(f"{source}: text is neither UTF-8 nor cp1252") from None
