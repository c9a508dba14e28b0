"""An export's output folder, written beside its target and put in its place only when complete.

``Staging(out)`` first checks the target: it must be absent, an empty folder,
or a folder an earlier export wrote (holding only the marker, the tables'
``.csv`` files and table folders of ``part-NNNNN.parquet`` files), so that
replacing it never deletes anything else. ``create`` makes a hidden folder
``.NAME.partial-PID-XXXXXXXX`` in the same parent (same file system, so a rename
puts it in place), after removing those left by runs that no longer exist.
``commit`` writes the completion marker last, flushes everything to disk and
swaps the folder with the target in one step (``renameat2`` with
``RENAME_EXCHANGE`` on Linux; elsewhere two renames, the old folder moved aside
first), then removes the old one; the new folder keeps the permissions of the
one it replaces. ``discard`` removes the temporary folder.
Until ``commit``, the target is as it was; the temporary folder has no marker
and a hidden name, so nothing reads it as an export.
"""

import contextlib
import ctypes
import errno
import json
import os
import re
import secrets
import shutil
import stat
from pathlib import Path
from typing import Any

from briefmodel._cli.signals import held
from briefmodel._errors import BriefmodelError

__all__ = ["MARKER", "Staging", "describe"]

MARKER = "_SUCCESS"
"""The completion marker in an export's folder: JSON with the counts, written last."""

_PART = re.compile(r"part-\d{5}\.parquet")


def describe(error: OSError) -> str:
    """An ``OSError``'s cause in a few words (``No space left on device``), without its path."""
    text = error.strerror or str(error)
    number = re.search(r"\[errno (\d+)\]", text, re.IGNORECASE)  # pyarrow: "Error writing ... [errno 28] ..."
    if number:
        return os.strerror(int(number.group(1)))
    return text.partition("\n")[0] or type(error).__name__


class Staging:
    """The temporary folder of one export to ``out``, and the steps that put it in place."""

    def __init__(self, out: str, tables: tuple[str, ...]) -> None:
        self.out = out
        self.tables = tables
        self.target = Path(os.path.realpath(out))  # a link to a folder: its folder is replaced
        self.folder: Path | None = None
        self.made: Path | None = None  # the temporary folder, still known once removed
        self.committed = False
        self.existed = self._check()

    def _check(self) -> bool:
        """Whether the target exists; ``BriefmodelError`` if it is not a folder an export may replace."""
        target = self.target
        if target.is_dir():
            self._check_contents()
            return True
        if os.path.lexists(target):
            raise BriefmodelError(f"cannot write {self.out}: it is a file, not a folder")
        for parent in Path(self.out).parents:  # as typed, to name it as the user knows it
            if os.path.lexists(parent):
                if not parent.is_dir():
                    raise BriefmodelError(f"cannot write {self.out}: {parent} is a file, not a folder")
                break
        return False

    def _check_contents(self) -> None:
        expected_files = {MARKER, *(f"{name}.csv" for name in self.tables)}
        try:
            for entry in os.scandir(self.target):
                if entry.is_dir(follow_symlinks=False) and entry.name in self.tables:
                    strays = [e.name for e in os.scandir(entry.path) if not _PART.fullmatch(e.name) or e.is_dir()]
                    if strays:
                        self._refuse(os.path.join(entry.name, sorted(strays)[0]))
                elif not (entry.is_file(follow_symlinks=False) and entry.name in expected_files):
                    self._refuse(entry.name)
        except OSError as error:
            raise BriefmodelError(f"cannot write {self.out}: {describe(error)}") from None

    def _refuse(self, name: str) -> None:
        raise BriefmodelError(
            f"cannot write {self.out}: it holds {name}, which no export wrote; "
            "an export replaces only an empty folder or an earlier export (choose another folder)"
        )

    def create(self) -> Path:
        """Make the temporary folder (and the target's missing parents); return it."""
        parent, name = self.target.parent, self.target.name
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self._remove_stale(parent, name)
            while self.folder is None:
                candidate = parent / f".{name}.partial-{os.getpid()}-{secrets.token_hex(4)}"
                with contextlib.suppress(FileExistsError):
                    candidate.mkdir()
                    self.folder = self.made = candidate
        except OSError as error:
            raise BriefmodelError(f"cannot write {self.out}: {describe(error)}") from None
        return self.folder

    @staticmethod
    def _remove_stale(parent: Path, name: str) -> None:
        """Remove the temporary folders of earlier runs into the same target whose process is gone."""
        pattern = re.compile(re.escape(f".{name}.partial-") + r"(\d+)-[0-9a-f]{8}")
        for entry in os.scandir(parent):
            found = pattern.fullmatch(entry.name)
            if found and entry.is_dir(follow_symlinks=False) and not _alive(int(found.group(1))):
                shutil.rmtree(entry.path, ignore_errors=True)

    def shown(self, path: str) -> str:
        """``path`` with the temporary folder named as the target, as the user knows it."""
        if self.made is not None and path.startswith(str(self.made)):
            return self.out.rstrip("/") + path[len(str(self.made)) :]
        return path

    def commit(self, marker: dict[str, Any]) -> None:
        """Write the marker, flush to disk, and put the folder in place of the target."""
        folder = self.folder
        assert folder is not None, "create() first"
        with open(folder / MARKER, "w", encoding="utf-8") as handle:
            json.dump(marker, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        _fsync_folder(folder)
        with held():
            if self.target.is_dir():
                os.chmod(folder, stat.S_IMODE(self.target.stat().st_mode))  # the permissions of the one replaced
                if not _exchange(folder, self.target):
                    aside = folder.with_name(folder.name + "-old")
                    os.rename(self.target, aside)
                    try:
                        os.rename(folder, self.target)
                    except OSError:
                        os.rename(aside, self.target)  # the old output back in place
                        raise
                    folder = aside
                self.committed = True
                self.folder = folder  # now the old output: removed here, or by discard() if this is cut short
                shutil.rmtree(folder, ignore_errors=True)
            else:
                os.rename(folder, self.target)
                self.committed = True
            self.folder = None
            _fsync_folder(self.target.parent)

    def discard(self) -> None:
        """Remove the temporary folder, if any (signals held: a second Ctrl-C does not leave half of it)."""
        with held():
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = None


def _alive(pid: int) -> bool:
    if os.name != "posix":  # Windows has no signal 0: os.kill(pid, 0) would send it Ctrl-C
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by another user
    return True


def _fsync_folder(folder: Path) -> None:
    """Make a folder's entries durable (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux's ``renameat2``; ``False`` where it is not available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # no such function, or no C library to look in
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel, or a file system without the exchange
    raise OSError(number, os.strerror(number), str(second))
