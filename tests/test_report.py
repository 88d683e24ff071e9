"""The HTML report escapes document text and loads nothing remote; the plot is written."""

import pandas as pd

from nlp_tools.report import plot_timeline, write_report
from nlp_tools.scoring import compute_scores


def _scores():
    counts = pd.DataFrame({
        "speaker_org": ["Pentagon", "Pentagon"], "speaker_country": ["United States"] * 2,
        "period_start": [pd.Timestamp("2015-10-01"), pd.Timestamp("2015-11-01")],
        "acknowledge": [3, 1], "deny": [1, 2], "conditional": [0, 0], "evade": [0, 1],
        "notification_ack": [1, 0], "deconfliction_ack": [0, 0], "cooperation_deny": [1, 2],
    })
    return compute_scores(counts)


def test_report_escapes_text_and_is_self_contained(tmp_path):
    text = 'Header <script>alert("x")</script>\nThere has been no coordination with Russia.'
    start = text.index("There")
    docs = pd.DataFrame([{"doc_id": "<b>id</b>", "title": "<img src=x onerror=alert(1)>", "date": None, "source": "s", "text": text}])
    claims = pd.DataFrame([{
        "doc_id": "<b>id</b>", "start_char": start, "end_char": len(text), "topic": "cooperation", "stance": "deny",
        "hedged": False, "speaker": "<i>Cook</i>", "speaker_role": "", "speaker_org": "", "official": True,
        "attribution": "reported", "agent": "", "counterpart": "Russia", "trigger": "coordination",
    }])
    png = plot_timeline(_scores(), tmp_path / "t.png")
    path = write_report(tmp_path / "r.html", {"documents": 1}, _scores(), docs, claims, png)
    page = path.read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page and "&lt;b&gt;id&lt;/b&gt;" in page
    assert "<mark>There has been no coordination with Russia.</mark>" in page
    assert "http://" not in page and "https://" not in page
    assert "data:image/png;base64," in page


def test_timeline_png_is_written(tmp_path):
    path = plot_timeline(_scores(), tmp_path / "t.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    empty = plot_timeline(_scores().iloc[0:0], tmp_path / "e.png")
    assert empty.stat().st_size > 1000


def test_the_plot_leaves_the_callers_matplotlib_as_it_was(tmp_path):
    """Drawn on a Figure of its own: in a notebook that uses another backend, `plot_timeline`
    neither switches it nor opens pyplot's global figures."""
    import subprocess
    import sys

    code = ("import sys, matplotlib\nmatplotlib.use('svg')\n"
            "from tests.test_report import _scores\nfrom nlp_tools.report import plot_timeline\n"
            f"plot_timeline(_scores(), {str(tmp_path / 't.png')!r})\n"
            "print(matplotlib.get_backend(), 'matplotlib.pyplot' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["svg", "False"]
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
