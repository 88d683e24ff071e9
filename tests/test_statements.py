"""Statements counted once: the copies of one statement share its id (statements.py).

The documents are written for these tests: one ministry statement carried by
three outlets (one changes a word), the same words a month and a half later,
and the same words from another body.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from nlp_tools.claims import Claim
from nlp_tools.documents import Document
from nlp_tools.readers import document_from_text
from nlp_tools.runner import extract, extractor_version
from nlp_tools.scoring import ScoreOptions, scores
from nlp_tools.statements import LinkOptions, jaccard, link_statements, word_pairs
from nlp_tools.store import Store

QUOTE = '"India was informed of the test launch well in advance, as the 2005 agreement on pre-notification requires."'
TEXTS = {
    "courier": ("ISLAMABAD, March 1, 2021 (Indus Courier) - Pakistan's Foreign Ministry said on Monday that it had "
                f"told India about the missile test beforehand.\n\nThe ministry said in a statement:\n\n{QUOTE}\n\n"
                "Analysts in Lahore called the launch routine."),
    "harbour": ("KARACHI, March 2, 2021 (Harbour Post) - Pakistan defended Monday's missile launch against criticism "
                f"from New Delhi.\n\nPakistan's Foreign Ministry said in a statement:\n\n{QUOTE}"),
    # one word changed by the outlet: still the same statement
    "meridian": ("LONDON, March 3, 2021 (Meridian Wire) - Pakistan's Foreign Ministry said in a statement:\n\n"
                 + QUOTE.replace("well in advance", "long in advance")),
    # the same words weeks later: said again, another statement
    "april": f"ISLAMABAD, April 20, 2021 (Indus Courier) - Pakistan's Foreign Ministry said in a statement:\n\n{QUOTE}",
    # the same words from another body: another statement
    "army": f"RAWALPINDI, March 2, 2021 - The Pakistani military's spokesman said:\n\n{QUOTE}",
}


def _documents(names, texts=TEXTS):
    return [document_from_text(texts[n], doc_id=n, kind="txt", meta={}) for n in names]


def _build(path, nlp, *batches, texts=TEXTS):
    """A store filled batch by batch, each batch extracted and linked as a run would."""
    summaries = []
    with Store(path) as store:
        for i, names in enumerate(batches, start=1):
            store.add_documents(_documents(names, texts), run_id=i)
            extract(store, nlp, i, extractor_version(nlp))
            summaries.append(link_statements(store))
        claims = store.claims_frame()
    return claims, summaries


def _quoted(claims, topic="notification"):
    rows = claims[(claims.topic == topic) & claims.sentence.str.startswith('"India was informed')]
    return rows.set_index("doc_id")


def test_copies_of_one_statement_share_its_id_and_count_once(tmp_path, nlp):
    claims, _ = _build(tmp_path / "s.duckdb", nlp, list(TEXTS))
    quoted = _quoted(claims)
    assert set(quoted.index) == set(TEXTS)
    first = quoted.loc["courier"]
    assert first.statement_id == first.claim_id  # a statement's id is its first copy's
    for name in ("harbour", "meridian"):
        assert quoted.loc[name].statement_id == first.statement_id, name
    assert quoted.loc[["courier", "harbour", "meridian"], "copies"].tolist() == [3, 3, 3]
    for name in ("april", "army"):
        assert quoted.loc[name].statement_id == quoted.loc[name].claim_id and quoted.loc[name].copies == 1, name
    # the lead sentence says it in other words: a statement of its own
    lead = claims[(claims.doc_id == "courier") & claims.sentence.str.startswith("Pakistan's Foreign Ministry said")]
    assert (lead.statement_id == lead.claim_id).all()

    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        by_statement = scores(store, ScoreOptions()).set_index(["speaker_org", "period"])
        by_claim = scores(store, ScoreOptions(count="claims")).set_index(["speaker_org", "period"])
        documents = store.documents_frame().set_index("doc_id")
    march = ("Pakistan Ministry of Foreign Affairs", "2021-03")
    # the lead and the quote: two statements; the quote's three copies are three claims
    assert (by_statement.loc[march, "acknowledge"], by_statement.loc[march, "claims"]) == (2, 4)
    assert by_claim.loc[march, "acknowledge"] == 4
    assert by_statement.loc[("Pakistan Ministry of Foreign Affairs", "2021-04"), "acknowledge"] == 1
    assert documents.loc["courier", "shared_with"] == "harbour; meridian"
    assert documents.loc["courier", "shared_statements"] == 2  # the quote's notification and strike claims
    assert documents.loc["april", "shared_statements"] == 0 and documents.loc["april", "shared_with"] == ""


def test_a_later_run_links_new_claims_to_the_old_statements_as_one_run_would(tmp_path, nlp):
    whole, _ = _build(tmp_path / "whole.duckdb", nlp, list(TEXTS))
    split, summaries = _build(tmp_path / "split.duckdb", nlp, ["courier", "april"], ["harbour", "meridian", "army"])
    assert summaries[1].signed == len(split[split.doc_id.isin(["harbour", "meridian", "army"])])  # old claims keep theirs
    columns = ["doc_id", "claim_id", "statement_id", "copies"]
    key = ["doc_id", "claim_id"]
    assert split[columns].sort_values(key).reset_index(drop=True).equals(whole[columns].sort_values(key).reset_index(drop=True))

    # the first copy's document changes and loses the quote: the two copies left form the statement
    changed = {**TEXTS, "courier": TEXTS["courier"].split("\n\nThe ministry said")[0]}
    with Store(tmp_path / "split.duckdb") as store:
        store.add_documents(_documents(["courier"], changed), run_id=3)
        extract(store, nlp, 3, extractor_version(nlp))
        link_statements(store)
        after = store.claims_frame()
    quoted = _quoted(after)
    assert "courier" not in quoted.index
    assert quoted.loc["harbour"].statement_id == quoted.loc["harbour"].claim_id
    assert quoted.loc["meridian"].statement_id == quoted.loc["harbour"].claim_id
    assert quoted.loc[["harbour", "meridian"], "copies"].tolist() == [2, 2]
    fresh, _ = _build(tmp_path / "fresh.duckdb", nlp, ["courier", "harbour", "meridian", "april", "army"], texts=changed)
    assert after[columns].sort_values(key).reset_index(drop=True).equals(fresh[columns].sort_values(key).reset_index(drop=True))


def test_a_wider_window_joins_what_a_narrow_one_keeps_apart(tmp_path, nlp):
    with Store(tmp_path / "w.duckdb") as store:
        store.add_documents(_documents(["courier", "april"]), run_id=1)
        extract(store, nlp, 1, extractor_version(nlp))
        link_statements(store)
        assert _quoted(store.claims_frame())["copies"].tolist() == [1, 1]
        link_statements(store, LinkOptions(window_days=60))  # other options: every statement formed again
        quoted = _quoted(store.claims_frame())
    assert quoted["copies"].tolist() == [2, 2] and quoted.loc["april"].statement_id == quoted.loc["courier"].claim_id


def test_near_identical_means_most_word_pairs_shared():
    quote = word_pairs(QUOTE)
    assert jaccard(quote, word_pairs(QUOTE.replace("well in advance", "long in advance"))) >= 0.7
    assert jaccard(quote, word_pairs(QUOTE.replace("well in advance", "well ahead of time"))) < 0.7
    assert jaccard(quote, word_pairs("India was not informed of the test launch in advance.")) < 0.7
    assert word_pairs('"We were informed."') == word_pairs("we were informed")  # case and punctuation aside


def test_candidates_come_from_lsh_buckets_not_from_every_pair(tmp_path):
    """Thousands of claims of one organisation, topic, stance and day: only those with a shared
    band are compared, and the copies among them are still all found."""
    rng = random.Random(7)
    words = [f"w{i}" for i in range(4000)]
    sentences = [" ".join(rng.choice(words) for _ in range(18)) + "." for _ in range(2500)]
    copied = sentences[0]
    day = date(2020, 5, 4)

    def claim(doc, seq, text):
        return Claim(doc_id=doc, sentence=text, start_char=seq * 200, end_char=seq * 200 + len(text), topic="cooperation",
                     stance="deny", speaker="Spokesperson", speaker_org="Ministry", official=True, date=day)

    with Store(tmp_path / "many.duckdb") as store:
        store.add_documents([Document("bulk", "x"), Document("copies", "y")], run_id=1)
        store.save_claims([
            ("bulk", [claim("bulk", i, s) for i, s in enumerate(sentences)]),
            # copies, every other one with its first word changed
            ("copies", [claim("copies", i, "zz " + copied.split(" ", 1)[1] if i % 2 else copied) for i in range(8)]),
        ], extractor="test", run_id=1)
        summary = link_statements(store)
        claims = store.claims_frame()
    n = len(claims)
    assert summary.compared < n * (n - 1) / 2 / 100
    copies = claims[claims.sentence.str.endswith(copied.split(" ", 1)[1])]
    assert len(copies) == 9
    # one statement, named after its first copy (same day: the lowest claim id)
    assert set(copies.statement_id) == {min(copies.claim_id)} and set(copies.copies) == {9}
    assert summary.statements == n - 8


@pytest.mark.parametrize("version", [3, 2])
def test_a_store_from_before_statements_reads_claim_by_claim_and_gains_them(tmp_path, nlp, version):
    import duckdb

    from nlp_tools.dyads import claim_pairs, contradictions, dyads

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add_documents(_documents(["courier", "harbour"]), 1)
        extract(store, nlp, 1, extractor_version(nlp))
    con = duckdb.connect(str(path))  # back to schema version 3: no statement columns or tables
    con.execute("ALTER TABLE claims DROP COLUMN statement_id")
    con.execute("ALTER TABLE claims DROP COLUMN copies")
    con.execute("DROP TABLE statement_signatures")
    con.execute("DROP TABLE statement_buckets")
    if version == 2:  # and without the parties' country and body
        for column in ("agent_country", "agent_org", "counterpart_country", "counterpart_org"):
            con.execute(f"ALTER TABLE claims DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()
    with Store(path, read_only=True) as store:  # read as it is: every claim its own statement
        assert store.claims_frame()["statement_id"].isna().all()
        old = scores(store).set_index(["speaker_org", "period"])
        documents = store.documents_frame()
        assert documents["statements"].tolist() == documents["claims"].tolist()
        pakistan_on_india = dyads(store)
        contradictions(store)
        claim_pairs(store)
    assert old.loc[("Pakistan Ministry of Foreign Affairs", "2021-03"), "acknowledge"] == 3
    assert pakistan_on_india.empty == (version == 2)  # no parties, no dyads
    with Store(path) as store:
        summary = link_statements(store)
        new = scores(store).set_index(["speaker_org", "period"])
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert version == "4" and summary.signed == summary.claims
    assert new.loc[("Pakistan Ministry of Foreign Affairs", "2021-03"), "acknowledge"] == 2


@pytest.mark.parametrize("options", [dict(window_days=-1), dict(threshold=0), dict(num_perm=60, bands=16)])
def test_link_options_are_checked(options):
    with pytest.raises(ValueError):
        LinkOptions(**options)
