"""Readers turn a minutes file into normalised text with a map back to the source.

Every reader returns a :class:`ReadDocument`; extraction only ever sees ``text``, and
evidence offsets are offsets into that text, so an auditor can always find the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
