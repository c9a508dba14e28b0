"""Reading files in worker processes that may die: a lost file is read once more in a fresh worker, then given up.

A worker process can be killed from outside at any moment (the out-of-memory
killer sends SIGKILL). ``multiprocessing.Pool`` then waits forever for the lost
task, and ``concurrent.futures.ProcessPoolExecutor`` fails every task in flight
with ``BrokenProcessPool``, the innocent ones with the guilty one. Here each
worker is a process of its own with a pipe, and the main process waits on the
pipes and on the processes' sentinels together: a worker that dies is seen at
once, the one file it was reading is handed to a fresh worker, and a file whose
worker dies twice is given up (``lost`` gives its result). Nothing else is
charged, and the run always ends.

Results come back in the order of the files. At most ``2 * workers`` files are
handed out beyond the first one not yet returned, so memory stays bounded
however slow one file is. Workers ignore Ctrl-C: the main process decides, and
ends them all when it stops early.

``briefmodel export`` and ``Corpus`` read their files through it.
"""

import contextlib
import heapq
import multiprocessing
import signal
from collections.abc import Callable, Generator, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, Generic, TypeVar

from briefmodel._errors import BriefmodelError

__all__ = ["read_all"]

T = TypeVar("T")

JOIN_SECONDS = 5.0
"""How long a worker told to stop, or to terminate, is waited for before it is killed."""


def read_all(
    files: Sequence[str],
    read: Callable[[str], T],
    workers: int,
    *,
    lost: Callable[[str, str], T],
    retried: Callable[[str, str], None] = lambda path, cause: None,
) -> Generator[T, None, None]:
    """``read(path)`` for each file, in order; ``workers`` processes, or this one if ``workers <= 1``.

    ``read`` must be a module-level function (workers import it by name). When a
    worker dies reading a file, ``retried(path, cause)`` is called and the file is
    read again in a fresh worker; if that one dies too, ``lost(path, cause)`` is its
    result. Closing the iterator early ends every worker.
    """
    if workers <= 1:
        yield from map(read, files)
        return
    pool = _Pool(files, read, workers, lost, retried)
    try:
        yield from pool.run()
    finally:
        pool.stop()


def _serve(connection: Connection, read: Callable[[str], Any]) -> None:
    """A worker: read each path sent, send back the result, until told to stop or the main process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(EOFError, OSError):
        while (path := connection.recv()) is not None:
            connection.send(read(path))


class _Worker:
    def __init__(self, context: SpawnContext, read: Callable[[str], Any]) -> None:
        self.connection, self.child = context.Pipe()
        self.process: SpawnProcess = context.Process(target=_serve, args=(self.child, read), daemon=True)
        self.task: int | None = None

    def start(self) -> None:
        try:
            with _sigint_blocked():  # a Ctrl-C while it starts must not reach it before it ignores Ctrl-C
                self.process.start()
        except OSError as error:
            raise BriefmodelError(f"cannot start a worker process: {error.strerror or error}") from None
        finally:
            self.child.close()


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread (the child started within inherits the mask); a pending one is raised after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


class _Pool(Generic[T]):
    def __init__(
        self,
        files: Sequence[str],
        read: Callable[[str], T],
        workers: int,
        lost: Callable[[str, str], T],
        retried: Callable[[str, str], None],
    ) -> None:
        self.files = files
        self.read = read
        self.size = workers
        self.lost = lost
        self.retried = retried
        self.context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
        self.workers: list[_Worker] = []
        self.waiting = list(range(len(files)))  # a heap: a file read again goes before the later ones
        self.results: dict[int, T] = {}
        self.deaths: dict[int, int] = {}
        self.window = 2 * workers

    def run(self) -> Iterator[T]:
        following = 0
        while following < len(self.files):
            self._hand_out(following)
            busy = [w for w in self.workers if w.task is not None]
            if not busy:  # cannot happen: the file to return next is waiting, in flight or done
                raise RuntimeError(f"workers: no worker holds file {following}")
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in self.workers])
            for worker in list(self.workers):
                if worker.connection in ready or worker.process.sentinel in ready:
                    self._collect(worker)
            while following in self.results:
                yield self.results.pop(following)
                following += 1

    def _hand_out(self, following: int) -> None:
        while self.waiting and self.waiting[0] < following + self.window:
            idle = next((w for w in self.workers if w.task is None), None)
            if idle is None:
                if len(self.workers) >= self.size:
                    return
                idle = _Worker(self.context, self.read)
                self.workers.append(idle)  # before it starts: a Ctrl-C raised as it starts still ends it
                idle.start()
            task = heapq.heappop(self.waiting)
            idle.task = task
            with contextlib.suppress(OSError):  # it died already: its sentinel says so in the next wait
                idle.connection.send(self.files[task])

    def _collect(self, worker: _Worker) -> None:
        if worker.task is not None and worker.connection.poll():
            try:
                result = worker.connection.recv()
            except (EOFError, OSError):  # died before or while sending: wait until it is gone
                worker.process.join(JOIN_SECONDS)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
            else:
                self.results[worker.task] = result
                worker.task = None
                return
        if worker.process.is_alive():
            return
        self.workers.remove(worker)
        worker.connection.close()
        worker.process.join()
        if worker.task is None:
            return  # died idle: a fresh one is started when there is work
        task, path = worker.task, self.files[worker.task]
        cause = _cause(worker.process.exitcode)
        self.deaths[task] = self.deaths.get(task, 0) + 1
        if self.deaths[task] == 1:
            self.retried(path, cause)
            heapq.heappush(self.waiting, task)
        else:
            self.results[task] = self.lost(path, cause)

    def stop(self) -> None:
        """Tell idle workers to stop; end the others (on an early stop, every one) and wait for all."""
        started = [w for w in self.workers if w.process.pid is not None]
        for worker in self.workers:
            if worker not in started:
                worker.connection.close()
        self.workers = started
        for worker in self.workers:
            if worker.task is None:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
            else:
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(JOIN_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []


def _cause(exitcode: int | None) -> str:
    """How a worker died, in words."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (as the out-of-memory killer does)" if -exitcode == signal.SIGKILL else ""
        return f"its worker process was killed by {name}{hint}"
    return f"its worker process exited with status {exitcode}"
