"""Files the readers must survive (issue 7, "nothing lost, nothing let in").

For every bad input: one line naming the file and the problem, the rest of the
batch read, the problem counted, and what can be recovered kept (the good lines
of a JSONL file, the good rows of a CSV file, a text in a legacy encoding).
The huge-file cases measure the peak memory of a real process and are in the
slow group (`make test-all`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nlp_tools.documents import Document, normalise
from nlp_tools.readers import ReadOptions, ReadProblem, read_documents
from nlp_tools.readers.base import MAX_DOCUMENT_CHARS
from nlp_tools.readers.dates import find_dateline, find_header_date, parse_date
from nlp_tools.runner import ingest
from nlp_tools.store import Store

from .pdf_fixture import write_pdf

GOOD = "WASHINGTON, Oct. 7, 2015 \u2014 There has been no coordination with Russia, Pentagon Press Secretary Peter Cook said.\n"
NLP_TOOLS = shutil.which("nlp-tools") or str(Path(sys.executable).parent / "nlp-tools")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def _read(paths, **options):
    items = list(read_documents([str(p) for p in paths], ReadOptions(**options)))
    for item in items:
        assert isinstance(item, (Document, ReadProblem)), item
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    return docs, problems


def _assert_one_line(problem: ReadProblem, name: str) -> None:
    line = str(problem)
    assert "\n" not in line and "\r" not in line and "Traceback" not in line
    assert problem.path.endswith(name) and line.startswith(problem.path + ": ")


# -- a PDF without a text layer, and friends -----------------------------------------------


def _scan_pdf(path: Path) -> None:
    """A one-page PDF that only draws lines (as a scan holds only an image): no text layer."""
    content = "0.5 w 72 72 m 540 720 l S 72 720 m 540 72 l S"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def _real_pdf(path: Path) -> bytes:
    write_pdf(path, ["Press release", "ISLAMABAD, April 11, 1999. The Foreign Office said the test was notified in advance."])
    return path.read_bytes()


def _corrupt_pdf(path: Path) -> None:
    data = _real_pdf(path)
    path.write_bytes(data[: len(data) // 2])  # cut off half-way, as an interrupted download


def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    _real_pdf(path)
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt("secret", algorithm="RC4-128")
    with open(path, "wb") as fh:
        writer.write(fh)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document>" + "The ministry said. " * 200 + "</w:document>")
    return buffer.getvalue()


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


SCRIPTS_ONLY = (
    "<!DOCTYPE html><html><head><title></title><script src='https://cdn.example/x.js'></script>"
    "<style>body{color:red}</style><script>var t = 'There has been no coordination with Russia';</script></head>"
    "<body><script>document.write('<p>' + t + '</p>')</script><noscript></noscript></body></html>"
)

# name, how to write it, the problem expected, reading options
WHOLE_FILE_CASES = [
    ("empty.txt", lambda p: p.write_bytes(b""), "empty file", {}),
    ("blank.md", lambda p: p.write_bytes(b" \r\n\t\n \n"), "empty file", {}),
    ("bytes.txt", lambda p: p.write_bytes(bytes(range(256)) * 40), "binary file, not text", {}),
    ("random.txt", lambda p: p.write_bytes(_random_bytes(20_000, 7)), "binary file, not text", {}),
    ("picture.md", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + _random_bytes(5_000, 8)), "binary file, not text", {}),
    ("report.txt", lambda p: p.write_bytes(_zip_bytes()), "binary file, not text", {}),
    ("scripts.html", lambda p: p.write_text(SCRIPTS_ONLY), "HTML page has no main text", {}),
    ("corrupt.pdf", _corrupt_pdf, "corrupt PDF", {}),
    ("notapdf.pdf", lambda p: p.write_bytes(b"<html>a web page saved as .pdf</html>"), "corrupt PDF", {}),
    ("scan.pdf", _scan_pdf, "PDF has no text layer", {}),
    ("locked.pdf", _encrypted_pdf, "PDF is encrypted", {}),
    ("empty.jsonl", lambda p: p.write_bytes(b"\n \n"), "empty file", {}),
    ("header-only.csv", lambda p: p.write_text("doc_id,text,date\n"), "no readable records", {}),
    ("other-columns.csv", lambda p: p.write_text("id,body\n1,Russia denied it.\n"), "no 'text' column (columns: id, body)", {}),
    ("big.txt", lambda p: p.write_text(GOOD * 20_000), "too large (2 MB > limit 1 MB; split it, or raise the limit with --max-mb)",
     {"max_bytes": 1_000_000}),
    ("long.txt", lambda p: p.write_text(GOOD * 100), "text too long for one document (11,",
     {"max_chars": 5_000}),
]


@pytest.mark.parametrize("name,write,expected,options", WHOLE_FILE_CASES, ids=[c[0] for c in WHOLE_FILE_CASES])
def test_a_bad_file_is_one_line_and_the_batch_goes_on(tmp_path, name, write, expected, options):
    write(tmp_path / name)
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "zz-after.txt").write_text(GOOD.replace("Russia", "Turkey"))
    docs, problems = _read([tmp_path], **options)
    assert [d.doc_id for d in docs] == ["good.txt", "zz-after.txt"]  # the files before and after it are read
    (problem,) = problems
    _assert_one_line(problem, name)
    assert expected in problem.problem
    assert not problem.partial and not problem.ignored


def test_jsonl_without_a_single_good_record_says_so_per_line_and_for_the_file(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"title": "no text"}\n[1, 2]\n{"text": "   "}\n{"text": 7}\n')
    docs, problems = _read([f])
    assert not docs
    assert [p.problem for p in problems] == [
        "line 1: no 'text' field", "line 2: not a JSON object", "line 3: empty text",
        "line 4: 'text' is not a string", "no readable records",
    ]
    for p in problems:
        _assert_one_line(p, "feed.jsonl")


# -- encodings: detected and decoded, not rejected -------------------------------------------

WORDS = ("the ministry said that there had been no coordination with the coalition before the strikes near the "
         "border spokesman told reporters in advance of the operation officials were notified on Monday "
         "according to a statement").split()
NAMES = ["M\u00fcller", "Fran\u00e7ois", "Jean-Yves Le Drian", "Fr\u00e9d\u00e9ric", "Z\u00fcrich", "Se\u00f1or Mu\u00f1oz",
         "S\u00e3o Tom\u00e9", "Ankara\u2019s", "\u201cno comment\u201d", "\u2014 he said \u2014", "\u20ac5 million", "\u00d3 Briain",
         "na\u00efve", "caf\u00e9", "d\u00e9j\u00e0 vu", "\u00abnon\u00bb", "Stra\u00dfe", "\u2026"]
LINE_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " "]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@st.composite
def press_text(draw, encoding: str = "utf-8"):
    """English press sentences with accented names and typographic punctuation,
    joined by any mix of line endings."""
    names = [n for n in NAMES if _encodable(n, encoding)]
    sentences = draw(st.lists(
        st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(names)), min_size=4, max_size=18)
        .map(lambda ws: " ".join(ws).capitalize() + "."),
        min_size=1, max_size=6,
    ))
    breaks = draw(st.lists(st.sampled_from(LINE_BREAKS), min_size=len(sentences), max_size=len(sentences)))
    return "".join(s + b for s, b in zip(sentences, breaks, strict=True))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]


@PROPERTY
@given(st.sampled_from(ENCODINGS).flatmap(lambda e: st.tuples(st.just(e), press_text(e))))
@example(("latin-1", "A d\u00e9j\u00e0 vu d\u00e9j\u00e0 vu d\u00e9j\u00e0 vu.\n"))  # a third of its letters accented
@example(("cp1252", "\u2026 \u2026 \u2026 \u2026.\n"))  # no letter at all, only Windows-1252 punctuation
def test_any_common_encoding_and_line_ending_reads_back_the_same_text(tmp_path_factory, case):
    encoding, text = case
    f = tmp_path_factory.mktemp("enc") / "statement.txt"
    f.write_bytes(text.encode(encoding))
    docs, problems = _read([f])
    assert not problems
    (doc,) = docs
    assert doc.text == normalise(text)
    assert "\r" not in doc.text and "\ufeff" not in doc.text


PARAGRAPHS = {
    "fr": "Le minist\u00e8re des Arm\u00e9es a d\u00e9menti toute coordination avec la coalition. Le porte-parole a d\u00e9clar\u00e9 "
          "que la France n\u2019avait pas \u00e9t\u00e9 inform\u00e9e \u00e0 l\u2019avance.",
    "de": "Das Ausw\u00e4rtige Amt erkl\u00e4rte, es habe keine Abstimmung mit Moskau gegeben. Die Bundesregierung sei "
          "nicht vorab \u00fcber die Angriffe informiert worden.",
    "ru": "\u041c\u0438\u043d\u0438\u0441\u0442\u0435\u0440\u0441\u0442\u0432\u043e \u043e\u0431\u043e\u0440\u043e\u043d\u044b "
          "\u0420\u043e\u0441\u0441\u0438\u0438 \u0437\u0430\u044f\u0432\u0438\u043b\u043e, \u0447\u0442\u043e "
          "\u0430\u043c\u0435\u0440\u0438\u043a\u0430\u043d\u0441\u043a\u0430\u044f \u0441\u0442\u043e\u0440\u043e\u043d\u0430 "
          "\u0431\u044b\u043b\u0430 \u0437\u0430\u0440\u0430\u043d\u0435\u0435 \u0443\u0432\u0435\u0434\u043e\u043c\u043b\u0435\u043d\u0430.",
    "el": "\u03a4\u03bf \u03a5\u03c0\u03bf\u03c5\u03c1\u03b3\u03b5\u03af\u03bf \u0395\u03b8\u03bd\u03b9\u03ba\u03ae\u03c2 "
          "\u0386\u03bc\u03c5\u03bd\u03b1\u03c2 \u03b1\u03bd\u03b1\u03ba\u03bf\u03af\u03bd\u03c9\u03c3\u03b5 \u03cc\u03c4\u03b9 "
          "\u03b4\u03b5\u03bd \u03c5\u03c0\u03ae\u03c1\u03be\u03b5 \u03c3\u03c5\u03bd\u03c4\u03bf\u03bd\u03b9\u03c3\u03bc\u03cc\u03c2.",
    "tr": "T\u00fcrkiye D\u0131\u015fi\u015fleri Bakanl\u0131\u011f\u0131, Rus u\u00e7a\u011f\u0131n\u0131n hava sahas\u0131n\u0131 "
          "ihlal etti\u011fini a\u00e7\u0131klad\u0131. Bakanl\u0131k s\u00f6zc\u00fcs\u00fc, \u00f6nceden bilgi verilmedi\u011fini s\u00f6yledi.",
    "cs": "Ministerstvo obrany \u010cesk\u00e9 republiky uvedlo, \u017ee o \u00fatoku nebylo p\u0159edem informov\u00e1no. "
          "Mluv\u010d\u00ed \u0159ekl, \u017ee \u017e\u00e1dn\u00e1 koordinace neprob\u011bhla.",
    "zh": "\u56fd\u9632\u90e8\u53d1\u8a00\u4eba\u8bf4\uff0c\u6ca1\u6709\u4efb\u4f55\u534f\u8c03\u3002"
          "\u4e2d\u65b9\u5bf9\u6b64\u8868\u793a\u4e25\u91cd\u5173\u5207\u3002",
}


@pytest.mark.parametrize("lang,encoding", [
    ("fr", "cp1252"), ("de", "latin-1"), ("de", "cp1252"), ("fr", "utf-16-le"), ("de", "utf-16-be"),
    ("ru", "cp1251"), ("ru", "utf-16-le"), ("ru", "utf-16-be"), ("ru", "utf-16"), ("el", "cp1253"),
    ("tr", "cp1254"), ("cs", "cp1250"), ("zh", "utf-16-le"), ("zh", "utf-16-be"), ("zh", "utf-8-sig"),
])
def test_legacy_and_wide_encodings_of_other_languages(tmp_path, lang, encoding):
    """Without a BOM too: UTF-16 of Cyrillic or Chinese used to be refused as binary."""
    f = tmp_path / f"{lang}.txt"
    f.write_bytes(PARAGRAPHS[lang].encode(encoding))
    (doc,), problems = _read([f])
    # (the text as decoded, normalised: "l’avance" has a straight apostrophe)
    assert not problems and doc.text == normalise(PARAGRAPHS[lang]) and doc.text.startswith(PARAGRAPHS[lang][:20])


def test_mostly_utf8_with_some_windows_1252_keeps_both(tmp_path):
    """Feeds concatenated from two sources: the UTF-8 stays UTF-8, the stray bytes are read as cp1252."""
    f = tmp_path / "concatenated.txt"
    f.write_bytes("The \u201cmemorandum\u201d was signed \u2014 Moscou a confirm\u00e9.\n".encode()
                  + "Le minist\u00e8re a d\u00e9menti toute coordination.\n".encode("cp1252"))
    (doc,), problems = _read([f])
    assert not problems
    assert doc.text == "The \u201cmemorandum\u201d was signed \u2014 Moscou a confirm\u00e9.\nLe minist\u00e8re a d\u00e9menti toute coordination."


def test_nul_padding_and_stray_controls_are_dropped_not_a_reason_to_refuse(tmp_path):
    f = tmp_path / "padded.txt"
    f.write_bytes(GOOD.encode() + b"\x07The ministry said it informed Ankara in advance.\n" + b"\x00" * 300)
    (doc,), problems = _read([f])
    assert not problems
    assert doc.text == normalise(GOOD + "The ministry said it informed Ankara in advance.")
    # two stray NULs, both at odd offsets, as in UTF-16-LE: still UTF-8 with two NULs
    data = (GOOD * 40).encode()
    f.write_bytes(data[:1001] + b"\x00" + data[1001:2000] + b"\x00" + data[2000:])  # at 1001 and 2001
    (doc,), problems = _read([f])
    assert not problems and doc.text == normalise(GOOD * 40)


def test_mixed_line_endings_keep_the_lines(tmp_path):
    f = tmp_path / "briefing.txt"
    f.write_bytes(b"Daily Press Briefing\r\nOctober 7, 2015\r\rMR. COOK: Good afternoon.\nQ: Were you notified?\r\n"
                  b"MR. COOK: We were not.\r")
    (doc,), _ = _read([f])
    assert doc.text == ("Daily Press Briefing\nOctober 7, 2015\n\nMR. COOK: Good afternoon.\nQ: Were you notified?\n"
                        "MR. COOK: We were not.")
    assert doc.date == date(2015, 10, 7)


@PROPERTY
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ".jsonl", ".csv"]))
def test_arbitrary_bytes_never_raise_and_what_is_read_can_be_stored(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    f.write_bytes(data)
    docs, problems = _read([f])
    assert docs or problems  # nothing silently dropped
    for p in problems:
        _assert_one_line(p, f.name)
    for doc in docs:
        assert doc.text and doc.text == normalise(doc.text)
        doc.text.encode("utf-8")  # storable: no lone surrogates
        doc.doc_id.encode("utf-8")
        assert not re.search("[\x00-\x08\x0e-\x1f\x7f]", doc.text)


@PROPERTY
@given(value=st.one_of(st.text(max_size=200), st.sampled_from(["32/13/2015", "2015-02-30", "99999-99-99", "0000-00-00",
                                                               "1e308", "-1", "next Tuesday", "Q5 2016", "2015-13-45"])))
def test_dates_that_do_not_parse_are_none_never_an_exception(value):
    for found in (parse_date(value), find_dateline(value), find_header_date(value)):
        assert found is None or date(1900, 1, 1) <= found <= date.today().replace(year=date.today().year + 1)


@pytest.mark.parametrize("given_date", ["32/13/2015", "2015-02-30", "the day after the strikes", "99999-99-99",
                                        "x" * 5000, 20151399, {"year": 2015}])
def test_a_date_that_does_not_parse_keeps_the_document_undated_and_says_so(tmp_path, given_date):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"doc_id": "r1", "date": given_date, "text": "The ministry said it informed Ankara in advance."}) + "\n")
    (doc,), (problem,) = _read([f])
    assert doc.doc_id == "r1" and doc.date is None
    _assert_one_line(problem, "feed.jsonl")
    assert problem.partial and problem.problem.startswith("line 1: date '") and "kept as undated" in problem.problem


# -- JSONL: the good lines of a broken file are read ----------------------------------------

GARBAGE = st.one_of(
    st.sampled_from(["{broken", "[1, 2]", '"a string"', "42", "null", '{"text": 5}', '{"title": "no text"}',
                     '{"text": "  "}', '{"text": "a", ', "}{", "\ufeff{}"]),
    # (control characters are left out: a file that is mostly control bytes is binary, as a whole)
    st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]),
            max_size=30).map(lambda s: "{," + s),  # never valid JSON
)
RECORD_TEXT = st.lists(st.sampled_from(WORDS + NAMES + ["\u041c\u043e\u0441\u043a\u0432\u0430", "\u5317\u4eac",
                                                        'a "quoted" word', "line\nbreak", "tab\there"]),
                       min_size=3, max_size=15).map(" ".join)


@PROPERTY
@given(entries=st.lists(st.one_of(st.tuples(st.just("good"), RECORD_TEXT), st.tuples(st.just("bad"), GARBAGE)),
                        min_size=1, max_size=25),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_jsonl_with_broken_lines_anywhere_keeps_every_good_line(tmp_path_factory, entries, newline):
    f = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    lines, good, bad = [], [], []
    for i, (kind, value) in enumerate(entries, start=1):
        if kind == "good":
            lines.append(json.dumps({"doc_id": f"r{i}", "date": "2016-09-18", "text": value}, ensure_ascii=i % 2 == 0))
            good.append((f"r{i}", normalise(value)))
        else:
            lines.append(value)
            bad.append(i)
    f.write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    docs, problems = _read([f])
    assert [(d.doc_id, d.text) for d in docs] == good
    assert all(d.date == date(2016, 9, 18) for d in docs)
    line_problems = [p for p in problems if p.problem != "no readable records"]
    assert [int(re.match(r"line (\d+): ", p.problem).group(1)) for p in line_problems] == bad
    assert all(p.partial for p in line_problems)
    for p in problems:
        _assert_one_line(p, "feed.jsonl")


def test_jsonl_in_utf16_and_with_a_late_windows_1252_line(tmp_path):
    records = [{"doc_id": "a", "text": "Le minist\u00e8re a d\u00e9menti."},
               {"doc_id": "b", "text": "\u4e0a\u6d77 \u0a0a \u010a: characters whose UTF-16 holds a line-feed byte."}]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    for encoding, data in [("utf-16", body.encode("utf-16")), ("utf-16-le", body.encode("utf-16-le")),
                           ("utf-16-be", body.encode("utf-16-be")), ("utf-8-sig", body.encode("utf-8-sig"))]:
        f = tmp_path / f"{encoding}.jsonl"
        f.write_bytes(data)
        docs, problems = _read([f])
        assert not problems, (encoding, problems)
        assert [(d.doc_id, d.text) for d in docs] == [(r["doc_id"], r["text"]) for r in records], encoding
    # the encoding is judged from the head; a cp1252 line far below it is still read right
    f = tmp_path / "late.jsonl"
    head = "".join(json.dumps({"doc_id": f"x{i}", "text": "plain ASCII about strikes " * 8}) + "\n" for i in range(400))
    f.write_bytes(head.encode() + json.dumps({"doc_id": "late", "text": "Le minist\u00e8re a d\u00e9menti."},
                                             ensure_ascii=False).encode("cp1252") + b"\n")
    docs, problems = _read([f])
    assert not problems and len(docs) == 401 and docs[-1].text == "Le minist\u00e8re a d\u00e9menti."


def test_lone_surrogates_and_nul_in_records_are_cleaned_and_storable(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"doc_id": "s\\ud800", "title": "t\\udfff", "lang": {"x": ["\\ud801"]}, '
                 '"text": "The ministry \\ud800 said it informed Washington\\u0000 in advance."}\n')
    (doc,), problems = _read([f])
    assert not problems
    assert doc.doc_id == "s\ufffd" and doc.title == "t\ufffd" and doc.metadata == {"lang": {"x": ["\ufffd"]}}
    assert doc.text == "The ministry \ufffd said it informed Washington in advance."
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(f)], store, run_id=1)
        assert summary.added == 1 and store.counts()["documents"] == 1


# -- CSV: ragged rows and quoted newlines ----------------------------------------------------

CELL = st.lists(st.sampled_from(WORDS + NAMES + ['"quoted"', "a, comma", "new\nline", "crlf\r\nline", "semi;colon",
                                                 "\u041c\u043e\u0441\u043a\u0432\u0430", "\u5317\u4eac", "=1+2"]),
                min_size=2, max_size=12).map(" ".join)


@PROPERTY
@given(rows=st.lists(st.one_of(st.tuples(st.just("good"), CELL), st.tuples(st.just("ragged"), st.integers(1, 6))),
                     min_size=1, max_size=20),
       terminator=st.sampled_from(["\r\n", "\n"]))
def test_csv_with_ragged_rows_and_quoted_newlines_keeps_every_good_row(tmp_path_factory, rows, terminator):
    f = tmp_path_factory.mktemp("csv") / "wire.csv"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator)
    writer.writerow(["doc_id", "date", "text"])
    good, ragged = [], []
    for i, (kind, value) in enumerate(rows, start=2):  # the header is row 1
        if kind == "good":
            writer.writerow([f"w{i}", "2017-03-02", value])
            good.append((f"w{i}", normalise(value)))
        else:
            n = value if value < 3 else value + 1  # never exactly 3 fields
            writer.writerow([f"r{i}"] + ["x"] * (n - 1))
            ragged.append(i)
    f.write_bytes(out.getvalue().encode("utf-8"))
    docs, problems = _read([f])
    assert [(d.doc_id, d.text) for d in docs] == good
    row_problems = [p for p in problems if p.problem != "no readable records"]
    assert [int(re.match(r"row (\d+) ", p.problem).group(1)) for p in row_problems] == ragged
    assert all("expected 3 fields" in p.problem and p.partial for p in row_problems)


def test_csv_unclosed_quote_reports_and_keeps_the_rows_before(tmp_path):
    f = tmp_path / "wire.csv"
    f.write_text('doc_id,text,date\nw1,"Officials denied any coordination.",2017-03-02\n'
                 'w2,"An unclosed quote,2017-03-03\nw3,Fine text,2017-03-04\n')
    docs, problems = _read([f])
    assert [d.doc_id for d in docs] == ["w1"]
    (problem,) = problems
    _assert_one_line(problem, "wire.csv")
    assert problem.partial and problem.problem.startswith("row 3")


# -- folders: permissions, links, names ------------------------------------------------------


def test_symbolic_link_loops_broken_links_and_second_paths(tmp_path):
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "doc.txt").write_text(GOOD)
    (root / "a" / "b" / "up").symlink_to("../..")  # a loop back to the corpus folder
    (root / "again").symlink_to("a/b")  # the same folder a second time: read once
    (root / "one.txt").symlink_to("two.txt")
    (root / "two.txt").symlink_to("one.txt")  # a loop between two links
    (root / "gone.txt").symlink_to("nowhere.txt")
    docs, problems = _read([root])
    assert [d.doc_id for d in docs] == ["a/b/doc.txt"]
    found = {p.path.removeprefix(str(root) + "/"): p for p in problems}
    assert set(found) == {"a/b/up", "again", "one.txt", "two.txt", "gone.txt"}
    assert found["a/b/up"].problem.startswith("symbolic link loop") and not found["a/b/up"].ignored
    assert found["one.txt"].problem == found["two.txt"].problem == "symbolic link loop"
    assert found["gone.txt"].problem == "broken symbolic link"
    assert found["again"].ignored  # counted among the ignored, not an error: nothing was lost
    for p in problems:
        assert "\n" not in str(p)


def _drop_permission_override() -> None:
    """In the child, before exec: a root process loses the capabilities that let
    it ignore file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that
    an unreadable folder is unreadable to it as to any user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _as_a_user() -> dict:
    """Popen arguments under which file permissions apply, even when the tests run as root."""
    return {"preexec_fn": _drop_permission_override} if os.geteuid() == 0 else {}


