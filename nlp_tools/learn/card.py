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
    md_path.write_text(render_detector_markdown(full) if full.get("task") == "detector" else render_markdown(full),
                       encoding="utf-8")
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


# -- the topic detector's card -------------------------------------------------------------

DETECTOR_USE = (
    "Proposes, for each raw-text segment of a document (before parsing), the topics (notification, strike, "
    "cooperation) a claim in it may be about, where the rule lexicon has no trigger or its trigger lacks "
    "corroboration. The rules decide every field of such a claim (stance, speaker, participants)."
)
DETECTOR_LIMITATIONS = (
    "Learned from a few hundred annotated documents of one kind (briefings, statements and news reports about "
    "military notification, strikes and cooperation, in English); other genres or topics need new gold data. It "
    "reads words, not meaning: a sentence about a topic in words it never saw is missed, "
    "and one that uses the topic's words about something else may be proposed. Its probabilities are a "
    "classifier's scores; the thresholds were calibrated by cross-validation on the training documents only."
)


def build_detector_card(result, out=None, rules_version: str = "") -> dict:
    """The card of a topic detector: data by kind and size (no paths), variant, thresholds, grouped CV."""
    from .. import __version__
    from ..claims.record import TOPICS

    data = result.data
    return {
        "name": Path(out).stem if out else "",
        "task": "detector",
        "detector": {
            "topics": list(TOPICS),
            "thresholds": result.thresholds.to_dict(),
            "calibrated": result.calibrated.to_dict(),
            "proposed_topics": [t for t in TOPICS if t in result.thresholds.propose],
            "combination": result.combination,
            "variant": result.variant.describe(),
        },
        "data": {
            "files": data.files,
            "documents": len(data.documents),
            "claims": data.claims,
            "segments": len(data.records),
            "segments_with_topic": {t: int(data.y[:, i].sum()) for i, t in enumerate(TOPICS)},
        },
        "cross_validation": result.cv,
        "features": {
            "unit": "a raw-text segment as the candidate filter cuts it (a line, cut at unambiguous sentence ends); "
                    "headings, boilerplate, reporters' questions, questions and fragments left out",
            "text": "TF-IDF of word 1-2-grams" + (" and character 2-5-grams within words" if result.variant.chars else ""),
            "lexicon": "per topic, a strong, weak or bare trigger of the loaded topic lexicon; a quotation mark, a "
                       "reporting verb, a first-person pronoun, a negation; the lexicon's topics in the segment before"
            if result.variant.lexicon else "",
        },
        "versions": {
            "nlp-tools": __version__,
            "python": platform.python_version(),
            "scikit-learn": _version("scikit-learn"),
            "skops": _version("skops"),
            "numpy": _version("numpy"),
            "scipy": _version("scipy"),
            "rules": rules_version,
        },
        "intended_use": DETECTOR_USE,
        "limitations": DETECTOR_LIMITATIONS,
    }


def render_detector_markdown(card: dict) -> str:
    info, data, cv = card["detector"], card["data"], card["cross_validation"]
    th = info["calibrated"]
    lines = [
        f"# Model card: {card.get('name') or 'detector'}",
        "",
        "An nlp-tools **topic detector**: a probability per topic for each raw-text segment of a document, "
        "used beside the rules (`nlp-tools run --detector FILE`; the claims it adds have `detector` = `model`).",
        "",
        f"- Variant: {info['variant']} (one-vs-rest logistic regression per topic)",
        f"- Combination with the rules: `{info['combination']}`",
        f"- Training data: {data['documents']} documents, {data['claims']} claims, {data['segments']} segments "
        "(real documents are not redistributed: sizes only)",
    ]
    if "model_file" in card:
        mf = card["model_file"]
        lines.append(f"- Model file: `{mf['path']}`, {mf['bytes']:,} bytes, SHA-256 `{mf['sha256']}`")
    lines += ["", "## Training data", "", "| file | kind | documents | claims | segments | SHA-256 |",
              "| ---: | --- | ---: | ---: | ---: | --- |"]
    for i, f in enumerate(data["files"], start=1):
        lines.append(f"| {i} | {f['kind']} | {f['documents']} | {f['claims']} | {f['segments']} | `{f['sha256'][:16]}…` |")
    lines += ["", "Thresholds calibrated by the cross-validation below; the detector proposes claims of "
              + ", ".join(info["proposed_topics"]) + " only (the others are left to the rules).", "",
              "| topic | segments with a claim of it | proposed | threshold | threshold where the lexicon has a trigger | veto below |",
              "| --- | ---: | --- | ---: | ---: | ---: |"]
    for topic in info["topics"]:
        lines.append(f"| {topic} | {data['segments_with_topic'][topic]} | {'yes' if topic in info['proposed_topics'] else 'no'} | "
                     f"{th['propose'][topic]:.3f} | {th['propose_lexical'][topic]:.3f} | {th['veto'].get(topic, 0.0):.3f} |")
    lines += [
        "", "## Cross-validation", "",
        f"{cv['folds']}-fold cross-validation grouped by document ({cv['grouped_by']}: no document has segments "
        f"on both the training and the test side), {cv['segments']} segments of {cv['documents']} documents; thresholds "
        "calibrated on the out-of-fold probabilities. The detector alone is scored segment by segment at its "
        "thresholds; the rules alone and the rules with the detector claim by claim, as `nlp-tools evaluate` "
        "matches them.",
        "",
        "(The last three columns propose every topic, cooperation included.)",
        "",
        "| topic | detector P | R | F1 | rules P | R | F1 | rules + detector P | R | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for topic in info["topics"]:
        s, r, c = cv["segments_detector"][topic], cv["claims_rules"][topic], cv["claims_rules_and_detector"][topic]
        lines.append(f"| {topic} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {r['precision']:.3f} | "
                     f"{r['recall']:.3f} | {r['f1']:.3f} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} |")
    lines += ["", "## Features", ""] + [f"- {k}: {v}" for k, v in card["features"].items() if v]
    lines += ["", "## Versions", "", "| package | version |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in card["versions"].items() if v]
    lines += ["", "## Use", "", "```sh",
              f"nlp-tools run DOCUMENTS --out OUT --detector {card.get('model_file', {}).get('path', 'detector.skops')}",
              "nlp-tools run DOCUMENTS --out OUT --rules-only     # without it", "```", "",
              "## Intended use", "", card["intended_use"], "", "## Limitations", "", card["limitations"], ""]
    return "\n".join(lines)
