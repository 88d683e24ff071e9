"""The fast extraction path against the exact one (real spaCy, real texts).

The fast path parses only the candidate passages the lexicon points at; these
tests hold it to the exact path's claims, field by field, and check that the
candidate filter follows the loaded lexicon rather than a copy of it.
"""

from __future__ import annotations

import json

import pytest

from nlp_tools.candidates import CandidateFilter, Lemmas
from nlp_tools.evaluate import predict_gold, read_gold, score
from nlp_tools.extract import (
    FastAttributeRuler,
    FastExtractor,
    FastLemmatizer,
    GreedyParser,
    extract_claims,
    fast_extractor,
)
from nlp_tools.readers import document_from_text

from .conftest import SAMPLE

FILLER = [
    "The budget request includes money for new barracks, and we expect Congress to take it up before the recess.",
    "Families living on base have been advised to follow the guidance of local authorities.",
    "The museum exhibit on the history of the service opens to the public on Saturday.",
    "Recruiting numbers for the fiscal year are slightly ahead of last year.",
    "Snow closed two runways at the base for most of Tuesday, and flights resumed in the evening.",
]


def _rows(claims) -> list[str]:
    return [json.dumps(c.to_dict(), sort_keys=True, default=str) for c in claims]


def _document(text: str, doc_id: str = "t", **meta):
    return document_from_text(text, doc_id=doc_id, kind="jsonl", meta=meta)


@pytest.fixture(scope="module")
def gold():
    return list(read_gold(SAMPLE / "gold.jsonl"))


@pytest.fixture(scope="module")
def both(nlp, gold):
    """The sample gold documents through the exact and the fast path."""
    extractor = fast_extractor(nlp)
    before = dict(extractor.stats)
    fast = predict_gold(nlp, gold, fast=True)
    parsed = extractor.stats["parsed_chars"] - before["parsed_chars"]
    total = extractor.stats["chars"] - before["chars"]
    return predict_gold(nlp, gold, fast=False), fast, parsed / total


def test_fast_path_gives_the_exact_claims_on_the_sample(gold, both):
    exact, fast, parsed = both
    assert sum(map(len, exact.values())) > 150
    for g in gold:
        assert _rows(fast[g.doc_id]) == _rows(exact[g.doc_id]), g.doc_id
    assert parsed < 0.95  # and it did skip text, even on these claim-dense documents


def test_evaluate_figures_are_the_same(gold, both):
    exact, fast, _ = both
    assert score(gold, fast).to_dict() == score(gold, exact).to_dict()


def test_every_claim_lies_in_a_candidate_segment(nlp, gold, both):
    """The filter is a superset: no sentence that holds a claim is left out."""
    exact, _, _ = both
    extractor = fast_extractor(nlp)
    for g in gold:
        ctx, _ = extractor.plan(_document(g.text, g.doc_id, title=g.title))
        segments, flags = extractor.filter.candidate_segments(g.text, ctx.structure)
        spans = [(s.start, s.end) for s, f in zip(segments, flags, strict=True) if f]
        for claim in exact[g.doc_id]:
            assert any(a <= claim.start_char and claim.end_char <= b + 1 for a, b in spans), (g.doc_id, claim.sentence)


def test_long_document_parses_little_and_keeps_the_issuer_and_the_turns(nlp):
    """A release and a transcript with claims far from their heads, amid ordinary text."""
    release = "\n\n".join([
        "Ministry of Defence of the Russian Federation", "Press release", "MOSCOW, 20 October 2015.",
        *(FILLER * 6),
        "The Ministry did not receive any advance notice of the coalition strikes near Deir ez-Zor.",
        *(FILLER * 3),
        "Russian and American officers held a video conference on flight safety over Syria. "
        "This channel will stay open, the ministry said.",
        *FILLER,
    ])
    transcript = "\n\n".join([
        "Department of Defense Press Briefing by Pentagon Press Secretary Peter Cook",
        "Presenter: Pentagon Press Secretary Peter Cook", "October 7, 2015",
        "PETER COOK: Good afternoon. " + " ".join(FILLER),
        *(f"Q: Question {i} about the budget?\n\nMR. COOK: {FILLER[i % 5]}" for i in range(12)),
        "Q: Did the Russians tell you before they fired the cruise missiles?",
        "MR. COOK: " + FILLER[0] + " Russia did not give us any advance notice. We learned of the launch afterwards.",
        *FILLER,
    ])
    documents = [_document(release, "release", source="Ministry of Defence of the Russian Federation"),
                 _document(transcript, "briefing", date="2015-10-07")]
    exact = {d.doc_id: c for d, c in extract_claims(nlp, documents, fast=False)}
    extractor = FastExtractor(nlp)
    fast = {d.doc_id: c for d, c in extractor.extract(documents)}
    for doc_id in exact:
        assert exact[doc_id], doc_id
        assert _rows(fast[doc_id]) == _rows(exact[doc_id]), doc_id
    assert any(c.attribution == "author" and c.official for c in fast["release"])  # the issuer, found in the head
    assert any(c.attribution == "transcript" and c.speaker == "Peter Cook" for c in fast["briefing"])
    assert extractor.stats["parsed_chars"] < 0.5 * extractor.stats["chars"]