READ_SCRIPT = """
import json, sys
from nlp_tools.readers import ReadProblem, read_documents
out = []
for item in read_documents(sys.argv[1:]):
    if isinstance(item, ReadProblem):
        out.append(["problem", item.path, item.problem])
    else:
        out.append(["document", item.doc_id, item.text])
print(json.dumps(out))
"""


def test_unreadable_folders_and_files_are_reported_and_the_rest_is_read(tmp_path):
    root = tmp_path / "corpus"
    for folder in ("open", "locked"):
        (root / folder).mkdir(parents=True)
        (root / folder / "doc.txt").write_text(GOOD)
    (root / "open" / "secret.txt").write_text(GOOD.replace("Russia", "Iran"))
    (root / "open" / "secret.txt").chmod(0o000)
    (root / "locked").chmod(0o000)
    try:
        done = subprocess.run([sys.executable, "-c", READ_SCRIPT, str(root), str(root / "locked" / "doc.txt")],
                              capture_output=True, text=True, timeout=120, **_as_a_user())
    finally:
        (root / "locked").chmod(0o755)
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)
    assert [i[1] for i in items if i[0] == "document"] == ["open/doc.txt"]
    problems = {i[1].removeprefix(str(root) + "/"): i[2] for i in items if i[0] == "problem"}
    assert problems == {
        "locked": "cannot open folder (Permission denied)",
        "open/secret.txt": "permission denied",
        "locked/doc.txt": "permission denied (a folder on the way cannot be opened)",
    }


