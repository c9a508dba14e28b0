"""The files to read under the paths a user gives, and every path passed over with its reason.

``briefmodel export`` and ``Corpus`` find their files here. A path given must
exist: a mistyped one is an error before anything is read or written. A named
file is read whatever its name or kind (a named pipe from ``<(...)`` included).
A named folder is searched, without following links to folders, for regular
files named ``.txt``, ``.html`` or ``.htm`` in any case (``.TXT`` too);
everything else found there is passed over and listed with its reason: other
names, broken links, named pipes, sockets and devices (opening a pipe would wait
forever), hidden folders (``.git``), links to folders, unreadable folders, and
the export's own output folder. With ``patterns``, a path that does not exist
and holds ``*``, ``?`` or ``[`` is a glob pattern (``**`` for any depth): the
files it matches are read whatever their name, the folders it matches searched.
A file found twice (named twice, or named and found in a folder) is read once.
"""

import glob
import os
import stat
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from briefmodel._errors import BriefmodelError
from briefmodel._read.files import looks_like_html

__all__ = ["HTML_SUFFIXES", "SUFFIXES", "Inputs", "find_inputs", "looks_like_html"]

SUFFIXES = (".txt", ".html", ".htm")
"""The names of the files a folder is searched for, compared in lower case."""
HTML_SUFFIXES = (".html", ".htm")
_NAMES = ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]


class Inputs(NamedTuple):
    files: list[str]
    """The files to read, in order: each folder's sorted by path."""
    skipped: list[tuple[str, str]]
    """Each path found and not read, with the reason."""


def find_inputs(paths: Sequence[str], *, exclude: Iterable[str] = (), patterns: bool = False) -> Inputs:
    """The files under ``paths``; folders whose real path is in ``exclude`` are not searched.

    With ``patterns``, a path that does not exist and holds glob characters is
    expanded (sorted; hidden names only when the pattern names them). Raises
    ``BriefmodelError`` naming the first path that does not exist or cannot be
    read, or the first pattern that matches nothing.
    """
    excluded = {os.path.realpath(path) for path in exclude}
    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    for given in paths:
        for path in _expand(given, patterns):
            try:
                mode = os.stat(path).st_mode
            except OSError as error:
                reason = "a broken link" if os.path.islink(path) else (error.strerror or str(error))
                raise BriefmodelError(f"cannot read {path}: {reason}") from None
            if not stat.S_ISDIR(mode):
                if path != given and not stat.S_ISREG(mode):  # matched, not named: never wait on a pipe
                    skipped.append((path, _not_regular(mode)))
                else:
                    files.append(path)
                continue
            found, passed = _search(path, excluded)
            files.extend(sorted(found))
            skipped.extend(sorted(passed))
    return Inputs(_once(files), skipped)


def _expand(path: str, patterns: bool) -> list[str]:
    """The path itself, or, for a pattern (``patterns``, no such path, glob characters), what it matches."""
    if not patterns or not glob.has_magic(path) or os.path.lexists(path):
        return [path]
    matched = sorted(glob.glob(path, recursive=True))
    if not matched:
        raise BriefmodelError(f"cannot read {path}: no file or folder matches the pattern")
    return matched


def _once(files: list[str]) -> list[str]:
    """The files in order, each once: a path (normalized) seen before is dropped."""
    seen: set[str] = set()
    kept = []
    for path in files:
        normal = os.path.normpath(path)
        if normal not in seen:
            seen.add(normal)
            kept.append(path)
    return kept


def _search(root: str, excluded: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """One folder's files to read and paths passed over (a stack of folders, not recursion)."""
    found: list[str] = []
    skipped: list[tuple[str, str]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if folder == root:
                raise BriefmodelError(f"cannot read {root}: {error.strerror or error}") from None
            skipped.append((folder, f"cannot be listed: {error.strerror or error}"))
            continue
        for entry in entries:
            reason = _reason(entry, excluded)
            if reason is None:
                found.append(entry.path)
            elif reason == "":
                folders.append(entry.path)
            else:
                skipped.append((entry.path, reason))
    return found, skipped


def _reason(entry: "os.DirEntry[str]", excluded: set[str]) -> str | None:
    """Why ``entry`` is not read: ``None`` for a file to read, ``""`` for a folder to search, else the reason."""
    try:
        if entry.is_dir(follow_symlinks=False):
            if entry.name.startswith("."):
                return "a hidden folder (not searched)"
            if os.path.realpath(entry.path) in excluded:
                return "the output folder (not searched)"
            return ""
        if entry.is_symlink():
            if not os.path.exists(entry.path):
                return "a broken link"
            if entry.is_dir():
                return "a link to a folder (not followed)"
        if not entry.name.lower().endswith(SUFFIXES):
            return f"not named {_NAMES}"
        mode = entry.stat().st_mode
    except OSError as error:
        return error.strerror or str(error)
    if stat.S_ISREG(mode):
        return None
    return _not_regular(mode)


def _not_regular(mode: int) -> str:
    """Why a file that is not a regular file is not read."""
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "a device, not a regular file"