def test_order_empty_and_claimless_documents(nlp):
    documents = [_document("", "empty"), _document("\n\n".join(FILLER), "nothing"),
                 _document("Coalition aircraft conducted 14 airstrikes near Mosul on Tuesday.", "strike"),
                 _document("Nothing to see here.", "plain")]
    out = list(extract_claims(nlp, documents, fast=True))
    assert [d.doc_id for d, _ in out] == ["empty", "nothing", "strike", "plain"]
    assert [len(c) for _, c in out] == [0, 0, 1, 0]


def test_filter_vocabulary_comes_from_the_loaded_lexicon(tmp_path):
    """A word only a user's topics file knows makes its sentences candidates, in all its forms."""
    import nlp_tools
    from nlp_tools.resources import data_path

    topics = tmp_path / "topics.yaml"
    text = data_path("topics.yaml").read_text(encoding="utf-8")
    topics.write_text(text.replace("notification:\n  lemmas: [", "notification:\n  lemmas: [prealert, "), encoding="utf-8")
    custom = nlp_tools.load(topics=str(topics), rules_only=True)
    plain = CandidateFilter(nlp_tools.load(rules_only=True))
    mine = CandidateFilter(custom)
    sentence = "Ankara sent a prealert to the embassy before the exercise began."
    assert mine.is_candidate(sentence) and not plain.is_candidate(sentence)
    assert mine.is_candidate("Two prealerts came in.")
    document = _document("\n\n".join([*FILLER, sentence, *FILLER]), "custom")
    exact = next(iter(extract_claims(custom, [document], fast=False)))[1]
    fast = next(iter(extract_claims(custom, [document], fast=True)))[1]
    assert [c.topic for c in exact] == ["notification"]
    assert _rows(fast) == _rows(exact)


def test_lemma_forms_include_irregular_and_inflected_ones(nlp):
    lemmas = Lemmas(nlp)
    assert {"told", "tells", "telling"} <= lemmas.forms("tell")
    assert {"struck", "strikes", "striking"} <= lemmas.forms("strike")
    assert {"notified", "notifies", "notifying"} <= lemmas.forms("notify", "VERB")
    assert "bombs" in lemmas.forms("bomb", "VERB")


def test_segments_cut_at_sentences_but_not_at_abbreviations_or_next_to_quotes(nlp):
    text = ("Gen. Dunford met officials of U.S. Central Command in the morning and flew on to the base. "
            "The visit went well. Then he spoke to the troops: “We had no notice. None at all,” he said. "
            "The visit ended on Friday with a press event.")
    segments = [text[s.start:s.end] for s in CandidateFilter(nlp).segments(text)]
    assert segments == [
        "Gen. Dunford met officials of U.S. Central Command in the morning and flew on to the base.",
        "The visit went well.",
        "Then he spoke to the troops: “We had no notice. None at all,” he said.",
        "The visit ended on Friday with a press event.",
    ]