def test_pipes_and_devices_with_a_text_name_are_reported_not_read(tmp_path):
    """Reading a pipe would wait forever and /dev/zero would never end: both are refused (in a
    subprocess with a time limit, so that a regression fails instead of hanging the suite)."""
    root = tmp_path / "corpus"
    root.mkdir()
    os.mkfifo(root / "pipe.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "null.jsonl").symlink_to("/dev/null")
    (root / "good.txt").write_text(GOOD)
    done = subprocess.run([sys.executable, "-c", READ_SCRIPT, str(root)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)
    assert [i[1] for i in items if i[0] == "document"] == ["good.txt"]
    assert {Path(i[1]).name: i[2] for i in items if i[0] == "problem"} == dict.fromkeys(
        ["null.jsonl", "pipe.txt", "zero.txt"], "not a regular file (a pipe, socket or device)")


def test_file_names_that_are_not_utf8_or_hold_line_breaks_are_read_and_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    root = os.fsencode(folder)
    with open(root + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD.encode())
    with open(root + b"/caf\xe8.txt", "wb") as fh:  # distinct names stay distinct
        fh.write(GOOD.replace("Russia", "Turkey").encode())
    (folder / "tab\there.txt").write_text(GOOD.replace("Russia", "Iran"))
    with open(root + b"/bad\xff.pdf", "wb") as fh:
        fh.write(b"not a pdf")
    (folder / "two\nlines.pdf").write_bytes(b"not a pdf either")
    docs, problems = _read([folder])
    assert sorted(d.doc_id for d in docs) == ["caf\\xe8.txt", "caf\\xe9.txt", "tab\\there.txt"]
    assert [p.path.rsplit("/", 1)[1] for p in problems] == ["bad\\xff.pdf", "two\\nlines.pdf"]
    for problem in problems:
        assert "corrupt PDF" in problem.problem
        _assert_one_line(problem, problem.path.rsplit("/", 1)[1])
        str(problem).encode("utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(folder)], store, run_id=1)
        assert summary.added == 3 and len(summary.errors) == 2
        assert len(store.problems_frame(1)) == 2


def test_two_records_with_one_doc_id_keep_the_first_and_report_the_second(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in [
        {"doc_id": "x", "text": "The ministry said it informed Washington in advance."},
        {"doc_id": "x", "text": "Russia denied any coordination with the coalition."},
        {"doc_id": "y", "text": "Turkey said it was not notified."},
    ]))
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(f)], store, run_id=1)
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    assert texts == {"x": "The ministry said it informed Washington in advance.", "y": "Turkey said it was not notified."}
    (problem,) = summary.problems
    _assert_one_line(problem, "feed.jsonl")
    assert problem.partial and "doc_id 'x' is already used" in problem.problem


