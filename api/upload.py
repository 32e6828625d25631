"""Receiving one uploaded minutes file: streamed to a temp file, size-capped as it arrives.

The multipart body is parsed as it streams in (``python_multipart``), so an oversize
upload is refused (413) as soon as it passes the limit, never buffered whole in memory
or on disk first; the extension is checked (415) from the part's headers, before any
of its bytes are kept. The client's filename is only ever *data*: sanitised into a
source name, it never becomes part of a path. The temp file's name is ours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from fastapi import HTTPException, Request, status
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

ALLOWED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
FIELD = "file"
# Room for boundaries, part headers and small form fields on top of the file itself.
OVERHEAD_BYTES = 64 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_filename(filename: str | None) -> str:
    """A source name made from a client's filename: its last path component, with only
    letters, digits, ``._ -`` kept, bounded in length; never empty.

    >>> safe_filename("../../etc/Minutes June 2018.TXT")
    'Minutes June 2018.txt'
    >>> safe_filename("C:\\\\temp\\\\..\\\\a<b>.pdf")
    'a_b_.pdf'
    >>> safe_filename("..")
    'upload'
    """
    base = unicodedata.normalize("NFKC", filename or "").replace("\\", "/").split("/")[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    p = PurePosixPath(base or "upload")
    suffix = p.suffix.lower() if len(p.suffix) <= 10 else ""
    stem = (p.stem if suffix else p.name)[:120].strip(" .")
    return (stem or "upload") + suffix


@dataclass
class SavedUpload:
    path: Path  # the temp file (a name we chose, in a directory we made)
    name: str  # the sanitised client filename: the document's source name
    size: int


class _Receiver:
    """python_multipart callbacks: keep the one ``file`` part, refuse everything else."""

    def __init__(self, dest_dir: Path, max_bytes: int) -> None:
        self.dest_dir = dest_dir
        self.max_bytes = max_bytes
        self.saved: SavedUpload | None = None
        self._out: BinaryIO | None = None
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._field_bytes = 0

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    # header callbacks
    def on_part_begin(self) -> None:
        self._disposition = b""
        self._out = None

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            return  # a plain form field: tolerated, ignored
        if name != FIELD:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                                f"unexpected file field {name[:40]!r}: send the minutes as the '{FIELD}' field")
        if self.saved is not None:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "send one file per upload")
        clean = safe_filename(options[b"filename"].decode("utf-8", "replace"))
        ext = PurePosixPath(clean).suffix.lower()
        if ext not in ALLOWED_EXTENSIONS:
            raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                                f"unsupported file type {ext or '(no extension)'!r}: "
                                f"send one of {', '.join(ALLOWED_EXTENSIONS)}")
        path = self.dest_dir / f"upload{ext}"
        self._out = open(path, "wb")  # noqa: SIM115 - closed in on_part_end / close()
        self.saved = SavedUpload(path, clean, 0)

    # data callbacks
    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        n = end - start
        if self._out is None:
            self._field_bytes += n
            if self._field_bytes > OVERHEAD_BYTES:
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "form fields too large")
            return
        assert self.saved is not None
        self.saved.size += n
        if self.saved.size > self.max_bytes:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                                f"file too large: the limit is {self.max_bytes} bytes")
        self._out.write(data[start:end])

    def on_part_end(self) -> None:
        self.close()


async def receive_upload(request: Request, dest_dir: Path, max_bytes: int) -> SavedUpload:
    """Stream the request's multipart body; save its ``file`` part under ``dest_dir``."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                            f"send the minutes as multipart/form-data with a '{FIELD}' field")
    limit = max_bytes + OVERHEAD_BYTES
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"file too large: the limit is {max_bytes} bytes")
    receiver = _Receiver(dest_dir, max_bytes)
    parser = MultipartParser(boundary, {
        "on_part_begin": receiver.on_part_begin,
        "on_part_data": receiver.on_part_data,
        "on_part_end": receiver.on_part_end,
        "on_header_field": receiver.on_header_field,
        "on_header_value": receiver.on_header_value,
        "on_header_end": receiver.on_header_end,
        "on_headers_finished": receiver.on_headers_finished,
    })
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:  # a body longer than its Content-Length said, or none given
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                                    f"file too large: the limit is {max_bytes} bytes")
            parser.write(chunk)
        parser.finalize()
    except FormParserError:  # say so, without echoing the parser's internals
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "malformed multipart body") from None
    finally:
        receiver.close()
    if receiver.saved is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"no '{FIELD}' part with a filename in the upload")
    return receiver.saved