def test_fast_attribute_ruler_sets_what_spacys_sets(nlp):
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    texts = [d.text for d in read_documents([str(SAMPLE / "briefings")]) if isinstance(d, Document)][:3]
    ruler = nlp.get_pipe("attribute_ruler")
    assert FastAttributeRuler.supports(ruler)
    fast = FastAttributeRuler(ruler)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "line_sentences", "parser"]):
        a, b = list(nlp.pipe(texts)), list(nlp.pipe(texts))
    for x, y in zip(a, b, strict=True):
        ruler(x)
        fast(y)
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in x] == [
            (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in y]


def test_fast_lemmatizer_sets_what_spacys_lemmatizer_sets(nlp):
    """Every lemma as spaCy's gives it, the attribute ruler's own lemmas kept, on documents and
    short windows (the same words met again, in other Docs, are answered from memory)."""
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    texts = [d.text for d in read_documents([str(SAMPLE / "briefings")]) if isinstance(d, Document)][:3]
    texts = [*texts, *(t[i : i + 200] for t in texts for i in range(0, 1000, 200)), "", *FILLER]
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert FastLemmatizer.supports(lemmatizer)
    assert not FastLemmatizer.supports(nlp.get_pipe("tagger"))
    fast = FastLemmatizer(lemmatizer)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "line_sentences", "parser", "attribute_ruler"]):
        a, b = list(nlp.pipe(texts)), list(nlp.pipe(texts))
    ruled = {(i, t.i) for i, doc in enumerate(b) for t in doc if t.lemma}
    assert ruled  # (the attribute ruler sets some lemmas itself: those stay)
    for x, y in zip(a, b, strict=True):
        lemmatizer(x)
        fast(y)
        assert [t.lemma_ for t in x] == [t.lemma_ for t in y]
    assert len(fast._lemmas) < sum(len(doc) for doc in b)