# -- the whole battery through the real command ----------------------------------------------


def _battery(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write a corpus of good and bad files; return the problems expected (errors, partly read)."""
    root.mkdir()
    (root / "good.txt").write_text(GOOD)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(_random_bytes(4000, 1))
    (root / "scripts.html").write_text(SCRIPTS_ONLY)
    _corrupt_pdf(root / "corrupt.pdf")
    _scan_pdf(root / "scan.pdf")
    (root / "latin1.txt").write_bytes("MOSCOW, Oct. 20, 2015 \u2014 Le minist\u00e8re said the Russian side had informed "
                                      "the U.S. side in advance of the flights, Defence Ministry spokesman Igor "
                                      "Konashenkov said.\n".encode("cp1252"))
    (root / "utf16.txt").write_bytes(("ANKARA, Nov. 24, 2015 \u2014 Turkey said it had warned the Russian jet ten "
                                      "times before it was shot down, Foreign Minister Mevl\u00fct \u00c7avu\u015fo\u011flu "
                                      "said.\n").encode("utf-16-le"))
    (root / "broken.jsonl").write_text(
        json.dumps({"doc_id": "j1", "date": "2016-09-18", "text": "The Russian Defence Ministry said there had been no "
                    "coordination with the coalition before the strikes near Deir ez-Zor."}) + "\n"
        + '{"doc_id": "j2", "text": "cut off in the mid\n'
        + json.dumps({"doc_id": "j3", "date": "2016-09-19", "text": "A U.S. official said Russia had been notified "
                      "in advance of the operation."}) + "\n")
    (root / "ragged.csv").write_text(
        'doc_id,date,text\nc1,2017-04-07,"The United States informed Russia before the strikes,\nthe Pentagon said."\n'
        "c2,2017-04-07,Too,many,fields\n"
        'c3,2017-04-08,"Moscow said it would suspend the ""memorandum"" on flight safety."\n')
    (root / "dates.jsonl").write_text(json.dumps({"doc_id": "d1", "date": "sometime in spring", "text":
                                                  "Israel said it had notified Russia before the strike."}) + "\n")
    (root / "ids.jsonl").write_text(
        json.dumps({"doc_id": "same", "text": "China said it had notified the countries concerned in advance."}) + "\n"
        + json.dumps({"doc_id": "same", "text": "India said Pakistan had not been informed of the launch."}) + "\n")
    (root / "loop").mkdir()
    (root / "loop" / "up").symlink_to("..")
    (root / "locked").mkdir()
    (root / "locked" / "doc.txt").write_text(GOOD.replace("Russia", "Iran"))
    with open(os.fsencode(root) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(b"WASHINGTON, Oct. 8, 2015 \xe2\x80\x94 The State Department said talks with Moscow went on.\n")
    (root / "two\nlines.txt").write_bytes(b"")
    (root / "locked").chmod(0o000)
    errors = {
        "two\\nlines.txt": "empty file",
        "empty.txt": "empty file",
        "binary.txt": "binary file, not text",
        "scripts.html": "HTML page has no main text",
        "corrupt.pdf": "corrupt PDF",
        "scan.pdf": "PDF has no text layer",
        "locked": "cannot open folder (Permission denied)",
        "loop/up": "symbolic link loop",
    }
    partial = {
        "broken.jsonl": "line 2: invalid JSON",
        "ragged.csv": "row 3 (line 4): expected 3 fields, got 5",
        "dates.jsonl": "line 1: date 'sometime in spring' not understood; kept as undated",
        "ids.jsonl": "doc_id 'same' is already used by another document of this run",
    }
    return errors, partial


def test_the_battery_through_nlp_tools_run(tmp_path):
    root = tmp_path / "in"
    out = tmp_path / "out"
    errors, partial = _battery(root)
    try:
        done = subprocess.run([NLP_TOOLS, "run", str(root), "--out", str(out)], capture_output=True, text=True,
                              timeout=300, env={**os.environ, "COLUMNS": "200"}, **_as_a_user())
    finally:
        (root / "locked").chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("skipped: ")]
    expected = {**errors, **partial}
    assert len(lines) == len(expected), lines  # one line each, nothing twice, nothing else
    for name, problem in expected.items():
        assert sum(1 for line in lines if line.startswith(f"skipped: {root}/{name}: {problem}")) == 1, (name, lines)
    assert f"skipped             {len(errors)} files/records with errors, {len(partial)} partly read" in done.stdout

    documents = pd.read_csv(out / "documents.csv", keep_default_na=False)
    extracted = set(documents.loc[documents.status == "extracted", "doc_id"])
    assert extracted == {"good.txt", "latin1.txt", "utf16.txt", "j1", "j3", "c1", "c3", "d1", "same", "caf\\xe9.txt"}
    statuses = documents.loc[documents.status != "extracted", "status"].tolist()
    assert sum(s.startswith("skipped: ") for s in statuses) == len(errors)
    assert sum(s.startswith("partly read: ") for s in statuses) == len(partial)

    with Store(out / "nlp_tools.duckdb", read_only=True) as store:
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
        claims = store.claims_frame()
    assert "Le minist\u00e8re said" in texts["latin1.txt"]
    assert "Mevl\u00fct \u00c7avu\u015fo\u011flu" in texts["utf16.txt"]
    assert texts["c1"] == "The United States informed Russia before the strikes,\nthe Pentagon said."
    assert texts["same"].startswith("China said")
    assert {"good.txt", "latin1.txt", "j1"} <= set(claims["doc_id"])


# -- huge files: refused or streamed, memory bounded (slow) -----------------------------------


def _peak_rss_mb(args: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, float]:
    """Run a process to the end; its own peak resident memory (MB) from wait4."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    # read the pipes in threads so a chatty process cannot block; wait4 gives this child's own usage
    import threading

    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda s=s, k=k: chunks[k].append(s.read())) for s, k in
               ((proc.stdout, "out"), (proc.stderr, "err"))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for t in readers:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    done = subprocess.CompletedProcess(args, proc.returncode, "".join(chunks["out"]), "".join(chunks["err"]))
    return done, usage.ru_maxrss / 1024  # KiB on Linux


