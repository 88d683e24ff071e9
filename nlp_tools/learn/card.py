"""The model card written next to a model: what it learned from, how well, with what.

`NAME.card.json` for programs and `NAME.card.md` for people, beside
`NAME.skops`. The same card (without the file's own digest) travels inside the
model file. No timestamps: the same data and code give the same card.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections import Counter
from importlib import metadata
from pathlib import Path

from .estimators import FAMILIES
from .model_io import output_column

INTENDED_USE = (
    "Decides the label of claims that the nlp-tools rules have found (sentence, topic and trigger), "
    "in official briefings, releases and news about advance notification, military strikes and "
    "cooperation between states. Not a claim detector: it labels claims, it does not find them."
)
LIMITATIONS = (
    "Learned from a small set of labelled sentences; its scores per label rest on few examples "
    "(see the support column). English cue words and the spaCy parse of the named model; sentences "
    "far from the training material (other genres, languages, topics) need new labels. The confidence "
    "is the classifier's probability, not a calibrated error rate."
)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def build_card(result, spacy_model: str | None = None, out=None, rules_version: str | None = None) -> dict:
    from .. import __version__

    counts = Counter(e.label for e in result.used)
    estimator = result.estimator
    parse_model = ""
    try:
        parse_model = estimator.named_steps["features"].named_transformers_["parse"].named_steps["cues"].spacy_model_
    except (AttributeError, KeyError):
        parse_model = ""
    classifier = estimator.named_steps["classify"]
    card = {
        "name": Path(out).stem if out else "",
        "task": result.task,
        "output_column": output_column(result.task),
        "family": result.family,
        "family_description": FAMILIES[result.family],
        "classifier": {"class": type(classifier).__name__, "params": _plain(classifier.get_params())},
        "labels": dict(sorted(counts.items())),
        "data": {
            "files": result.labels.files,
            "examples": len(result.used),
            "skipped_rows": len(result.labels.problems),
            "examples_sha256": _digest(result.used),
        },
        "cross_validation": result.cv.to_dict() if result.cv else None,
        "rules": result.rules.to_dict() if result.rules else None,
        "combine": result.combine.to_dict() if result.combine else None,
        "held_out": result.test,
        "notes": list(result.notes),
        "features": {
            "text": "TF-IDF of word 1- and 2-grams of the sentence",
            "parse": "" if result.family == "bow" else
            "spaCy dependency parse around the trigger: lemmas on its path to the root, function words on that "
            "path (negation, modals, clause markers, determiners), negation/condition/evasion in its scope or "
            "elsewhere in the sentence, topic",
            "spacy_model": parse_model or (spacy_model or ""),
        },
        "versions": {
            "nlp-tools": __version__,
            "python": platform.python_version(),
            "scikit-learn": _version("scikit-learn"),
            "skops": _version("skops"),
            "spacy": _version("spacy"),
            "numpy": _version("numpy"),
            "scipy": _version("scipy"),
            "rules": rules_version or "",
        },
        "intended_use": INTENDED_USE,
        "limitations": LIMITATIONS,
    }
    return card


def _digest(examples) -> str:
    lines = sorted(f"{e.text}\x1f{e.topic}\x1f{e.trigger}\x1f{e.label}" for e in examples)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _plain(params: dict) -> dict:
    return {k: (v if isinstance(v, (int, float, str, bool)) or v is None else str(v)) for k, v in sorted(params.items())}


def card_paths(model_path: str | Path) -> tuple[Path, Path]:
    model_path = Path(model_path)
    stem = model_path.with_suffix("") if model_path.suffix == ".skops" else model_path
    return stem.with_name(stem.name + ".card.md"), stem.with_name(stem.name + ".card.json")


def write_card(card: dict, model_path: str | Path) -> list[Path]:
    """Write NAME.card.json and NAME.card.md next to the (already written) model file."""
    model_path = Path(model_path)
    full = dict(card)
    data = model_path.read_bytes()
    full["model_file"] = {"path": model_path.name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    md_path, json_path = card_paths(model_path)
    json_path.write_text(json.dumps(full, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(render_markdown(full), encoding="utf-8")
    return [md_path, json_path]


def render_markdown(card: dict) -> str:
    name = card.get("name") or "model"
    lines = [
        f"# Model card: {name}",
        "",
        f"An nlp-tools classifier for the task **{card['task']}** "
        f"(output column `{card['output_column']}`, with `{_confidence_column(card)}`).",
        "",
        f"- Family: `{card['family']}`: {card['family_description']}",
        f"- Classifier: `{card['classifier']['class']}`",
        f"- Parse features from: `{card['features']['spacy_model'] or 'none (bag of words)'}`",
        f"- Examples: {card['data']['examples']} (rows skipped: {card['data']['skipped_rows']}); "
        f"SHA-256 of the examples: `{card['data']['examples_sha256']}`",
    ]
    if "model_file" in card:
        mf = card["model_file"]
        lines.append(f"- Model file: `{mf['path']}`, {mf['bytes']:,} bytes, SHA-256 `{mf['sha256']}`")
    lines += ["", "## Training data", "", "| file | format | examples | skipped | SHA-256 |", "| --- | --- | ---: | ---: | --- |"]
    for f in card["data"]["files"]:
        lines.append(f"| `{f['path']}` | {f['format']} | {f['examples']} | {f['skipped']} | `{f['sha256'][:16]}…` |")
    lines += ["", "| label | examples |", "| --- | ---: |"]
    lines += [f"| {label} | {n} |" for label, n in card["labels"].items()]
    cv = card.get("cross_validation")
    rules = card.get("rules")
    if cv:
        lines += [
            "", "## Cross-validated metrics", "",
            f"{cv['folds']}-fold stratified cross-validation (out-of-fold predictions pooled): "
            f"**macro-F1 {cv['macro_f1']:.3f}** (per fold {cv['macro_f1_fold_mean']:.3f} ± {cv['macro_f1_fold_sd']:.3f}), "
            f"accuracy {cv['accuracy']:.3f}."
            + (f" The built-in rules on the same examples: **macro-F1 {rules['macro_f1']:.3f}**, accuracy "
               f"{rules['accuracy']:.3f} (the rules found {rules['found']} of {rules['n']} claims; the others count as "
               "the rules' default)." if rules else ""),
            "",
            "| label | precision | recall | F1 | support |" + (" rules P | rules R | rules F1 |" if rules else ""),
            "| --- | ---: | ---: | ---: | ---: |" + (" ---: | ---: | ---: |" if rules else ""),
        ]
        for label, m in cv["per_class"].items():
            row = f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |"
            if rules:
                r = rules["per_class"].get(label, {})
                row += f" {r.get('precision', 0):.3f} | {r.get('recall', 0):.3f} | {r.get('f1', 0):.3f} |"
            lines.append(row)
    combine = card.get("combine")
    if combine:
        lines += [
            "", "## Combined with the rules (`--stance-mode combine`)", "",
            "The model may relabel only the claims the rules acknowledged by default (no stance cue), and only with "
            f"a deny/conditional/evade label whose probability exceeds **{combine['threshold']:g}** (1 means never). "
            f"The threshold is the best accuracy + macro-F1 of a {combine['folds']}-fold cross-validation grouped by "
            f"document, on the {combine['claims']} claims the rules found (rules alone: accuracy "
            f"{combine['rules']['accuracy']:.3f}, macro-F1 {combine['rules']['macro_f1']:.3f}).",
            "", "| threshold | accuracy | macro-F1 | changed |", "| ---: | ---: | ---: | ---: |",
        ]
        lines += [f"| {g['threshold']:g} | {g['accuracy']:.3f} | {g['macro_f1']:.3f} | {g['changed']} |" for g in combine["grid"]]
    held = card.get("held_out")
    if held:
        lines += ["", "## Held-out evaluation", ""]
        files = ", ".join(f"`{f['path']}`" for f in held["files"])
        lines.append(f"On {files}: model macro-F1 **{held['model']['macro_f1']:.3f}** "
                     f"(accuracy {held['model']['accuracy']:.3f}, {held['model']['n']} examples)"
                     + (f"; rules macro-F1 {held['rules']['macro_f1']:.3f} (accuracy {held['rules']['accuracy']:.3f})"
                        if "rules" in held else "") + ".")
    if card.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in card["notes"]]
    lines += ["", "## Versions", "", "| package | version |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in card["versions"].items() if v]
    lines += [
        "", "## Use", "",
        "```sh",
        f"nlp-tools run DOCUMENTS --out OUT --classifier {card.get('model_file', {}).get('path', 'MODEL.skops')}"
        + (" [--stance-mode combine]" if combine else ""),
        "```", "",
        "## Intended use", "", card["intended_use"], "",
        "## Limitations", "", card["limitations"], "",
    ]
    return "\n".join(lines)


def _confidence_column(card: dict) -> str:
    return f"{card['output_column']}_confidence"
