"""Running a function over many items on several cores, results in input order.

Work goes to worker processes in chunks; with one job (or few items) it runs in this
process, so that results and their order never depend on the number of jobs.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from types import FrameType
from typing import TypeVar

from cablegram.errors import CablegramError

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    return os.cpu_count() or 1


def parallel_map(
    function: Callable[[T], R],
    items: Iterable[T],
    jobs: int | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[R]:
    """`map(function, items)` on `jobs` processes (default: all cores), in order."""
    work = list(items)
    if not work:  # nothing to do: no worker, and no initializer (it may be costly)
        return
    jobs = max(1, jobs or default_jobs())
    if jobs == 1 or len(work) < 2 * jobs:
        if initializer:
            initializer(*initargs)
        yield from map(function, work)
        return
    chunk = max(1, min(64, len(work) // (jobs * 4)))
    start = (initializer, *initargs)
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=start)
    try:
        for results in pool.map(partial(_call_all, function), _chunks(work, chunk)):
            yield from results
    except BaseException:  # a failure, Ctrl-C, or the caller stopped reading: stop now
        _stop(pool)
        raise
    finally:
        pool.shutdown()


def _chunks(work: list[T], size: int) -> Iterator[list[T]]:
    return (work[first : first + size] for first in range(0, len(work), size))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's work soon: the work not begun dropped, each worker told to drop the
    chunk it is on (Ctrl-C reaches the workers too, but SIGTERM or a failure only this
    process), and the workers waited for as they end."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(ProcessLookupError, TypeError):
            os.kill(process.pid, signal.SIGINT)
    pool.shutdown(wait=True, cancel_futures=True)


def _call_all(function: Callable[[T], R], items: list[T]) -> list[R]:
    """A chunk's results, on a worker; Ctrl-C stops it (and any chunk after it)."""
    if _STOPPED:
        raise KeyboardInterrupt
    _BUSY.append(True)
    try:
        return [_call(function, item) for item in items]
    finally:
        _BUSY.clear()


def _interrupt_if_busy(number: int, frame: FrameType | None) -> None:
    """A worker's SIGINT: the chunk it is on stops (its KeyboardInterrupt goes back to the
    main process as the chunk's result, which no one reads), and so will any other; an
    idle worker has nothing to stop, and a traceback of its own would be printed."""
    _STOPPED.append(True)
    if _BUSY:
        raise KeyboardInterrupt


_BUSY: list[bool] = []  # a worker is on a chunk
_STOPPED: list[bool] = []  # a worker was told to stop


def _call(function: Callable[[T], R], item: T) -> R:
    """`function(item)` on a worker; an exception that cannot travel back to the main
    process whole (lxml's hold their error logs, and an error class taking other
    arguments than its message cannot be rebuilt) travels as its message."""
    try:
        if _BROKEN:
            raise _BROKEN[0]
        return function(item)
    except Exception as exc:
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:
            if isinstance(exc, CablegramError):
                raise CablegramError(str(exc)) from None
            raise WorkerError(f"{type(exc).__name__}: {exc}") from None
        raise


_BROKEN: list[Exception] = []  # why this worker's initializer failed


class WorkerError(Exception):
    """An unexpected exception on a worker that could not be sent back as it was."""


def _start_worker(initializer: Callable[..., None] | None, *initargs: object) -> None:
    """Run the initializer, then leave what the worker holds from now on (the modules, the
    initializer's indexes: hundreds of thousands of objects that live as long as it does)
    out of the garbage collector's walks, and walk the young objects less often (a worker
    makes millions, nearly all freed as they go out of use, not by the collector): its
    walks had taken about a tenth of a worker's time."""
    signal.signal(signal.SIGINT, _interrupt_if_busy)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer:
        try:
            initializer(*initargs)
        except Exception as exc:  # told by each call (a pool whose worker dies is broken)
            _BROKEN.append(exc)
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)
