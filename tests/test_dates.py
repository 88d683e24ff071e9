"""A document's date: from its file name when the text gives none, and never
from a photo caption; the order of evidence, reader by reader and end to end."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from nlp_tools.readers import ReadProblem, document_from_text, read_documents
from nlp_tools.readers.dates import (
    date_from_path,
    date_in_name,
    find_dateline,
    find_header_date,
    header_date,
)

BODY = (
    "The Defence Ministry said it had informed the foreign military attaches in advance of the exercise.\n\n"
    "A spokesman added that no aircraft would approach the border during the drills.\n"
)


def _read(paths):
    items = list(read_documents([str(p) for p in paths]))
    return [i for i in items if not isinstance(i, ReadProblem)], [i for i in items if isinstance(i, ReadProblem)]


# -- dates in file and folder names -------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("reuters-2019-06-03-statement", date(2019, 6, 3)),
    ("2019_10_07 briefing", date(2019, 10, 7)),
    ("dod_20151007_cook", date(2015, 10, 7)),
    ("briefing-2015.10.07", date(2015, 10, 7)),
    ("mfa2016-02-29", date(2016, 2, 29)),  # a leap day
    ("2016-09-18-2", date(2016, 9, 18)),  # a second document of the day
    ("kurdistan24-2023-07-06-operations", date(2023, 7, 6)),  # a source whose name ends in a number
    ("france24_2019_06_03", date(2019, 6, 3)),
    ("wire-2019-06-03_2019-06-03", date(2019, 6, 3)),  # the same date twice
])
def test_year_month_day_in_a_name(name, expected):
    assert date_in_name(name) == expected


@pytest.mark.parametrize("name", [
    "03-06-2019-statement",  # day and month first: 3 June or 6 March, not guessed
    "statement-06.03.2019",
    "2019-6-3-statement",  # single digits: not ISO-like
    "2019-13-01", "2015-02-29", "2019-04-31",  # no such day
    "1850-01-01", "2999-01-01",  # not a plausible year
    "report-120190603", "20190603120000",  # part of a longer number
    "v1.2019.06.03", "release-2019.06.03.1",  # a version number
    "2019-06-03-to-2019-06-05",  # two dates: ambiguous
    "2019-06 summary", "statement",
])
def test_names_that_give_no_date(name):
    assert date_in_name(name) is None


def test_file_name_first_then_a_folder_named_only_by_a_date(tmp_path):
    assert date_from_path(str(tmp_path / "2016-09-18" / "statement.txt")) == date(2016, 9, 18)
    assert date_from_path(str(tmp_path / "2016-09-18" / "2016-09-17-statement.txt")) == date(2016, 9, 17)
    assert date_from_path(str(tmp_path / "crawl-2016-09-18" / "statement.txt")) is None
    assert date_from_path(str(tmp_path / "2016-09-18" / "sub" / "statement.txt")) is None
    assert date_from_path("") is None


def test_one_file_documents_are_dated_by_their_name(tmp_path):
    from tests.pdf_fixture import write_pdf

    (tmp_path / "2016-09-18").mkdir()
    files = {
        "reuters-2019-06-03-statement.txt": date(2019, 6, 3),
        "2019_10_07 briefing.md": date(2019, 10, 7),
        "dod_20151007_cook.txt": date(2015, 10, 7),
        "2016-09-18/statement.txt": date(2016, 9, 18),
        "mfa-2016-04-11.html": date(2016, 4, 11),
    }
    for name in files:
        if name.endswith(".html"):
            (tmp_path / name).write_text(f"<html><body><article><p>{BODY}</p></article></body></html>")
        else:
            (tmp_path / name).write_text("Ministry statement on the exercise\n\n" + BODY)
    write_pdf(tmp_path / "release-2017.04.06.pdf", ["Statement on the exercise", BODY.split("\n")[0]])
    files["release-2017.04.06.pdf"] = date(2017, 4, 6)
    docs, problems = _read([tmp_path])
    assert not problems
    assert {d.doc_id: (d.date, d.date_source) for d in docs} == {k: (v, "filename") for k, v in files.items()}


def test_the_text_comes_before_the_file_name(tmp_path):
    dated = {
        "dateline-2019-06-03.txt": ("MOSCOW, June 1, 2019 \u2014 " + BODY, date(2019, 6, 1), "dateline"),
        "header-2019-06-03.txt": ("Statement of the Ministry, June 2, 2019\n\n" + BODY, date(2019, 6, 2), "header"),
        "undated-2019-06-03.txt": (BODY, date(2019, 6, 3), "filename"),
    }
    for name, (text, _, _) in dated.items():
        (tmp_path / name).write_text(text)
    docs, _ = _read([tmp_path])
    assert {d.doc_id: (d.date, d.date_source) for d in docs} == {k: v[1:] for k, v in dated.items()}


def test_html_metadata_comes_before_the_file_name(tmp_path):
    f = tmp_path / "page-2019-06-03.html"
    f.write_text(
        "<html><head><title>Drills notified</title>"
        "<meta property='article:published_time' content='2019-05-30T08:00:00Z'></head>"
        f"<body><article><h1>Drills notified</h1><p>{BODY}</p></article></body></html>"
    )
    ((doc,), _) = _read([f])
    assert (doc.date, doc.date_source) == (date(2019, 5, 30), "metadata")


def test_records_keep_their_own_dates_not_their_files_name(tmp_path):
    feed = tmp_path / "feed-2019-06-03.jsonl"
    feed.write_text(json.dumps({"doc_id": "a", "date": "2018-01-02", "text": BODY}) + "\n"
                    + json.dumps({"doc_id": "b", "text": BODY.replace("exercise", "drills")}) + "\n")
    table = tmp_path / "wire_20190603.csv"
    table.write_text(f'doc_id,text\nc,"{BODY.replace("exercise", "manoeuvres")}"\n')
    docs, problems = _read([feed, table])
    assert not problems
    assert {d.doc_id: d.date for d in docs} == {"a": date(2018, 1, 2), "b": None, "c": None}


# -- captions, bylines and sentences in the first lines ---------------------------------------


def test_a_caption_date_is_not_the_documents_date():
    header = (
        "Russia and Turkey open a military hotline\n"
        "(Photo: the 2019 launch of the first channel, May 9, 2019)\n"
        "Published: June 2, 2020\n"
    )
    assert find_header_date(header) == date(2020, 6, 2)
    for caption in (
        "Photo: A Russian patrol near Manbij / Reuters, March 3, 2018",
        "File photo taken on March 3, 2018 at the Hmeimim air base.",
        "Image: the frigate in the Black Sea, March 3, 2018",
        "Soldiers unload supplies at the airfield, March 3, 2018. REUTERS/Jane Doe",
        "FILE \u2013 The minister speaks to reporters in Ankara, Saturday, March 3, 2018.",
        "The destroyer sails in the Red Sea, March 3, 2018. \u00a9 Navy handout",
        "Troops at the border on March 3, 2018. Photo: AFP",
    ):
        assert find_header_date(f"Ministry denies coordination\n{caption}\n") is None, caption


def test_a_caption_in_dateline_form_is_no_dateline():
    assert find_dateline("March 3, 2018: Soldiers unload supplies at the airfield. REUTERS/Jane Doe\n") is None
    assert find_dateline("FILE PHOTO, March 3, 2018 - Soldiers at the airfield.\n") is None
    assert find_dateline("MOSCOW, March 3, 2018 - Soldiers at the airfield.\n") == date(2018, 3, 3)


def test_a_yearless_dateline_with_a_caption_takes_the_file_name(tmp_path):
    f = tmp_path / "reuters-2019-10-02-drills.txt"
    f.write_text(
        "Russia says it warned NATO of snap drills\n"
        "Photo: Russian paratroopers during an earlier exercise / Reuters, March 3, 2018\n\n"
        "MOSCOW, Oct. 2 (Reuters) - " + BODY
    )
    ((doc,), _) = _read([f])
    assert (doc.date, doc.date_source) == (date(2019, 10, 2), "filename")


@pytest.mark.parametrize("header, expected", [
    ("Ministry statement\nBy Anna Petrova, June 2, 2020\n", date(2020, 6, 2)),
    ("Ministry statement\nPosted Monday, June 1, 2020\nJune 5, 2020\n", date(2020, 6, 1)),
    ("Ministry statement\nUpdated: 14:32 GMT, 3 June 2020\nPublished: 2 June 2020\n", date(2020, 6, 2)),
    ("Ministry statement\nPublished 2 June 2020 | Updated 3 June 2020\n", date(2020, 6, 2)),
    ("Ministry statement\nLast updated on 3 June 2020\nJune 1, 2020\n", date(2020, 6, 1)),
    ("Ministry statement\nLast updated on 3 June 2020\n", date(2020, 6, 3)),
])
def test_publication_dates_first_updates_last(header, expected):
    assert find_header_date(header) == expected


def test_an_event_date_in_a_sentence_comes_after_the_file_name(tmp_path):
    text = (
        "Hotline talks resume\n"
        "These talks began on June 6, 2018, as part of the effort to avoid incidents between the two air forces.\n\n"
        + BODY
    )
    assert header_date(text) == (date(2018, 6, 6), "body")
    assert header_date("Briefing by the Spokesperson on Friday, 16 May 2025\n") == (date(2025, 5, 16), "header")
    f = tmp_path / "2019-06-03-talks.txt"
    f.write_text(text)
    ((doc,), _) = _read([f])
    assert (doc.date, doc.date_source) == (date(2019, 6, 3), "filename")
    # without a file of its own (a record), the sentence's date is better than none
    record = document_from_text(text, doc_id="r1", kind="jsonl")
    assert (record.date, record.date_source) == (date(2018, 6, 6), "body")


def test_a_transcript_is_dated_by_its_title_block_not_a_republication_byline():
    text = (
        "Daily Press Briefing - August 16, 2016\n"
        "By Capital Newswire Feeds at 17 Aug 2016\n"
        "John Smith, Deputy Spokesperson\n\n"
        "MR SMITH: Good afternoon. We were told of the exercise in advance.\n\n"
        "QUESTION: By whom?\n\n"
        "MR SMITH: By the ministry.\n"
    )
    doc = document_from_text(text, doc_id="t", kind="text")
    assert (doc.date, doc.date_source) == (date(2016, 8, 16), "header")


def test_html_caption_and_sentence_dates_are_not_metadata(tmp_path):
    """trafilatura's own date search would read them from the page's text."""
    caption = tmp_path / "caption-2019-06-03.html"
    caption.write_text(
        "<html><head><title>Drills notified</title></head><body><article><h1>Drills notified</h1>"
        "<figure><img src='a.jpg'><figcaption>Troops at the border, March 3, 2018. REUTERS/Jane Doe</figcaption></figure>"
        f"<p>{BODY}</p></article></body></html>"
    )
    published = tmp_path / "published.html"
    published.write_text(
        "<html><head><title>Drills notified</title></head><body><article><h1>Drills notified</h1>"
        f"<p>Published: June 2, 2020</p><p>{BODY}</p></article></body></html>"
    )
    docs, _ = _read([caption, published])
    assert {d.doc_id.rsplit("/", 1)[-1]: (d.date, d.date_source) for d in docs} == {
        "caption-2019-06-03.html": (date(2019, 6, 3), "filename"),
        "published.html": (date(2020, 6, 2), "header"),
    }


# -- end to end ---------------------------------------------------------------------------


def test_run_dates_every_document_by_its_file_name(tmp_path, nlp):
    import nlp_tools

    src = tmp_path / "statements"
    src.mkdir()
    names = {"mod-2015-10-07-drills.txt": "2015-10-07", "2016_09_18 talks.txt": "2016-09-18",
             "release_20170406.txt": "2017-04-06"}
    for i, name in enumerate(names):
        (src / name).write_text(
            f"Statement number {i + 1}\n\n"
            f"The ministry said it had notified the United States in advance of strike number {i + 1}.\n"
        )
    result = nlp_tools.run([str(src)], out=tmp_path / "out", nlp=nlp)
    assert result.ingest.read == 3 and result.ingest.undated == 0
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert dict(zip(documents["doc_id"], documents["date"], strict=True)) == names
    assert set(documents["date_source"]) == {"filename"}
    claims = pd.read_csv(tmp_path / "out" / "claims.csv", keep_default_na=False)
    assert len(claims) and all(claims["date"] == claims["doc_id"].map(names))
