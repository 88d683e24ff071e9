"""What a run pays before its first document: parts loaded on first use, and the actor
patterns built as prefix trees, which must match exactly what the plain alternation matched."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import SAMPLE


def _alternation_patterns(actors):
    """The patterns as they were built before the prefix trees: one alternation, longest first."""
    by_length = lambda f: (-len(f), f)  # noqa: E731
    forms = sorted(set(actors._alias) | set(actors._country_alias), key=by_length)
    any_form = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    c = "|".join(re.escape(f) for f in sorted(actors._country_alias, key=by_length))
    t = "|".join(re.escape(f) for f in sorted({a for *_, al in actors._org_types for a in al}, key=by_length))
    m = "|".join(re.escape(f) for f in sorted({a for _, kind, _, al in actors._org_types if kind == "ministry"
                                                for a in al}, key=by_length))
    composed = [re.compile(rf"(?<!\w)(?P<c>{c})(?:['’]s)?\s+(?P<t>(?i:{t}))(?!\w)"),
                re.compile(rf"(?<!\w)(?P<t>(?i:{t}))\s+of\s+(?:the\s+)?(?P<c>{c})(?!\w)"),
                re.compile(rf"(?<!\w)(?P<t>(?i:{m}))\s+in\s+(?P<c>{c})(?!\w)")]
    types = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(actors._type_lookup, key=by_length))
                       + r")(?!\w)", re.IGNORECASE)
    return any_form, composed, types


def _matches(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_actor_patterns_match_what_the_alternation_matched_on_the_sample_corpus():
    from nlp_tools.claims.actors import ActorDictionary
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    actors = ActorDictionary.load()
    any_form, composed, types = _alternation_patterns(actors)
    texts = [d.text for d in read_documents([str(SAMPLE)]) if isinstance(d, Document)]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    lines += [line.upper() for line in lines[:300]] + [line.lower() for line in lines[:300]]
    lines += ["the Russian Defence Ministry's", "Russia's defence ministry said", "U.S.-led", "US troops", "us troops",
              "the Ministry of Defence of the Russian Federation", "the defence ministry in Ankara", "Russians",
              "RussiaN", "Russia_", "x.Russia", "Chargé d'Affaires of the Russian Federation", "CHARGÉ D'AFFAIRES"]
    assert len(lines) > 1000
    for line in lines:
        assert _matches(actors._any_form, line) == _matches(any_form, line), line
        for ours, theirs in zip(actors._composed, composed, strict=True):
            assert _matches(ours, line) == _matches(theirs, line), line
            whole, before = ours.fullmatch(line), theirs.fullmatch(line)
            assert (whole and whole.groupdict()) == (before and before.groupdict()), line
        assert _matches(actors._type_pattern, line) == _matches(types, line), line


def test_a_prefix_tree_prefers_the_longest_name_that_fits_then_the_next():
    from nlp_tools.claims.actors import _alternation, _trie

    forms = ["Russia", "Russian", "Russians", "Russian Federation", "US", "U.S.", "U.S. Army", "UN"]
    tree = re.compile(rf"(?<![\w.])(?:{_trie(forms)})(?![\w])")
    plain = re.compile(rf"(?<![\w.])(?:{_alternation(forms)})(?![\w])")
    for text in ["the Russian Federation's", "Russians and Russia", "Russianness", "the U.S. Army and the U.S.",
                 "US-UN", "Russian Federations", "USA", ""]:
        assert _matches(tree, text) == _matches(plain, text), text
    assert _trie(["Russia", "Russian", "Russians"]) == "Russia(?:n(?:s)?)?"
    assert _trie(["Defence Ministry", "defence ministry"], ignore_case=True) == r"defence\ ministry"
    # characters that one case-insensitive level could not tell apart (s and the long s): the alternation
    assert _trie(["sa", "ſb"], ignore_case=True) == _alternation(["sa", "ſb"])
    assert re.fullmatch(_trie([]), "") is None


def test_building_the_pipeline_loads_the_detector_and_patterns_only_when_used():
    """In a fresh process: `nlp_tools.load()` imports neither scikit-learn nor skops and compiles
    no actor pattern (the writer of a run whose workers extract never needs them); `prepare()`
    (what a worker does while the inputs are read) or the first document loads them (the
    detector as arrays, without scikit-learn)."""
    code = (
        "import sys, nlp_tools\n"
        "nlp = nlp_tools.load()\n"
        "c = nlp.get_pipe('press_claims')\n"
        "print('sklearn' in sys.modules, 'skops' in sys.modules, '_any_form' in vars(c.actors),"
        " c.detector is not None and 'model' in vars(c.detector))\n"
        "c.prepare()\n"
        "print('sklearn' in sys.modules, '_any_form' in vars(c.actors), c.detector is not None and 'model' in vars(c.detector))\n"
    )
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    from nlp_tools.pipeline import DEFAULT_DETECTOR

    assert lines[0] == "False False False False"
    # (the shipped detector is read as arrays and scored in numpy: scikit-learn is never imported)
    assert lines[1] == f"False True {DEFAULT_DETECTOR.is_file()}"


def test_a_detector_says_at_once_what_it_is_and_loads_its_model_on_first_use(tmp_path):
    from nlp_tools.claims.detection import Detector
    from nlp_tools.errors import NlpToolsError
    from nlp_tools.learn.model_io import load_model, peek_model
    from nlp_tools.pipeline import DEFAULT_DETECTOR

    if not DEFAULT_DETECTOR.is_file():
        pytest.skip("no shipped detector")
    detector = Detector(DEFAULT_DETECTOR)
    assert "model" not in vars(detector) and "thresholds" not in vars(detector)
    loaded = load_model(DEFAULT_DETECTOR)
    assert detector.digest == loaded.digest and detector.version == f"det{loaded.digest[:8]}"
    assert peek_model(DEFAULT_DETECTOR) == {"format": "nlp-tools-classifier", "format_version": 1, "task": "detector"}
    assert detector.thresholds.propose == loaded.card["detector"]["thresholds"]["propose"]
    assert detector.model.estimator is Detector(DEFAULT_DETECTOR).load().model.estimator  # loaded once per process
    stance = DEFAULT_DETECTOR.with_name("stance.skops")
    with pytest.raises(NlpToolsError, match="not a topic detector"):
        Detector(stance)  # refused before anything is loaded
    changed = tmp_path / "detector.skops"
    changed.write_bytes(DEFAULT_DETECTOR.read_bytes())
    late = Detector(changed)
    changed.write_bytes(stance.read_bytes())  # replaced after the run took its digest
    with pytest.raises(NlpToolsError):
        late.model  # noqa: B018