def _write_repeated(path: Path, unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> None:
    block = unit * max(1, (1 << 20) // len(unit))
    with open(path, "wb") as fh:
        fh.write(head)
        written = 0
        while written < size:
            fh.write(block)
            written += len(block)
        fh.write(tail)


@pytest.mark.slow
def test_huge_files_are_refused_or_streamed_within_bounded_memory(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    mb = 1_000_000
    # a 200 MB text file: above --max-mb, refused without being read
    _write_repeated(root / "huge.txt", GOOD.encode(), 200 * mb)
    # a single 50 MB line: under --max-mb, read, and refused as one text too long for the parser
    _write_repeated(root / "one-line.jsonl", b"no coordination ", 50 * mb,
                    head=b'{"doc_id": "giant", "text": "', tail=b'"}\n' + json.dumps({"doc_id": "after", "text": GOOD}).encode() + b"\n")
    # a single 50 MB line in a text file: read, and refused as too long before being normalised
    _write_repeated(root / "one-line.txt", b"no coordination ", 50 * mb)
    # a single 200 MB line: above --max-mb, skipped a chunk at a time; the next line is read
    _write_repeated(root / "endless.jsonl", b"x", 200 * mb, head=b'{"text": "',
                    tail=b'"}\n' + json.dumps({"doc_id": "next", "text": GOOD}).encode() + b"\n")
    # 40 MB of CSV rows: streamed, every row read
    row = ('"' + GOOD.strip().replace('"', '""') + ' ' + "More words about the strikes. " * 30 + '"\n').encode()
    with open(root / "many.csv", "wb") as fh:
        fh.write(b"text\n")
        rows = 0
        while fh.tell() < 40 * mb:
            fh.write(row.replace(b"Peter Cook", f"Peter Cook {rows}".encode()) if rows % 1000 == 0 else row)
            rows += 1
    script = READ_SCRIPT.replace("out.append([\"document\", item.doc_id, item.text])", "out.append([\"document\", item.doc_id, len(item.text)])")
    done, peak = _peak_rss_mb([sys.executable, "-c", script, str(root)])
    assert done.returncode == 0, done.stderr[-2000:]
    items = json.loads(done.stdout)
    problems = {Path(i[1]).name: i[2] for i in items if i[0] == "problem"}
    assert problems.keys() == {"huge.txt", "one-line.jsonl", "one-line.txt", "endless.jsonl"}
    assert problems["one-line.txt"].startswith("text too long for one document (50,")
    assert re.fullmatch(r"too large \(20\d MB > limit 64 MB; split it, or raise the limit with --max-mb\)", problems["huge.txt"])
    one_line = (root / "one-line.jsonl").stat().st_size - len(b'{"doc_id": "giant", "text": ""}\n') - len(GOOD) - 40
    assert re.fullmatch(r"line 1: text too long for one document \(([\d,]+) characters; the parser takes at most "
                        rf"{MAX_DOCUMENT_CHARS:,}\): split it into smaller documents", problems["one-line.jsonl"])
    assert int(re.search(r"\(([\d,]+) characters", problems["one-line.jsonl"]).group(1).replace(",", "")) > one_line
    assert problems["endless.jsonl"] == "line 1: too long (over 64 MB; raise the limit with --max-mb)"
    docs = [i[1] for i in items if i[0] == "document"]
    assert docs.count("after") == docs.count("next") == 1  # the lines after the huge ones
    assert len(docs) == 2 + rows
    # the largest thing held is one 50 MB line and its text: far below the 540 MB of files
    print(f"peak RSS of the reader: {peak:.0f} MB")
    assert peak < 400, f"peak RSS {peak:.0f} MB"


@pytest.mark.slow
def test_huge_files_through_nlp_tools_run_within_bounded_memory(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    _write_repeated(root / "huge.txt", GOOD.encode(), 200_000_000)
    _write_repeated(root / "one-line.jsonl", b"no coordination ", 50_000_000, head=b'{"text": "', tail=b'"}\n')
    (root / "good.txt").write_text(GOOD)
    done, peak = _peak_rss_mb([NLP_TOOLS, "run", str(root), "--out", str(tmp_path / "out")],
                              env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(lines) == 2
    assert any("/huge.txt: too large (20" in line for line in lines)
    assert any("/one-line.jsonl: line 1: text too long for one document" in line for line in lines)
    assert "claims extracted    1 from 1 documents" in done.stdout
    print(f"peak RSS of nlp-tools run: {peak:.0f} MB")
    assert peak < 800, f"peak RSS {peak:.0f} MB"
