"""nlp-tools: what officials say about advance notifications, strikes and cooperation.

The Python API mirrors the command line:

    import nlp_tools
    nlp = nlp_tools.load()                       # spaCy pipeline with press_claims
    doc = nlp("There has been no coordination with Russia, Cook said.")
    doc._.claims

    nlp_tools.run(["corpora/sample"], out="out/demo")   # the whole path
    nlp_tools.evaluate("corpora/sample/gold.jsonl")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .pipeline import PipelineConfig, load  # noqa: E402


def run(paths, out, **options):
    """Read `paths`, extract, score and write the outputs in `out` (see runner.run)."""
    from .runner import run as run_all

    return run_all(list(paths), out, **options)


def evaluate(gold_path, nlp=None, errors_path=None):
    """Score the extractor on a gold JSONL file (see evaluate.evaluate)."""
    from .evaluate import evaluate as run_evaluation

    return run_evaluation(gold_path, nlp=nlp, errors_path=errors_path)


__all__ = ["PipelineConfig", "__version__", "evaluate", "load", "run"]
