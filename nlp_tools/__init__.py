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

__all__ = ["PipelineConfig", "__version__", "load"]
