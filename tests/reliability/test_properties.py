"""Property-based tests: for any text, the extractor gives a valid
``govgraph.extraction/1`` object whose evidence is exactly the document's words, in
time proportional to the text; for any bytes, a reader gives a document or a
``ReadError``, nothing else.

Hypothesis' own deadline is off (a loaded 2-core CI box makes per-example deadlines
flaky); each example instead asserts a time bound of ``BASE_S`` plus ``PER_KB_S`` per
KB, far above the 5-30 ms/KB the extractor takes, far below what catastrophic regex
backtracking would take. Larger inputs and their growth are in
``test_extraction_time_is_linear``.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from govgraph.ingest.extract.pipeline import extract_text
from govgraph.ingest.readers import FORMATS, ReadDocument, ReadError, read_document
from govgraph.ingest.resolve import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .bad_documents import good_docx_bytes
from .schema_check import problems
from .support import SEED, time_limit

BASE_S = 1.0
PER_KB_S = 0.1
# GOVGRAPH_HYPOTHESIS_SCALE=20 runs twenty times as many examples (a deeper, slower search).
SCALE = float(os.environ.get("GOVGRAPH_HYPOTHESIS_SCALE") or 1)


def scaled(n: int) -> int:
    return max(1, int(n * SCALE))


SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    print_blob=True)

# Pieces of real minutes, so that generated text reaches the extractor's rules rather
# than only its "nothing recognised" path.
FRAGMENTS = [
    "Present:", "Apologies:", "In attendance:", "Chair:", "Minutes:", "Action:", "ACTION:", "Actions Arising:",
    "Update:", "Decision:", "RESOLVED", "Findings:", "Recommendation 1:", "Question a)", "Owner: CC",
    "Date of next meeting:", "Action arising from the June 2018 meeting:", "It was agreed that",
    "1.", "1.1", "2.1.3", "(a)", "Ref 02/17/08/2022", "Item 4.", "Minute 12", "CAB 118", "TB23/058",
    "Tracey Onslow Deputy Police and Crime Commissioner (DPCC)", "Councillor O\u2019Brien", "Ann Smith (Chair)",
    "John Campion – Police and Crime Commissioner (PCC)", "DCC", "ACC", "CEx", "PCC", "the CC confirmed that",
    "Monthly Assurance Meeting July 2018 – Meeting Notes", "Tuesday 31st July 2018", "10:30", "10.00 am",
    "31/07/2018", "2018-07-31", "Venue: Room 1.38, Hindlip", "HMICFRS PEEL Effectiveness 2017",
    "Status: complete", "Closed", "Ongoing", "•", "-", "*", "–", "\t", "  ", ":", ";", ",", ".", "(", ")",
]
ODD = st.sampled_from(["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u00a0", "\u200b",
                       "\u200e", "\u200f", "\u202a", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffd",
                       "\U0001f600", "\u0301", "\u0627\u0644\u0633\u064a\u062f", "\r", "\r\n", "\n\n\n"])
PIECE = st.one_of(st.sampled_from(FRAGMENTS), ODD, st.text(max_size=40), st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True))
SEP = st.sampled_from([" ", "\n", "\t", "", "\n\n", ": "])


@st.composite
def minutes_like(draw, max_pieces: int = 200) -> str:
    pieces = draw(st.lists(st.tuples(PIECE, SEP), max_size=max_pieces))
    return "".join(p + s for p, s in pieces)


def check_extraction(text: str) -> dict:
    t0 = time.perf_counter()
    with time_limit(60, "extract_text"):
        x = extract_text(text, source="prop.txt", sha256="ab" * 32)
    elapsed = time.perf_counter() - t0
    kb = len(text.encode("utf-8", "surrogatepass")) / 1024
    assert elapsed <= BASE_S + PER_KB_S * kb, f"{elapsed:.2f} s for {kb:.1f} KB"
    found = problems(x, text)
    assert not found, found[:10]
    json.dumps(x)  # plain JSON data
    batch = resolve(x, "2024-01-01T00:00:00+00:00")  # and the graph accepts it
    ids = {batch.document.id} | {n.id for n in batch.nodes}
    assert all(r.src in ids and r.dst in ids for r in batch.rels)
    return x


@settings(SETTINGS, max_examples=scaled(600))
@given(minutes_like())
def test_any_minutes_like_text_gives_a_valid_extraction(text):
    check_extraction(text)


@settings(SETTINGS, max_examples=scaled(300))
@given(st.text(max_size=3000))
def test_any_unicode_text_gives_a_valid_extraction(text):
    check_extraction(text)


@settings(SETTINGS, max_examples=scaled(60))
@given(st.data())
def test_real_minutes_with_random_damage_give_a_valid_extraction(data):
    """The seed minutes with lines cut, duplicated, swapped or spliced with junk."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(0, 12))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["cut", "dup", "junk", "trim", "swap"]))
        if op == "cut":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "junk":
            lines.insert(i, data.draw(minutes_like(max_pieces=8)))
        elif op == "trim":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            lines = [""]
    check_extraction("\n".join(lines))


