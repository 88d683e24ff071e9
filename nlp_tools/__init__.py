"""nlp-tools: what officials say about advance notifications, strikes and cooperation.

The Python API mirrors the command line:

    import nlp_tools
    nlp = nlp_tools.load()                       # spaCy pipeline with press_claims
    doc = nlp("There has been no coordination with Russia, Cook said.")
    doc._.claims

    nlp_tools.run(["corpora/sample"], out="out/demo")   # the whole path
    nlp_tools.evaluate("corpora/sample/gold.jsonl")      # or a list of gold files
    nlp_tools.evaluate("corpora/sample/gold.jsonl", rules_only=True)   # without the topic detector
    nlp = nlp_tools.load(detector="models/mine.skops")   # another detector (`train --task detector`)
    model = nlp_tools.train("labels.csv", task="stance", out="models/mine.skops")
    nlp_tools.run(["corpora/sample"], out="out/x", classifier="models/mine.skops")
"""

from __future__ import annotations

__version__ = "0.4.19"

from .pipeline import PipelineConfig, load  # noqa: E402


def run(paths, out, detector=None, rules_only=False, **options):
    """Read `paths`, extract, score and write the outputs in `out` (see runner.run).

    `detector` (a model file) or `rules_only` choose the topic detector when no `nlp` is given."""
    from .runner import run as run_all

    if options.get("nlp") is None and (detector or rules_only):
        options["nlp"] = load(detector=detector, rules_only=rules_only)
    return run_all(list(paths), out, **options)


def evaluate(gold_path, nlp=None, errors_path=None, detector=None, rules_only=False, **options):
    """Score the extractor on one gold JSONL file or a list of them (see evaluate.evaluate; options:
    fast, classifier, stance_mode); `detector` / `rules_only` as for `run`. With several files,
    the result pools them and its `files` holds each file's figures."""
    from .evaluate import evaluate as run_evaluation

    if nlp is None and (detector or rules_only):
        nlp = load(detector=detector, rules_only=rules_only)
    return run_evaluation(gold_path, nlp=nlp, errors_path=errors_path, **options)


def train(labels, task="stance", out=None, **options):
    """Train a classifier on labelled sentences and return the fitted scikit-learn estimator.

    Mirrors `nlp-tools train`: `labels` is a file or a list of files (CSV, gold
    JSONL, doccano JSONL, Label Studio JSON); with `out`, the model is saved
    there (skops) with its card. Options: fmt, text_column, label_column,
    family, folds, test, spacy_model, seed (see learn.train_classifier, which
    also returns the cross-validation report).
    """
    from .learn import train_classifier

    return train_classifier(labels, task=task, out=out, **options).estimator


__all__ = ["PipelineConfig", "__version__", "evaluate", "load", "run", "train"]
