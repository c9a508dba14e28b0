"""Fault injection for ``briefmodel export``: after every fault, the output folder is the previous one or a complete new one.

The faults: a worker process killed with SIGKILL (from inside, once or every
time, and from outside while the run goes on), Ctrl-C and SIGTERM sent to the
main process once progress has started, SIGKILL of the main process, a full
disk (a small tmpfs when the test may mount one; a writer that fails with
ENOSPC everywhere), a read-only file system and a denied permission, outputs
that cannot be replaced, and reruns with a mistyped path. After each, the
folder is checked by reading every table back and the completion marker
(``read_export``), or compared byte for byte with what it held before.
"""

import contextlib
import errno
import io
import os
import pty
import re
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
import briefmodel._cli.export as export_module
import briefmodel._cli.staging as staging_module
from briefmodel._cli import main
from briefmodel._cli.staging import MARKER

from .test_export import brief, read_export

pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[1]
FILES = 120
"""Inputs of the long runs: enough that a signal sent at the first progress lands well before the end."""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    """Temporary folders of exports into ``out`` still beside it."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.partial-"))


def write_inputs(root: Path, count: int, notes_count: int = 8) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (root / f"b{i:04}.txt").write_text(brief(i, notes_count=notes_count), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``FILES`` reports of a realistic size (150 notes): a few seconds of work."""
    return write_inputs(tmp_path_factory.mktemp("many"), FILES, notes_count=150)


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A good CSV export of two small reports in ``tmp_path/out``: the output a failed run must leave as it was."""
    inputs = write_inputs(tmp_path / "old", 2)
    out = tmp_path / "out"
    assert main(["export", str(inputs), "--to", "csv", str(out)]) == 0
    assert read_export(out)["reports"] == 2
    return out


def cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefmodel", "export", *args], capture_output=True, text=True, timeout=300, **kwargs
    )


# --- a worker killed -------------------------------------------------------------------------------------------


def dies_reading(path: str) -> Any:
    """``_read`` that kills its own worker with SIGKILL, as the out-of-memory killer would, on files named ``oom*``.

    ``oom-once*`` kills only the first worker that reads it (a flag file beside it
    records the death); ``oom-always*`` kills every one. Runs in the workers, which
    import this module by name and have the real ``_read``.
    """
    name = Path(path).name
    if name.startswith("oom-always") or (name.startswith("oom-once") and not Path(path + ".died").exists()):
        Path(path + ".died").write_text("", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return export_module._read(path)


RUN_WITH_DYING_WORKERS = """
import sys
import briefmodel as bm
import briefmodel._cli.export as export_module
import briefmodel._cli.staging as staging_module
import tests.test_export_faults as faults
export_module._read = faults.dies_reading
from briefmodel._cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_with_dying_workers(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line with ``dies_reading`` for ``_read``, in a process of its own (a hang fails by timeout)."""
    return subprocess.run(
        [sys.executable, "-c", RUN_WITH_DYING_WORKERS, "export", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


@pytest.mark.parametrize("to", ["csv", "parquet"])
def test_a_file_whose_worker_is_killed_once_is_read_again(tmp_path: Path, to: str) -> None:
    inputs = write_inputs(tmp_path / "in", 6)
    (inputs / "oom-once.txt").write_text(brief(7), encoding="utf-8")
    assert main(["export", str(inputs), "--to", to, str(tmp_path / "clean")]) == 0
    run = run_with_dying_workers(str(inputs), "--to", to, str(tmp_path / "out"), "--workers", "2")
    assert run.returncode == 0, run.stderr
    assert (inputs / "oom-once.txt.died").exists()  # it did die once
    lines = run.stderr.splitlines()
    assert (
        f"briefmodel: note: {inputs / 'oom-once.txt'}: its worker process was killed by SIGKILL "
        "(as the out-of-memory killer does); reading it again in a fresh one"
    ) in lines
    assert lines[-1].startswith("exported 7 of 7 files: 7 reports")
    marker = read_export(tmp_path / "out")
    assert marker == read_export(tmp_path / "clean")  # the same counts, nothing failed
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "clean")  # the same bytes, in the same order


def test_a_file_that_kills_every_worker_is_listed_as_failed_and_the_run_ends(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", 6)
    (inputs / "oom-always.txt").write_text(brief(7), encoding="utf-8")
    started = time.monotonic()
    run = run_with_dying_workers(str(inputs), "--to", "parquet", str(tmp_path / "out"), "--workers", "2")
    assert time.monotonic() - started < 120  # ends: no hang on the lost task
    assert run.returncode == 2, run.stderr
    bad = inputs / "oom-always.txt"
    cause = "its worker process was killed by SIGKILL (as the out-of-memory killer does)"
    assert f"briefmodel: error: {bad}: not read: {cause}, twice" in run.stderr.splitlines()
    assert run.stderr.splitlines()[-1].startswith("exported 6 of 7 files: 6 reports")
    assert "Traceback" not in run.stderr
    marker = read_export(tmp_path / "out")
    assert marker["failed"] == [{"path": str(bad), "reason": f"{bad}: not read: {cause}, twice"}]
    assert marker["reports"] == 6 and marker["exported"] == 6 and marker["files"] == 7


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from ``/proc``)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                if int(stat.rpartition(")")[2].split()[1]) == pid:
                    found.append(int(entry))
    return found


def workers_of(pid: int) -> list[int]:
    """The export's worker processes (not the resource tracker ``multiprocessing`` also starts)."""
    found = []
    for child in children(pid):
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
    return found


def gone(pid: int) -> bool:
    """Whether a process has ended (or is only a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return True


class Terminal:
    """The command line run with its standard error on a pseudo-terminal, so that it shows its progress bar."""

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        self.master = master
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefmodel", "export", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=slave,
            start_new_session=True,  # a process group of its own, as a shell gives a command
        )
        os.close(slave)
        self.output = b""

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; ``False`` at the end of the output."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the other side is closed
            return False
        self.output += data
        return bool(data)

    def wait_for_progress(self) -> None:
        """Until the progress bar counts a file read."""
        deadline = time.monotonic() + 120
        while not re.search(rb"\] [1-9]\d*/\d+ files", self.output):
            assert time.monotonic() < deadline and self.process.poll() is None, self.output
            self._read(0.1)

    def finish(self) -> tuple[int, str]:
        """The exit status and everything written to the terminal."""
        deadline = time.monotonic() + 120
        while self._read(0.1) and time.monotonic() < deadline:
            pass
        status = self.process.wait(timeout=120)
        os.close(self.master)
        return status, self.output.decode("utf-8", "replace")


def test_a_worker_killed_from_outside_is_replaced_and_the_export_completes(tmp_path: Path, many: Path) -> None:
    """SIGKILL of a worker process while the run goes on (busy or idle): the export is complete all the same."""
    terminal = Terminal(str(many), "--to", "parquet", str(tmp_path / "out"), "--workers", "2")
    terminal.wait_for_progress()
    (victim, *_) = workers_of(terminal.process.pid)
    os.kill(victim, signal.SIGKILL)
    status, output = terminal.finish()
    assert status == 0, output
    assert f"exported {FILES} of {FILES} files" in output and "Traceback" not in output
    marker = read_export(tmp_path / "out")
    one = bm.table_rows(bm.load(many / "b0000.txt"))  # every input has as many rows of each table
    assert marker["rows"] == {name: FILES * len(rows) for name, rows in one.items()}
    assert marker["failed"] == [] and marker["exported"] == FILES
    reports = pq.read_table(tmp_path / "out" / "reports").to_pydict()
    assert reports["title"] == [
        f"Russian Offensive Campaign Assessment, December {1 + i % 28}, 2024" for i in range(FILES)
    ]


# --- Ctrl-C, SIGTERM and SIGKILL of the main process -----------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "workers", "to", "group"),
    [
        (signal.SIGINT, 1, "csv", False),
        (signal.SIGINT, 2, "parquet", False),
        (signal.SIGINT, 2, "csv", True),  # Ctrl-C on a terminal: the workers get it too
        (signal.SIGTERM, 1, "parquet", False),
        (signal.SIGTERM, 2, "csv", False),
    ],
)
def test_a_signal_leaves_the_previous_output(
    previous: Path, many: Path, number: signal.Signals, workers: int, to: str, group: bool
) -> None:
    before = snapshot(previous)
    terminal = Terminal(str(many), "--to", to, str(previous), "--workers", str(workers))
    terminal.wait_for_progress()
    started = workers_of(terminal.process.pid)
    assert len(started) == (workers if workers > 1 else 0)
    assert leftovers(previous)  # it writes beside the target, not into it
    if group:
        os.killpg(terminal.process.pid, number)
    else:
        os.kill(terminal.process.pid, number)
    status, output = terminal.finish()
    if number == signal.SIGINT:
        assert status == 130
        line = f"briefmodel: interrupted; nothing exported, {previous} left as it was"
    else:
        assert status == 143
        line = f"briefmodel: stopped by SIGTERM; nothing exported, {previous} left as it was"
    assert output.count(line) == 1 and output.rstrip().endswith(line), output
    assert "Traceback" not in output
    assert snapshot(previous) == before
    read_export(previous)
    assert leftovers(previous) == []
    assert all(gone(pid) for pid in started)  # no worker left running


def test_ctrl_c_of_a_first_export_creates_nothing(tmp_path: Path, many: Path) -> None:
    out = tmp_path / "new" / "out"
    terminal = Terminal(str(many), "--to", "parquet", str(out))
    terminal.wait_for_progress()
    os.kill(terminal.process.pid, signal.SIGINT)
    status, output = terminal.finish()
    assert status == 130
    assert output.rstrip().endswith(f"briefmodel: interrupted; nothing exported, {out} not created")
    assert not out.exists() and leftovers(out) == []


def test_sigkill_of_the_main_process_leaves_the_previous_output(previous: Path, many: Path) -> None:
    """Nothing can clean up after SIGKILL: the old output stays, and the temporary folder, unmarked, goes next run."""
    before = snapshot(previous)
    terminal = Terminal(str(many), "--to", "parquet", str(previous), "--workers", "2")
    terminal.wait_for_progress()
    started = workers_of(terminal.process.pid)
    os.kill(terminal.process.pid, signal.SIGKILL)
    status, _ = terminal.finish()
    assert status == -signal.SIGKILL
    assert snapshot(previous) == before
    (left,) = leftovers(previous)
    assert not (previous.parent / left / MARKER).exists()  # nothing there reads as complete
    deadline = time.monotonic() + 60
    while not all(gone(pid) for pid in started):  # the workers see their pipe closed and stop
        assert time.monotonic() < deadline
        time.sleep(0.1)
    inputs = write_inputs(previous.parent / "again", 3)
    assert main(["export", str(inputs), "--to", "csv", str(previous)]) == 0
    assert read_export(previous)["reports"] == 3
    assert leftovers(previous) == []  # the dead run's folder removed


# --- a full disk -------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def mounted(folder: Path, options: str) -> Iterator[None]:
    """A tmpfs mounted on ``folder`` (skips the test when this process may not mount one)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    except FileNotFoundError:
        pytest.skip("no mount command here to make a small file system")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.mark.parametrize("to", ["csv", "parquet"])
def test_a_full_disk_leaves_the_previous_output(tmp_path: Path, many: Path, to: str) -> None:
    disk = tmp_path / "disk"
    with mounted(disk, "size=512k"):
        out = disk / "out"
        assert main(["export", str(write_inputs(tmp_path / "old", 2)), "--to", to, str(out)]) == 0
        before = snapshot(out)
        run = cli(str(many), "--to", to, str(out))
        assert run.returncode == 2
        (line,) = run.stderr.splitlines()
        pattern = rf"briefmodel: error: cannot write {re.escape(str(out))}/\S+: No space left on device; "
        assert re.fullmatch(pattern + rf"nothing exported, {re.escape(str(out))} left as it was", line), line
        assert snapshot(out) == before
        read_export(out)
        assert leftovers(out) == []
        assert sum(p.stat().st_size for p in disk.rglob("*") if p.is_file()) == sum(map(len, before.values()))


class _FullDisk:
    """A file object whose writes fail with ENOSPC once ``room`` characters are written (the file names no path)."""

    def __init__(self, handle: Any, room: int) -> None:
        self.handle = handle
        self.room = room

    def write(self, text: str) -> int:
        self.room -= len(text)
        if self.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self.handle.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_enospc_while_writing_csv_names_the_table_and_leaves_the_previous_output(
    previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same fault without a small file system: the CSV writer's file fails with ENOSPC part way."""
    real_writer = export_module.csv.writer

    def writer(handle: Any, *args: Any) -> Any:
        if Path(handle.name).name == "claims.csv":
            handle = _FullDisk(handle, room=20_000)
        return real_writer(handle, *args)

    monkeypatch.setattr(export_module.csv, "writer", writer)
    before = snapshot(previous)
    inputs = write_inputs(previous.parent / "in", 40)
    assert main(["export", str(inputs), "--to", "csv", str(previous)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"briefmodel: error: cannot write {previous}/claims.csv: No space left on device; "
        f"nothing exported, {previous} left as it was\n"
    )
    assert snapshot(previous) == before and leftovers(previous) == []


def test_enospc_while_writing_parquet_leaves_the_previous_output(
    previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = {"count": 0}
    real = pq.ParquetWriter.write_table

    def write_table(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls["count"] += 1
        if calls["count"] == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", write_table)
    monkeypatch.setattr(export_module, "FLUSH_BYTES", 1)  # a row group per file read
    before = snapshot(previous)
    inputs = write_inputs(previous.parent / "in", 6)
    assert main(["export", str(inputs), "--to", "parquet", str(previous)]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(
        rf"briefmodel: error: cannot write {re.escape(str(previous))}/\w+/part-00000\.parquet: No space left on "
        rf"device; nothing exported, {re.escape(str(previous))} left as it was\n",
        err,
    ), err
    assert snapshot(previous) == before and leftovers(previous) == []


# --- read-only, permission denied, outputs that cannot be replaced ----------------------------------------------


def test_a_read_only_file_system(tmp_path: Path, many: Path) -> None:
    disk = tmp_path / "disk"
    with mounted(disk, "size=4m"):
        out = disk / "out"
        assert main(["export", str(write_inputs(tmp_path / "old", 2)), "--to", "csv", str(out)]) == 0
        before = snapshot(out)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        for target in (out, disk / "new" / "out"):
            run = cli(str(many), "--to", "parquet", str(target))
            assert run.returncode == 2
            assert run.stderr == f"briefmodel: error: cannot write {target}: Read-only file system\n"
        assert snapshot(out) == before
        read_export(out)


def test_permission_denied(previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder the user may not write to. As root, permissions do not stop writes: then the folder's creation is
    made to fail as it would for another user."""
    before = snapshot(previous)
    inputs = write_inputs(previous.parent / "in", 3)
    if os.geteuid() == 0:
        real_mkdir = Path.mkdir

        def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
            if ".partial-" in self.name:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", mkdir)
    else:
        previous.parent.chmod(0o555)
    try:
        assert main(["export", str(inputs), "--to", "csv", str(previous)]) == 2
    finally:
        previous.parent.chmod(0o755)
    assert capsys.readouterr().err == f"briefmodel: error: cannot write {previous}: Permission denied\n"
    assert snapshot(previous) == before and leftovers(previous) == []


def _put(path: Path, text: str = "x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


REFUSED = "which no export wrote; an export replaces only an empty folder or an earlier export (choose another folder)"


@pytest.mark.parametrize(
    ("make", "target", "message"),
    [
        (lambda t: _put(t / "file"), "file", "it is a file, not a folder"),
        (lambda t: _put(t / "file"), "file/below/out", "file is a file, not a folder"),
        (lambda t: _put(t / "out" / "claims"), "out", f"it holds claims, {REFUSED}"),
        (lambda t: _put(t / "out" / "README.md"), "out", f"it holds README.md, {REFUSED}"),
        (lambda t: _put(t / "out" / "claims" / "mine.parquet"), "out", f"it holds claims/mine.parquet, {REFUSED}"),
    ],
)
def test_an_output_that_cannot_be_replaced_is_one_line_before_anything_is_read(
    tmp_path: Path, make: Any, target: str, message: str
) -> None:
    make(tmp_path)
    before = snapshot(tmp_path)
    inputs = write_inputs(tmp_path.parent / f"{tmp_path.name}-in", 2)
    run = cli(str(inputs), "--to", "csv", target, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == f"briefmodel: error: cannot write {target}: {message}\n"
    assert snapshot(tmp_path) == before


# --- reruns that find nothing to read ---------------------------------------------------------------------------


def test_a_rerun_with_a_mistyped_path_keeps_the_previous_export(previous: Path) -> None:
    before = snapshot(previous)
    good = write_inputs(previous.parent / "in", 2)
    mistyped = previous.parent / "reprots"
    for args in ([str(mistyped)], [str(good), str(mistyped)]):
        run = cli(*args, "--to", "parquet", str(previous))
        assert run.returncode == 2
        assert run.stderr == f"briefmodel: error: cannot read {mistyped}: No such file or directory; nothing exported\n"
        assert snapshot(previous) == before
    (previous.parent / "empty").mkdir()
    (previous.parent / "empty" / "notes.md").write_text("x")
    run = cli(str(previous.parent / "empty"), "--to", "csv", str(previous))
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == (
        "briefmodel: error: no files to export (folders are searched for .txt, .html or .htm files); nothing exported"
    )
    assert snapshot(previous) == before and leftovers(previous) == []


def test_a_run_where_every_file_fails_keeps_the_previous_export(previous: Path) -> None:
    before = snapshot(previous)
    bad = previous.parent / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    run = cli(str(bad), "--to", "csv", str(previous))
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == (
        f"briefmodel: error: no file could be read (1 failed); nothing exported, {previous} left as it was"
    )
    assert snapshot(previous) == before and leftovers(previous) == []


def test_export_in_a_thread_cannot_set_signal_handlers_and_still_works(tmp_path: Path) -> None:
    """Signal handlers belong to the main thread: an export run from another thread goes without them."""
    inputs = write_inputs(tmp_path / "in", 2)
    result: dict[str, int] = {}
    thread = threading.Thread(
        target=lambda: result.update(
            status=export_module.export([str(inputs)], str(tmp_path / "out"), err=io.StringIO())
        )
    )
    thread.start()
    thread.join(120)
    assert result == {"status": 0}
    read_export(tmp_path / "out")


# --- putting the export in place without an atomic exchange -----------------------------------------------------


def test_without_an_atomic_exchange_the_old_export_is_moved_aside_then_removed(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staging_module, "_exchange", lambda first, second: False)
    inputs = write_inputs(previous.parent / "in", 3)
    assert main(["export", str(inputs), "--to", "parquet", str(previous)]) == 0
    assert read_export(previous)["reports"] == 3
    assert sorted(p.name for p in previous.parent.iterdir()) == ["in", "old", "out"]


def test_a_failed_rename_puts_the_old_export_back(
    previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the exchange, the old folder is moved aside first; if the new one then cannot be renamed in, the
    old one goes back."""
    monkeypatch.setattr(staging_module, "_exchange", lambda first, second: False)
    real_rename = os.rename

    def rename(source: Any, target: Any) -> None:
        if ".partial-" in Path(source).name and not Path(source).name.endswith("-old"):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))
        real_rename(source, target)

    monkeypatch.setattr(staging_module.os, "rename", rename)
    before = snapshot(previous)
    inputs = write_inputs(previous.parent / "in", 3)
    assert main(["export", str(inputs), "--to", "csv", str(previous)]) == 2
    assert capsys.readouterr().err.endswith(
        f"briefmodel: error: cannot write {previous}: Device or resource busy; nothing exported, {previous} left as it "
        "was\n"
    )
    assert snapshot(previous) == before and leftovers(previous) == []


def test_ctrl_c_just_after_the_export_is_in_place_says_it_is_complete(
    previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = staging_module._fsync_folder

    def fsync_then_ctrl_c(folder: Path) -> None:
        real(folder)
        if folder == previous.parent:  # the last step, once the new export is in place
            raise KeyboardInterrupt

    monkeypatch.setattr(staging_module, "_fsync_folder", fsync_then_ctrl_c)
    inputs = write_inputs(previous.parent / "in", 3)
    assert main(["export", str(inputs), "--to", "csv", str(previous)]) == 130
    assert capsys.readouterr().err == f"briefmodel: interrupted; {previous} is complete\n"
    assert read_export(previous)["reports"] == 3 and leftovers(previous) == []
