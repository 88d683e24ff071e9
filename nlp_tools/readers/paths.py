"""Expanding the user's PATH arguments (files, folders, globs) into input files."""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .base import InputFile, ReadProblem

SUPPORTED_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".pdf", ".jsonl", ".ndjson", ".csv"}


def expand_paths(
    paths: list[str], ignore_file: str = ".nlptoolsignore", exclude: list[str] | None = None
) -> Iterator[InputFile | ReadProblem]:
    """Yield every input file under `paths`, in a stable order, and every problem.

    Folders are walked recursively (symbolic links followed once: a loop is
    reported, not followed); hidden files, what a folder's ignore file lists and
    the `exclude` paths (the run's own output folder and store) are left out and
    counted; files of unsupported types are reported.
    """
    seen: set[str] = {os.path.realpath(p) for p in exclude or []}
    for arg in paths:
        if any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield ReadProblem(arg, "no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match, seen, ignore_file)
                else:
                    yield from _file(match, _default_doc_id(match), seen)
        elif os.path.isdir(arg):
            yield from _walk(arg, seen, ignore_file)
        elif os.path.lexists(arg):
            yield from _file(arg, _default_doc_id(arg), seen)
        else:
            yield ReadProblem(arg, _missing(arg))


def _missing(path: str) -> str:
    """Why a path that does not seem to exist cannot be read."""
    try:
        os.lstat(path)
    except PermissionError:
        return "permission denied (a folder on the way cannot be opened)"
    except OSError:
        pass
    return "no such file or folder"


def _default_doc_id(path: str) -> str:
    """A file named on the command line is known by its path as given (relative)."""
    p = Path(path)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return p.name
    return p.as_posix().removeprefix("./")


def _file(path: str, doc_id: str, seen: set[str]) -> Iterator[InputFile | ReadProblem]:
    try:
        real = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError) as exc:
        reason = "symbolic link loop" if isinstance(exc, RuntimeError) or getattr(exc, "errno", 0) == 40 else "broken symbolic link"
        yield ReadProblem(path, reason)
        return
    if real in seen:
        return  # the same file reached twice (through a link or two arguments)
    seen.add(real)
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReadProblem(path, f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG  # reading it will say what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # reading a pipe would wait forever, a device (/dev/zero) would never end
        yield ReadProblem(path, "not a regular file (a pipe, socket or device)")
        return
    yield InputFile(path, doc_id)


def _walk(root: str, seen: set[str], ignore_file: str) -> Iterator[InputFile | ReadProblem]:
    problems: list[ReadProblem] = []
    ignore = _ignore_patterns(os.path.join(root, ignore_file))
    visited_dirs: set[str] = set()

    def on_error(exc: OSError) -> None:
        problems.append(ReadProblem(exc.filename or root, f"cannot open folder ({exc.strerror})"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        real_dir = os.path.realpath(dirpath)
        if real_dir in visited_dirs:
            dirnames[:] = []
            parent = os.path.realpath(os.path.dirname(dirpath))
            if parent == real_dir or parent.startswith(real_dir.rstrip(os.sep) + os.sep):
                yield ReadProblem(dirpath, "symbolic link loop (links back to a folder above it; not followed)")
            else:  # the same folder reached twice through links: read once
                yield ReadProblem(dirpath, "folder already read through another link", ignored=True)
            continue
        visited_dirs.add(real_dir)
        rel_dir = os.path.relpath(dirpath, root)
        kept = []
        for d in sorted(dirnames):
            rel = os.path.normpath(os.path.join(rel_dir, d)).replace(os.sep, "/")
            if os.path.realpath(os.path.join(dirpath, d)) in seen:
                yield ReadProblem(os.path.join(dirpath, d), "ignored folder (this run's output)", ignored=True)
                continue
            if d.startswith(".") or _ignored(rel + "/", ignore):
                yield ReadProblem(os.path.join(dirpath, d), "ignored folder (hidden or listed in " + ignore_file + ")", ignored=True)
                continue
            kept.append(d)
        dirnames[:] = kept
        yield from problems
        problems.clear()
        for name in sorted(filenames):
            rel = os.path.normpath(os.path.join(rel_dir, name)).replace(os.sep, "/")
            full = os.path.join(dirpath, name)
            if name.startswith(".") or _ignored(rel, ignore):
                if name != ignore_file:
                    yield ReadProblem(full, "ignored file (hidden or listed in " + ignore_file + ")", ignored=True)
                continue
            yield from _file(full, rel, seen)
    yield from problems


def _ignore_patterns(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = [line.strip() for line in fh]
    except OSError:
        return []
    return [line for line in lines if line and not line.startswith("#")]


def _ignored(rel: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        if pattern.endswith("/"):
            if rel.startswith(pattern) or fnmatch.fnmatch(rel, pattern + "*"):
                return True
        elif fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
            return True
    return False