def test_greedy_parser_sets_what_spacys_parser_and_ner_set(nlp):
    """The parser and the entity recogniser stepped from Python: every head, label, sentence
    start and entity as spaCy's own loop gives them, over whole documents and short windows,
    in a batch (of Docs of different lengths, an empty one among them) and one at a time."""
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    texts = [d.text for d in read_documents([str(SAMPLE / "briefings")]) if isinstance(d, Document)][:4]
    windows = [t[i : i + 300] for t in texts for i in range(0, min(len(t), 1500), 300)]
    texts = [*texts, "", *windows, "Russia said it was not notified.", *FILLER]
    before = {"parser": ["tok2vec", "tagger", "line_sentences"],
              "ner": ["tok2vec", "tagger", "line_sentences", "parser", "attribute_ruler", "lemmatizer"]}
    for name, enabled in before.items():
        proc = nlp.get_pipe(name)
        assert GreedyParser.supports(proc)
        fast = GreedyParser(proc)
        with nlp.select_pipes(enable=enabled):
            a, b, c = (list(nlp.pipe(texts)) for _ in range(3))
        a = list(proc.pipe(a, batch_size=8))
        b = list(fast.pipe(b, batch_size=8))
        c = [fast(doc) for doc in c]
        for x, y, z in zip(a, b, c, strict=True):
            want = [(t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in x]
            assert want == [(t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in y]
            assert want == [(t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in z]
        assert any(doc.ents for doc in b) if name == "ner" else any(len(list(doc.sents)) > 1 for doc in b)
    assert not GreedyParser.supports(nlp.get_pipe("tagger"))


def test_the_fast_path_gives_the_same_claims_with_and_without_greedy_parser(nlp, gold):
    documents = [_document(g.text, doc_id=g.doc_id) for g in gold]
    plain = FastExtractor(nlp, fast_parser=False)
    assert not any(isinstance(proc, GreedyParser) for _, proc in plain.steps)
    stepped = FastExtractor(nlp)
    assert {name for name, proc in stepped.steps if isinstance(proc, GreedyParser)} == {"parser", "ner"}
    want = [_rows(claims) for _, claims in plain.extract(documents)]
    assert [_rows(claims) for _, claims in stepped.extract(documents)] == want
    assert sum(map(len, want)) > 100


def test_a_contact_word_is_a_candidate_only_with_a_possible_party(nlp):
    candidates = fast_extractor(nlp).filter
    # "met", "talks", "support" need a party: a name, an actor word or a pronoun
    assert candidates.is_candidate("The Secretary met his Turkish counterpart on Monday.")
    assert candidates.is_candidate("They have held talks with us twice.")
    assert candidates.is_candidate("Moscow offered its support.")
    assert not candidates.is_candidate("The committee met on the budget for an hour.")
    assert not candidates.is_candidate("The talks on the new barracks went on past midnight.")
    # whatever the filter skips, the exact path finds no claim there either
    for text in ("The committee met on the budget for an hour.", "The talks on the new barracks went on past midnight."):
        assert not nlp(text)._.claims


def test_a_verification_word_is_a_candidate_only_with_an_accord_word(nlp):
    candidates = fast_extractor(nlp).filter
    assert candidates.is_candidate("Inspections under the treaty resumed in March.")
    # ("get back to you" would now be a candidate for "back" as backing a party; the parse rules it out)
    assert not candidates.is_candidate("Let me check on that for you.")
    assert not nlp("Let me check on that for you.")._.claims
    assert not nlp("Let me check on that and get back to you.")._.claims


def test_a_demonstrative_two_sentences_on_is_parsed_with_what_lies_between(nlp):
    text = " ".join([
        FILLER[0], FILLER[1],
        "Coalition aircraft struck an ISIL weapons depot near Raqqa on Monday.",
        "The depot held rockets and mortar rounds.", "It had been in use for months.",
        "This action will disrupt the group's supply lines.",
        FILLER[2], FILLER[3],
    ])
    document = _document(text)
    exact = [claims for _, claims in extract_claims(nlp, [document], fast=False)][0]
    fast = [claims for _, claims in extract_claims(nlp, [document], fast=True)][0]
    assert len([c for c in exact if c.topic == "strike"]) == 2
    assert _rows(fast) == _rows(exact)


def test_surname_turns_and_title_abbreviations_fast_equals_exact(nlp):
    """Turns labelled by surname beside questions, answers without a label, and names after a title
    abbreviation: the fast path finds the exact path's claims, and the filter never cuts after the title."""
    from .test_structure import SURNAME_EXCERPT

    unlabelled = ("Excerpts: the navy chief, Admiral Ines Varga, on the patrols\n\n" + " ".join(FILLER[:3]) + "\n\n"
                  "Q: Were the coastal states told before the patrol?\nThey were notified two days in advance.\n\n"
                  "Q: And the fishing season?\n" + " ".join(FILLER[2:]) + "\n")
    titles = (" ".join(FILLER) + " Pentagon spokesman Lieut. Cmdr. Jeff Carrow said there was no coordination with Russia. "
              "Lt. Col. Ann Moss said coalition jets struck two bridges. " + " ".join(FILLER))
    extractor = fast_extractor(nlp)
    segments = [titles[s.start:s.end] for s in extractor.filter.segments(titles)]
    assert any(s.startswith("Pentagon spokesman Lieut. Cmdr. Jeff Carrow said") for s in segments), segments
    for text in (SURNAME_EXCERPT + "\n" + " ".join(FILLER) + "\n", unlabelled, titles):
        document = _document(text)
        exact = [claims for _, claims in extract_claims(nlp, [document], fast=False)][0]
        fast = [claims for _, claims in extract_claims(nlp, [document], fast=True)][0]
        assert exact and _rows(fast) == _rows(exact)
    assert [c.speaker for c in exact] == ["Jeff Carrow", "Ann Moss"]


def test_a_block_quote_after_said_colon_keeps_its_speaker_on_both_paths(nlp):
    """A paragraph quoted whole after "X said:" (no quotation marks) is X's, also when its claim
    lies sentences after the line that names X: the fast path reads that line too."""
    text = (" ".join(FILLER) + "\n\nThe Norwegian defence ministry said in a statement on Friday, after the incident:\n\n"
            + " ".join(FILLER[:3]) + " We were given no advance notice of the missile launch by the other side.\n\n"
            + " ".join(FILLER) + "\n")
    document = _document(text)
    exact = [claims for _, claims in extract_claims(nlp, [document], fast=False)][0]
    fast = [claims for _, claims in extract_claims(nlp, [document], fast=True)][0]
    notice = [c for c in exact if c.topic == "notification"]
    assert notice and notice[0].speaker_org and "Norway" in notice[0].speaker_org
    assert (notice[0].attribution, notice[0].official) == ("direct", True)
    assert _rows(fast) == _rows(exact)


def test_hyphenated_spellings_are_candidates_and_claims_alike(nlp):
    text = " ".join([
        FILLER[0], "There had been close co-operation with the Peruvian navy, the ministry said.", FILLER[1],
        "Chilean jets co-ordinated their patrols with Lima, the spokesman said.", FILLER[2],
    ])
    document = _document(text)
    exact = [claims for _, claims in extract_claims(nlp, [document], fast=False)][0]
    fast = [claims for _, claims in extract_claims(nlp, [document], fast=True)][0]
    assert [c.topic for c in exact] == ["cooperation", "cooperation"]
    assert _rows(fast) == _rows(exact)


def test_memory_zones_outlast_a_call_and_free_the_strings_when_closed(nlp, monkeypatch):
    """A worker's partitions share one memory zone until ZONE_CHARS of text went through it:
    the strings a partition adds stay known to the next, and are freed when the zone closes;
    the claims are those of a zone per call."""
    from dataclasses import asdict

    from nlp_tools import extract
    from nlp_tools.extract import MemoryZones, extract_claims
    from nlp_tools.readers import document_from_text

    first = document_from_text("Zorbluxian officials said the Qwertavian jets struck the depot.", "one")
    second = document_from_text("The Plimtovian navy said it gave Moscow advance notice of the missile test.", "two")
    monkeypatch.setattr(extract, "ZONE_CHARS", len(first.text) + len(second.text))
    zones = MemoryZones(nlp)
    shared = [claims for _, claims in extract_claims(nlp, [first], zones=zones)]
    assert "Zorbluxian" in nlp.vocab.strings  # the zone is still open
    shared += [claims for _, claims in extract_claims(nlp, [second], zones=zones)]
    assert "Zorbluxian" not in nlp.vocab.strings and "Plimtovian" not in nlp.vocab.strings  # closed: both freed
    alone = [claims for _, claims in extract_claims(nlp, [first, second])]
    assert [[asdict(c) for c in claims] for claims in shared] == [[asdict(c) for c in claims] for claims in alone]
    assert shared[0] and shared[1]


def test_a_sentence_the_rules_fail_on_costs_that_sentence_only(nlp, tmp_path, monkeypatch):
    """A fault in the rules on one sentence (here one put there on purpose) is reported as one
    line naming the document; its other sentences' claims, and the other documents, are kept."""
    import pandas as pd

    from nlp_tools.claims import component
    from nlp_tools.runner import run

    real = component.find_participants

    def failing(sent, *args, **kwargs):
        if "Zarqa" in sent.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(sent, *args, **kwargs)

    monkeypatch.setattr(component, "find_participants", failing)
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("The ministry said it had notified Russia before the strike on the depot.\n\n"
                                "Jets struck a second depot near Zarqa on Monday, the army said.\n\n"
                                "There has been no coordination with Moscow, the spokesman said.\n", encoding="utf-8")
    (root / "b.txt").write_text("The Pentagon said it had informed Turkey ahead of the raid.\n", encoding="utf-8")
    result = run([str(root)], tmp_path / "out", nlp=nlp)
    assert result.extract.documents == 2
    [problem] = result.extract.partial
    assert problem.path.endswith("a.txt") and problem.partial
    assert "1 sentence not extracted" in problem.problem and "RecursionError" in problem.problem
    assert json.loads((tmp_path / "out" / "run.json").read_text())["counts"]["this_run"]["partly_extracted"] == 1
    claims = pd.read_csv(tmp_path / "out" / "claims.csv")
    sentences = " ".join(claims["sentence"])
    assert "Zarqa" not in sentences and "notified Russia" in sentences and "no coordination" in sentences
    assert "informed Turkey" in sentences
    # the exact path carries the same failure with the claims of the document
    document = document_from_text((root / "a.txt").read_text(encoding="utf-8"), doc_id="a", kind="txt")
    [(_, found)] = list(extract_claims(nlp, [document], fast=False))
    assert len(found.failures) == 1 and found.failures[0].startswith("sentence at character")
    assert {c.topic for c in found} >= {"notification", "cooperation"}


def test_a_claim_ends_past_the_closing_quotation_mark_in_both_paths(nlp):
    text = ("\n".join([FILLER[0], FILLER[1],
                       '"We will continue to strike the group wherever it hides," the official said.',
                       "Meanwhile, the British defence secretary after Tuesday's strikes accused Moscow of \u201cadding fuel "
                       'to the fire\u201d in Libya, as it appeared "the strikes hit areas where there were no militants and '
                       'that is the problem with this sort of approach."', FILLER[2], FILLER[3]]) + "\n")
    document = _document(text)
    exact = [claims for _, claims in extract_claims(nlp, [document], fast=False)][0]
    fast = [claims for _, claims in extract_claims(nlp, [document], fast=True)][0]
    strikes = [c for c in exact if c.topic == "strike" and c.sentence.startswith("Meanwhile")]
    assert strikes and all(text[c.end_char - 2 : c.end_char] == '."' for c in strikes)
    assert _rows(fast) == _rows(exact)
