"""The documentation stands on its own: links resolve inside the repository, nothing
tracked names a path outside it, and the README stays a short front page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README_MAX_LINES = 200

# Written in pieces so that this file does not contain what it forbids.
FORBIDDEN = ("../" + "shared", "shared" + "/gold", "/" + "work" + "/", "/" + "home" + "/")

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")


def _prose(text: str) -> str:
    """The text without fenced code blocks and inline code, where links are not links."""
    out, in_fence = [], False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            out.append(re.sub(r"`[^`]*`", "", line))
    return "\n".join(out)


def _headings_with_code(path: Path) -> set[str]:
    """Anchors of headings with their inline code kept (`## `claims.csv``)."""
    anchors = set()
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        m = None if in_fence else re.match(r"#{1,6}\s+(.*)", line)
        if m:
            title = re.sub(r"[^\w\- ]", "", m.group(1).replace("`", "").strip().lower())
            anchors.add(title.replace(" ", "-"))
    return anchors


def broken_links(doc: Path, root: Path) -> list[str]:
    """Every relative link of `doc` that does not resolve to a file (and heading) inside `root`."""
    problems = []
    for target in LINK.findall(_prose(doc.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):  # https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        dest = doc if not path_part else (doc.parent / path_part)
        resolved = dest.resolve()
        if resolved != root.resolve() and root.resolve() not in resolved.parents:
            problems.append(f"{doc.name}: {target} leaves the repository")
        elif not resolved.exists():
            problems.append(f"{doc.name}: {target} does not exist")
        elif anchor and resolved.suffix == ".md" and anchor not in _headings_with_code(resolved):
            problems.append(f"{doc.name}: {target} names no heading of {resolved.name}")
    return problems


def outside_paths(text: str) -> list[str]:
    """The forbidden strings (paths outside the repository) that `text` contains."""
    return [s for s in FORBIDDEN if s in text]


def _docs() -> list[Path]:
    others = ["CHANGELOG.md", "corpora/sample/README.md", "corpora/sample/annotations/README.md"]
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *(ROOT / p for p in others)]


def _tracked_files() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [ROOT / name for name in done.stdout.decode("utf-8").split("\0") if name]


@pytest.mark.parametrize("doc", _docs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(doc):
    assert broken_links(doc, ROOT) == []


def test_the_link_checker_finds_what_is_wrong(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "there.md").write_text("# A `code` heading\n\n## Second part\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("# Outside\n", encoding="utf-8")
    doc = repo / "docs" / "page.md"
    doc.write_text(
        "# Page\n"
        "[fine](there.md) [fine too](there.md#second-part) [code heading](there.md#a-code-heading)\n"
        "[here](#page) [web](https://example.org/x.md) ![image](nowhere.png)\n"
        "[missing](gone.md) [no heading](there.md#nothing) [escapes](../../outside.md)\n"
        "```\n[in code](gone-too.md)\n```\n",
        encoding="utf-8",
    )
    problems = broken_links(doc, repo)
    assert len(problems) == 3
    assert "gone.md does not exist" in problems[0]
    assert "names no heading" in problems[1]
    assert "leaves the repository" in problems[2]


def test_no_tracked_text_file_names_a_path_outside_the_repository():
    hits = []
    for path in _tracked_files():
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:  # binary (models, PDFs)
            continue
        text = data.decode("utf-8", errors="replace")
        hits += [f"{path.relative_to(ROOT)}: {s}" for s in outside_paths(text)]
    assert hits == []


def test_the_outside_path_check_can_fail():
    assert outside_paths("read " + FORBIDDEN[0] + "/gold/dev.jsonl") == [FORBIDDEN[0], FORBIDDEN[1]]
    assert outside_paths("data in " + FORBIDDEN[2] + "main") == [FORBIDDEN[2]]
    assert outside_paths("corpora/sample/gold.jsonl, docs/codebook.md, out/demo/") == []


def test_readme_is_a_short_front_page_opening_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) < README_MAX_LINES
    block = re.search(r"```[a-z]*\n(.*?)```", text, re.S)
    assert block, "the README has no command block"
    assert "make demo" in block.group(1) and "make test" in block.group(1)
    # the block comes before any section: the commands open the page
    assert text.index(block.group(0)) < text.index("\n## ")
