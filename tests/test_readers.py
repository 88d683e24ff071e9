"""Each reader on files written here, in the formats researchers bring."""

from __future__ import annotations

import json
from datetime import date

from nlp_tools.readers import ReadProblem, read_documents
from nlp_tools.readers.dates import find_dateline, find_header_date, parse_date


def _read(paths, **kw):
    items = list(read_documents([str(p) for p in paths], **kw))
    docs = [i for i in items if not isinstance(i, ReadProblem)]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    return docs, problems


def test_text_file_with_dateline(tmp_path):
    f = tmp_path / "release.txt"
    f.write_text("Ministry statement on drills\n\nMOSCOW, 14 June 2016. The Ministry informed foreign attaches in advance.\n")
    docs, problems = _read([f])
    assert not problems
    (doc,) = docs
    assert doc.date == date(2016, 6, 14) and doc.date_source == "dateline"
    assert doc.title == "Ministry statement on drills"
    assert doc.doc_id.endswith("release.txt")


def test_folder_doc_ids_are_relative_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("WASHINGTON, Oct. 1, 2015 \u2014 The Pentagon said talks went on.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    docs, problems = _read([tmp_path])
    assert [d.doc_id for d in docs] == ["sub/a.txt"]
    assert docs[0].date == date(2015, 10, 1)
    assert any("unsupported file type '.docx'" in p.problem for p in problems)


def test_ignore_file_and_hidden_files_are_reported_not_read(tmp_path):
    (tmp_path / ".nlptoolsignore").write_text("gold.jsonl\nannotations/\n")
    (tmp_path / "gold.jsonl").write_text('{"text": "x"}\n')
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "a.txt").write_text("not a document")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "doc.txt").write_text("The coalition conducted airstrikes near Raqqa on Monday.")
    docs, problems = _read([tmp_path])
    assert [d.doc_id for d in docs] == ["doc.txt"]
    assert len([p for p in problems if p.ignored]) == 3


def test_transcript_header_date(tmp_path):
    f = tmp_path / "briefing.txt"
    f.write_text(
        "Department of Defense Press Briefing by Mr. Cook\n"
        "Presenter: Pentagon Press Secretary Peter Cook\n"
        "October 7, 2015\n\n"
        "MR. COOK: Good afternoon.\n\nQ: Did the Russians notify you?\n\nMR. COOK: They did not.\n"
    )
    (doc,) = _read([f])[0]
    assert doc.date == date(2015, 10, 7) and doc.date_source == "header"


def test_jsonl_keeps_metadata_and_reports_bad_lines(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"doc_id": "r1", "date": "2016-09-18", "source": "Wire", "title": "T", "url": "http://x", "lang": "en",
                    "text": "The ministry said it had informed Washington in advance."}),
        "{not json",
        json.dumps({"doc_id": "r2", "text": ""}),
        json.dumps({"text": "A record without an id, dated by its dateline: ANKARA, Nov. 24, 2015 - talks."}),
        json.dumps({"doc_id": "r4", "date": "sometime soon", "text": "Undated text about strikes."}),
    ]
    f.write_text("\n".join(lines) + "\n")
    docs, problems = _read([f])
    assert [d.doc_id for d in docs][0::2] == ["r1", "r4"]
    assert docs[0].metadata == {"lang": "en"} and docs[0].source == "Wire" and docs[0].date == date(2016, 9, 18)
    assert docs[1].doc_id.endswith("feed.jsonl#4")
    assert docs[2].date is None
    texts = [p.problem for p in problems]
    assert any("line 2: invalid JSON" in t for t in texts)
    assert any("line 3: empty text" in t for t in texts)
    assert any("date 'sometime soon' not understood" in t for t in texts)


def test_csv_with_quoted_newlines_and_ragged_rows(tmp_path):
    f = tmp_path / "wire.csv"
    f.write_text(
        'doc_id,date,body,source\n'
        'w1,2017-03-02,"Line one.\nLine two with ""quotes"".",Agency\n'
        'w2,2017-03-03,too,many,fields\n'
        'w3,2017-03-04,"Officials denied any coordination.",Agency\n'
    )
    docs, problems = _read([f])
    assert problems and "no 'text' column" in problems[0].problem
    from nlp_tools.readers import ReadOptions

    docs, problems = _read([f], options=ReadOptions(text_column="body"))
    assert [d.doc_id for d in docs] == ["w1", "w3"]
    assert docs[0].text == 'Line one.\nLine two with "quotes".'
    assert any("expected 4 fields, got 5" in p.problem for p in problems)


def test_html_main_text_without_boilerplate(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Russia denies coordination</title>"
        "<meta property='article:published_time' content='2016-09-18T10:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='cookie'>We use cookies. Accept all cookies</div>"
        "<article><h1>Russia denies coordination</h1>"
        "<p>MOSCOW \u2014 The Russian Defence Ministry said on Sunday that there had been no coordination "
        "with the U.S.-led coalition before the strikes near Deir ez-Zor.</p>"
        "<p>A spokesman added that Moscow had not been informed in advance of the operation, "
        "which the ministry described as a grave violation of the ceasefire arrangements.</p></article>"
        "<footer>Share on Facebook | Subscribe to our newsletter</footer></body></html>"
    )
    (doc,) = _read([f])[0]
    assert doc.title == "Russia denies coordination"
    assert doc.date == date(2016, 9, 18) and doc.date_source == "metadata"
    assert "no coordination" in doc.text and "cookies" not in doc.text and "Subscribe" not in doc.text


def test_pdf_text_layer(tmp_path):
    from tests.pdf_fixture import write_pdf

    f = tmp_path / "release.pdf"
    write_pdf(f, ["Press release", "ISLAMABAD, April 11, 1999. The Foreign Office said that the", "test was notified in advance."])
    (doc,) = _read([f])[0]
    assert "notified in advance" in doc.text
    assert doc.date == date(1999, 4, 11)


def test_bad_files_get_one_line_each_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "latin1.txt").write_bytes("Le minist\xe8re a d\xe9menti toute coordination.".encode("latin-1"))
    docs, problems = _read([tmp_path])
    assert [d.doc_id for d in docs] == ["latin1.txt"]
    assert "ministère" in docs[0].text
    by_file = {p.path.rsplit("/", 1)[-1]: p.problem for p in problems}
    assert by_file["empty.txt"] == "empty file"
    assert "binary" in by_file["binary.txt"]
    assert "PDF" in by_file["broken.pdf"]


def test_missing_path_is_a_problem_not_an_exception(tmp_path):
    docs, problems = _read([tmp_path / "nope.txt", tmp_path / "*.none"])
    assert not docs
    assert [p.problem for p in problems] == ["no such file or folder", "no file matches this pattern"]


def test_date_parsing():
    assert parse_date("2015-10-01") == date(2015, 10, 1)
    assert parse_date("Oct. 1, 2015") == date(2015, 10, 1)
    assert parse_date("1 October 2015") == date(2015, 10, 1)
    assert parse_date("not a date") is None
    assert parse_date("") is None
    assert find_dateline("Nov. 18, 2015 (EIRNS)\u2014Russia said") == date(2015, 11, 18)
    assert find_dateline("WASHINGTON, Oct. 1, 2015 \u2014 The Pentagon") == date(2015, 10, 1)
    assert find_dateline("ANKARA, Nov. 24 (Reuters) - Turkey said") is None  # no year: not guessed
    assert find_header_date("Daily Press Briefing\nAugust 16, 2016\n") == date(2016, 8, 16)
