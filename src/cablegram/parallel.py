"""Running a function over many items on several cores, results in input order.

Work goes to worker processes in chunks; with one job (or few items) it runs in this
process, so that results and their order never depend on the number of jobs.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

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
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=start) as pool:
        yield from pool.map(function, work, chunksize=chunk)


def _start_worker(initializer: Callable[..., None] | None, *initargs: object) -> None:
    """Run the initializer, then leave what the worker holds from now on (the modules, the
    initializer's indexes: hundreds of thousands of objects that live as long as it does)
    out of the garbage collector's walks, and walk the young objects less often (a worker
    makes millions, nearly all freed as they go out of use, not by the collector): its
    walks had taken about a tenth of a worker's time."""
    if initializer:
        initializer(*initargs)
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)
