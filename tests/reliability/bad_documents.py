"""Bad documents, made on the spot: what each is and what must become of it.

``make_all(folder)`` writes them and returns ``{file name: Expect}``. A document either
fails with a clear ``ReadError`` naming it (``reason`` is part of the message), or is
read best-effort (``reason`` is None) and then loads like any other.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

WIN1252_LINE = "Councillor O\u2019Brien \u2013 \u00a35"

WIN1252_MINUTES = f"""Police and Crime Panel
Minutes of the meeting held on Tuesday 5 March 2019 at 10.00 am, Council Chamber

Present: {WIN1252_LINE} (Chair), Councillor Ann Smith, Councillor Bob Jones

1. Apologies for absence
Apologies were received from Councillor Carol White.

2. Expenses
The panel noted that the refreshment budget was \u00a35 per member \u2013 \u201cmodest\u201d, said the Chair.
Action: Councillor O\u2019Brien to report the spend to the next meeting.
"""

# Words that exist only inside scripts, frames and other non-content; none may reach the text.
HIDDEN = ("SECRET_SCRIPT", "SECRET_IFRAME", "SECRET_SRCDOC", "SECRET_NOSCRIPT", "SECRET_OBJECT",
          "SECRET_SVG", "SECRET_TEMPLATE", "SECRET_ONCLICK", "SECRET_STYLE", "SECRET_UPPER",
          "SECRET_UNCLOSED", "SECRET_EMBED", "SECRET_HIDDEN", "SECRET_COMMENT", "SECRET_CDATA",
          "alert(", "javascript:")

HOSTILE_HTML = """<!DOCTYPE html><html><head><title>Audit Committee</title>
<script>var SECRET_SCRIPT = "Present: Mallory";</script><style>body{} /* SECRET_STYLE */</style></head>
<body onload="alert('SECRET_ONCLICK')">
<h1>Audit Committee \u2013 Minutes of 12 June 2019</h1>
<p>Present: Ann Smith (Chair), Bob Jones, Carol White</p>
<script type="text/javascript">document.write("SECRET_SCRIPT alert(1)")</script>
<iframe src="https://evil.example/frame">SECRET_IFRAME</iframe>
<iframe srcdoc="&lt;p&gt;SECRET_SRCDOC&lt;/p&gt;"></iframe>
<noscript>SECRET_NOSCRIPT</noscript><object data="x.swf">SECRET_OBJECT</object>
<embed src="x" title="SECRET_EMBED">
<svg><script>SECRET_SVG</script><text>SECRET_SVG</text></svg>
<template><p>SECRET_TEMPLATE</p></template>
<div onclick="SECRET_ONCLICK()"><a href="javascript:SECRET_ONCLICK()">1. Apologies</a></div>
<div hidden>SECRET_HIDDEN</div><div style="display:none">SECRET_HIDDEN</div>
<!-- SECRET_COMMENT --><![CDATA[ SECRET_CDATA ]]>
<SCRIPT type="text/x-template">SECRET_UPPER</SCRIPT>
<p>2. Internal audit report. The committee noted the report.</p>
<p>Action: Bob Jones to circulate the audit plan.</p>
<p>End of minutes<iframe>SECRET_UNCLOSED frame never closed
"""

CONTROL_MINUTES = (
    "Governance\u200f Board\u202e \u2013 minutes\u202c of 3 May 2022\x07\n"
    "Present: Ann\u200b Smith (Chair)\x0b, Bob\u200e Jones\x1b[31m, \u0627\u0644\u0633\u064a\u062f \u0639\u0644\u064a\n"
    "\x01\x02\x03 1. Apologies\x7f\x85\u2028for absence\u2029\n"
    "Apologies were received from Carol\ufeff White.\x0c\n"
    "2.\tFinance\x1c\x1d\x1e report\r\n"
    "Action: Bob Jones\u202b to circulate\u202c the report.\x08\n"
    "Decision:\u00a0the report\u0301 was approved.\n"
)

NO_STRUCTURE = (
    "It rained on the way in and the kettle in the side room still does not work. "
    "Somebody said the car park would be resurfaced over the summer, which nobody "
    "believed, and the conversation turned to holidays and to whether the new coffee "
    "machine was any better than the old one. It was not. "
) * 6


@dataclass(frozen=True)
class Expect:
    reason: str | None  # part of the ReadError message; None: read best-effort
    note: str


def _pdf(path: Path, lines: list[str], encrypt: str | None = None) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=encrypt)
    y = 800
    for line in lines:
        c.drawString(72, y, line)
        y -= 14
    c.showPage()
    c.save()


def good_docx_bytes(text_lines: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for line in text_lines:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _xxe_docx(path: Path) -> None:
    """A docx whose document.xml declares an external entity for /etc/passwd."""
    src = zipfile.ZipFile(io.BytesIO(good_docx_bytes(["Present: XXE_MARK Ann Smith"])))
    with zipfile.ZipFile(path, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                xml = data.decode("utf-8").split("?>", 1)[1]
                xml = xml.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
                                  '<!ENTITY lol "lollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
                                  "<w:document", 1)
                xml = xml.replace("XXE_MARK", "&xxe;&lol2;")
                data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml).encode()
            out.writestr(name, data)


def _bomb_docx(path: Path) -> None:
    """A valid-looking docx (66 KB) whose document.xml inflates to 20 MB of one text node."""
    src = zipfile.ZipFile(io.BytesIO(good_docx_bytes(["Present: Ann Smith"])))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(b"Present: Ann Smith", b"Present: Ann Smith" + b" padding" * 2_500_000)
            out.writestr(name, data)


def make_all(folder: Path) -> dict[str, Expect]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(9)
    out: dict[str, Expect] = {}

    def put(name: str, data: bytes, expect: Expect) -> None:
        (folder / name).write_bytes(data)
        out[name] = expect

    put("empty.txt", b"", Expect("file is empty", "zero bytes"))
    put("blank.md", b" \n\t\r\n \n", Expect("no text found", "whitespace only"))
    junk = bytes(rng.randrange(256) for _ in range(8192))
    put("junk.txt", junk + b"\x00", Expect("binary data", "random bytes with a NUL, named .txt"))
    put("junk-no-nul.txt", bytes(b for b in junk if b) + b"\x81\x8d",
        Expect("neither UTF-8 nor cp1252", "random bytes without NUL: undefined cp1252 bytes"))
    put("elf.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(200), Expect("binary data", "an executable"))
    put("utf16-broken.txt", b"\xff\xfeP\x00r\x00\x00\xd8", Expect("invalid utf-16-le text", "lone surrogate"))
    put("windows-1252.txt", WIN1252_MINUTES.replace("\n", "\r\n").encode("cp1252"),
        Expect(None, "cp1252 minutes with curly quote, en dash, pound sign, CRLF"))

    _pdf(folder / "good-for-truncation.pdf", ["Police and Crime Panel", "Present: Ann Smith (Chair)"])
    raw = (folder / "good-for-truncation.pdf").read_bytes()
    (folder / "good-for-truncation.pdf").unlink()
    put("truncated.pdf", raw[: len(raw) // 2], Expect("corrupt or unreadable PDF", "first half of a PDF"))
    put("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n" + junk[:2000],
        Expect("corrupt or unreadable PDF", "a PDF header and garbage"))
    put("not-a.pdf", b"<html>this is html</html>", Expect("not a PDF file", "wrong content for .pdf"))
    _pdf(folder / "encrypted.pdf", ["Secret minutes", "Present: Ann Smith"], encrypt="s3cret-pass")
    out["encrypted.pdf"] = Expect("encrypted PDF", "user-password PDF (reportlab RC4)")

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hello, I am not a Word document")
        z.writestr("data/table.csv", "a,b\n1,2\n")
    put("zip-of-other.docx", buf.getvalue(), Expect("not a valid .docx", "a zip of something else"))
    put("truncated.docx", good_docx_bytes(["Present: Ann Smith"])[:3000],
        Expect("not a valid .docx", "first 3000 bytes of a docx"))
    _xxe_docx(folder / "xxe.docx")
    out["xxe.docx"] = Expect(None, "external entity for /etc/passwd and nested entities: not resolved")
    _bomb_docx(folder / "bomb.docx")
    out["bomb.docx"] = Expect("not a valid .docx", "66 KB inflating to 20 MB in one text node")

    put("hostile.html", HOSTILE_HTML.encode("utf-8"), Expect(None, "scripts, iframes, handlers, hidden text"))
    put("controls.txt", CONTROL_MINUTES.encode("utf-8"),
        Expect(None, "C0/C1 controls, bidi overrides, zero-width and RTL marks, U+2028/2029, NEL"))
    put("no-structure.txt", NO_STRUCTURE.encode("utf-8"), Expect(None, "prose: no date, board, attendance or items"))
    put("minutes.rtf", b"{\\rtf1 Present: Ann}", Expect("unsupported file type", "unsupported extension"))

    os.mkfifo(folder / "fifo.txt")  # reading it would block forever
    out["fifo.txt"] = Expect("not a regular file", "a named pipe called .txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    out["zero.txt"] = Expect("not a regular file", "a symlink to /dev/zero called .txt")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    out["dangling.txt"] = Expect("file not found", "a dangling symlink")
    return out


def sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (ftruncate; os.open, so that a
    test guarding the built-in ``open`` can make one)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
    try:
        os.ftruncate(fd, size)
    finally:
        os.close(fd)
    return path
