"""Readers: every format to normalised text, with offsets and clear errors."""

from __future__ import annotations

import hashlib

import pytest
from govgraph.ingest.readers import ReadDocument, ReadError, read_document


def test_txt_utf8_bom_and_crlf(tmp_path):
    raw = "\ufeffChair: Ann Smith\r\nDate: 3 May 2022\r\n".encode()
    p = tmp_path / "m.txt"
    p.write_bytes(raw)
    doc = read_document(p)
    assert isinstance(doc, ReadDocument)
    assert doc.text == "Chair: Ann Smith\nDate: 3 May 2022\n"
    assert doc.format == "txt" and doc.source == str(p)
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.pages == [] and doc.page_at(5) is None


def test_txt_cp1252_fallback_keeps_dashes_and_quotes(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Room 1 \u2013 \u201cHindlip\u201d \u00a35\rnext".encode("cp1252"))
    assert read_document(p).text == "Room 1 \u2013 \u201cHindlip\u201d \u00a35\nnext"


def test_markdown_is_text_with_its_own_format(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text("# Board\n\n* Present: Ann Smith\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.format == "md" and doc.text.startswith("# Board\n")


def test_docx_paragraphs_and_table_rows_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Governance Board")
    d.add_paragraph("Present:")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ann Smith", "Chair"
    table.cell(1, 0).text, table.cell(1, 1).text = "Bob Jones", "Chief Executive"
    d.add_paragraph("Apologies were received from Carol White.")
    items = d.add_table(rows=1, cols=2)
    items.cell(0, 0).text, items.cell(0, 1).text = "1.1", "Minutes of the last meeting"
    p = tmp_path / "m.docx"
    d.save(p)
    text = read_document(p).text
    assert "Ann Smith\tChair\nBob Jones\tChief Executive" in text
    assert "1.1\tMinutes of the last meeting" in text
    assert text.index("Present:") < text.index("Ann Smith") < text.index("Apologies were") < text.index("1.1\t")


def test_docx_list_numbering_is_rebuilt(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Apologies", style="List Number")
    d.add_paragraph("Minutes", style="List Number")
    p = tmp_path / "n.docx"
    d.save(p)
    lines = [ln for ln in read_document(p).text.splitlines() if ln.strip()]
    assert lines[0].endswith("Apologies") and lines[1].endswith("Minutes")
    if lines[0] != "Apologies":  # the default template numbers "List Number" paragraphs
        assert lines[0].startswith("1") and lines[1].startswith("2")


def test_invalid_docx_is_a_read_error(tmp_path):
    p = tmp_path / "bad.docx"
    p.write_bytes(b"PK\x03\x04 this is not a word document")
    with pytest.raises(ReadError, match=r"bad\.docx: not a valid \.docx"):
        read_document(p)


def _pdf(path, pages, encrypt=None):
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()


def test_pdf_pages_and_offsets(tmp_path):
    p = tmp_path / "m.pdf"
    _pdf(p, [["Audit Committee", "Present: Ann Smith (Chair)"], ["Page two text", "Apologies: Bob Jones"]])
    doc = read_document(p)
    assert doc.format == "pdf"
    assert [n for _, n in doc.pages] == [1, 2] and doc.pages[0][0] == 0
    second = doc.pages[1][0]
    assert doc.text[second:].startswith("Page two text")
    assert doc.page_at(doc.text.index("Ann Smith")) == 1
    assert doc.page_at(doc.text.index("Bob Jones")) == 2
    assert doc.text.index("Audit Committee") < doc.text.index("Present:")


def test_corrupt_and_encrypted_pdf(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    with pytest.raises(ReadError, match=r"bad\.pdf: "):
        read_document(bad)
    locked = tmp_path / "locked.pdf"
    _pdf(locked, [["Secret minutes"]], encrypt="s3cret")
    with pytest.raises(ReadError, match=r"locked\.pdf: encrypted PDF"):
        read_document(locked)


HTML = """<html><head><title>t</title><script>var x = "Present: Nobody";</script><style>p{}</style></head>
<body><a class="skip-link" href="#c">Skip to main content</a>
<nav><ul><li>Home</li><li>Meetings</li></ul></nav><header>Council logo</header>
<div id="modgov"><h1>Agenda and minutes</h1>
<h2>Police and Crime Panel - Tuesday, 5 March 2019 10.00 am</h2>
<p>Venue: Council Chamber,
   County Hall</p>
<table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr>
<tr><td>1.</td><td><p>Apologies for Absence</p><p>Apologies were received from Councillor A&nbsp;Smith.</p></td></tr>
<tr><td>2.</td><td>Minutes <img alt="pdf icon" src="i.gif"> PDF 60 KB</td></tr></table>
</div><form><input name="q"></form><footer>Copyright</footer></body></html>"""


def test_html_drops_boilerplate_and_keeps_rows(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    doc = read_document(p)
    text = doc.text
    assert doc.format == "html"
    for gone in ("var x", "Skip to main content", "Home", "Council logo", "Copyright", "pdf icon"):
        assert gone not in text
    assert "Police and Crime Panel - Tuesday, 5 March 2019 10.00 am\n" in text
    assert "Venue: Council Chamber, County Hall" in text
    assert "1.\tApologies for Absence\nApologies were received from Councillor A\u00a0Smith." in text
    assert "2.\tMinutes PDF 60 KB" in text


def test_htm_extension(tmp_path):
    p = tmp_path / "page.htm"
    p.write_bytes(b"<p>Present: Ann Smith</p><p>Apologies: Bob Jones</p>")
    assert read_document(p).text == "Present: Ann Smith\n\nApologies: Bob Jones\n"


@pytest.mark.parametrize("name,content,reason", [
    ("m.rtf", b"{\\rtf1}", "unsupported file type"),
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"   \n\n", "no text found"),
    ("bin.txt", b"\x00\x01\x02abc", "binary data"),
])
def test_read_errors(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ReadError, match=f"{name}: {reason}"):
        read_document(p)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="nope.txt: file not found"):
        read_document(tmp_path / "nope.txt")


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 2000)

    def boom(*a, **k):
        raise AssertionError("read before the size check")

    monkeypatch.setattr(type(p), "read_bytes", boom)
    with pytest.raises(ReadError, match=r"big\.txt: file too large \(2000 bytes, limit 1000\)"):
        read_document(p, max_bytes=1000)
