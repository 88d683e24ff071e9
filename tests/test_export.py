"""Exports read back by pandas, exactly; CSV safe to open in a spreadsheet."""

import pandas as pd
import pytest

from nlp_tools.export import safe_cell, write_table

TRICKY = pd.DataFrame({
    "text": ["=HYPERLINK(\"http://x\")", "line one\nline two", 'a "quoted" word', "Москва заявила", "+1 more", "plain"],
    "n": [1, 2, 3, 4, 5, 6],
})


def test_formula_cells_are_neutralised():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2") == "'-2"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("plain") == "plain"
    assert safe_cell(-2) == -2


def test_csv_round_trip(tmp_path):
    path = write_table(TRICKY, tmp_path / "t.csv")
    back = pd.read_csv(path)
    assert back["text"].tolist()[1:4] == TRICKY["text"].tolist()[1:4]
    assert back["text"][0].startswith("'=")
    assert back["n"].tolist() == TRICKY["n"].tolist()


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_exact_round_trip(tmp_path, fmt):
    path = write_table(TRICKY, tmp_path / f"t.{fmt}", fmt)
    back = pd.read_parquet(path) if fmt == "parquet" else pd.read_json(path, lines=True)
    assert back["text"].tolist() == TRICKY["text"].tolist()
    assert back["n"].tolist() == TRICKY["n"].tolist()


def test_unknown_format_is_a_user_error(tmp_path):
    from nlp_tools.errors import NlpToolsError

    with pytest.raises(NlpToolsError, match="unknown export format"):
        write_table(TRICKY, tmp_path / "t.xlsx")