# Inputs of a few KB to ~100 KB; the time bound is 1 s + 50 ms per KB. The last four
# cases were quadratic in the extractor (a rebuilt list per block, a whole-line scan
# per date, a re-checked post per word, patterns retried at every space of a run).
_SCALING = [
    pytest.param("seed minutes x10", SEED.read_text(encoding="utf-8") * 10, id="seed-x10"),
    pytest.param("prose", "The committee noted the report and thanked officers. " * 2000, id="prose"),
    pytest.param("numbered items", "".join(f"{i}. Item {i}\nThe board noted item {i}.\n" for i in range(1, 600)),
                 id="items"),
    pytest.param("one dated line per action (an action log)", "Action 12: review by 31/07/2018\n" * 1000,
                 id="dated-lines"),
    pytest.param("many dates on one line", "Tuesday 31st July 2018 " * 500, id="dates-one-line"),
    pytest.param("role words on one line", "Chair: " * 1000, id="role-words"),
    pytest.param("a long run of spaces", " " * 3000 + "x", id="spaces"),
]


def _extract_in_child(text: str, conn) -> None:
    t0 = time.perf_counter()
    x = extract_text(text)
    conn.send((time.perf_counter() - t0, problems(x, text)))


@pytest.mark.slow
@pytest.mark.parametrize("what,text", _SCALING)
def test_extraction_time_is_linear(what, text):
    """Run in a forked child that is killed at the bound: a quadratic case costs the
    bound, not the minutes it would take."""
    kb = len(text.encode()) / 1024
    bound = 1.0 + 0.05 * kb
    extract_text(text[:2000])  # warm up (regex compilation, imports) before forking
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_extract_in_child, args=(text, child))
    proc.start()
    try:
        assert parent.poll(bound + 0.5), f"{what}: still extracting {kb:.0f} KB after {bound:.1f} s"
        elapsed, found = parent.recv()
    finally:
        proc.kill()
        proc.join()
    assert not found, found[:5]
    assert elapsed <= bound, f"{what}: {elapsed:.2f} s for {kb:.0f} KB (bound {bound:.2f} s)"


# -- readers on random bytes -------------------------------------------------------------

_DIR = Path(tempfile.mkdtemp(prefix="govgraph-prop-readers-"))


def _samples() -> dict[str, bytes]:
    """One valid file per format, for mutation."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 800, "Police and Crime Panel")
    c.drawString(72, 786, "Present: Ann Smith (Chair)")
    c.showPage()
    c.save()
    html = b"<html><body><h1>Board</h1><p>Present: Ann Smith</p><table><tr><td>1.</td><td>Apologies</td></tr></table>"
    return {".pdf": buf.getvalue(), ".docx": good_docx_bytes(["Board", "Present: Ann Smith", "1. Apologies"]),
            ".html": html, ".htm": html, ".txt": b"Board\r\nPresent: Ann Smith\r\n", ".md": b"# Board\n"}


SAMPLES = _samples()


def check_read(raw: bytes, ext: str) -> None:
    path = _DIR / f"doc{ext}"
    path.write_bytes(raw)
    t0 = time.perf_counter()
    try:
        with time_limit(30, f"read_document({ext})"):
            doc = read_document(path)
    except ReadError as e:
        assert str(e).startswith(f"{path}: "), str(e)
        return
    finally:
        assert time.perf_counter() - t0 <= BASE_S + PER_KB_S * len(raw) / 1024
    assert isinstance(doc, ReadDocument)
    assert doc.format == FORMATS[ext] and doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert isinstance(doc.text, str) and doc.text.strip()
    assert all(0 <= start <= len(doc.text) for start, _ in doc.pages)


@settings(SETTINGS, max_examples=scaled(150))
@given(st.binary(max_size=4096), st.sampled_from(sorted(FORMATS)))
def test_readers_on_random_bytes(raw, ext):
    check_read(raw, ext)


@st.composite
def mutated(draw) -> tuple[bytes, str]:
    ext = draw(st.sampled_from(sorted(SAMPLES)))
    raw = bytearray(SAMPLES[ext])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if not raw:
            break
        i = draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del raw[i:i + draw(st.integers(1, 64))]
        elif op == "insert":
            raw[i:i] = draw(st.binary(min_size=1, max_size=64))
        else:
            del raw[i:]
    return bytes(raw), ext


@settings(SETTINGS, max_examples=scaled(300))
@given(mutated())
def test_readers_on_damaged_files(sample):
    raw, ext = sample
    check_read(raw, ext)


@settings(SETTINGS, max_examples=scaled(60))
@given(st.lists(st.tuples(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels",
                                           "word/numbering.xml", "x"]), st.binary(max_size=300)), max_size=5))
def test_docx_reader_on_random_zips(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in dict(members).items():
            z.writestr(name, data)
    check_read(buf.getvalue(), ".docx")
