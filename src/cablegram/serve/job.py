"""One incremental build, in a process of its own: `python -m cablegram.serve.job ARGS`,
ARGS the JSON of a `BuildJob`; its outcome, a JSON `BuildOutcome`, is the last line it
prints.

`serve` builds in a fresh process each time: the stylesheets, schemas and name index a
process compiles and keeps are then those of the files as they are now, a long build runs
beside the server's quick work on one page without sharing lxml's objects between threads,
and the build's worker processes are not forked from a process running threads.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cablegram import shapes
from cablegram.build import build
from cablegram.edition.config import CONFIG_NAME, read_config
from cablegram.errors import CablegramError

GENERAL = ""  # the key of an error that is no file's


@dataclass(frozen=True)
class BuildJob:
    """What to build: `build.build`'s directories (`print_dir` None: no print
    edition) and page size."""

    sources: str
    tei: str
    site: str
    print_dir: str | None
    page_size: int
    edition: str | None = None  # the folder of the edition's cablegram.toml, if it has one

    def start(self) -> RunningBuild:
        return RunningBuild(self)


class RunningBuild:
    """A build in a new process, in a session of its own (a Ctrl-C in the terminal stops
    the server, which then stops the build and its workers). What it prints goes to a
    file, not a pipe: a pipe's buffer, full of 10,000 page names, would stall it."""

    def __init__(self, job: BuildJob) -> None:
        self.output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by outcome or stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cablegram.serve.job", json.dumps(asdict(job))],
            stdout=self.output,
            start_new_session=True,
        )

    def done(self) -> bool:
        return self.process.poll() is not None

    def outcome(self) -> BuildOutcome:
        """What the finished build did."""
        returncode = self.process.wait()
        self.output.seek(0)
        outcome = BuildOutcome.read(self.output.read(), returncode)
        self.output.close()
        return outcome

    def stop(self) -> None:
        """Stop the build and its worker processes (its process group)."""
        if not self.done():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait()
        self.output.close()


@dataclass
class BuildOutcome:
    """What a build did: its errors by file (GENERAL: no file's), its warnings, the names
    of the pages it wrote, a summary line."""

    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    summary: str = ""

    @classmethod
    def read(cls, output: str, returncode: int) -> BuildOutcome:
        """The outcome a build process printed last; an error if it printed none."""
        lines = output.strip().splitlines()
        try:
            found = json.loads(lines[-1])
        except (IndexError, ValueError, RecursionError):
            found = None
        if isinstance(found, dict) and OUTCOME(found):
            return cls(**found)
        stopped = f"the build stopped (exit status {returncode}); its messages are above"
        return cls(errors={GENERAL: [stopped]})


# (a last line of another shape is no outcome: the build stopped before printing it)
OUTCOME = shapes.record(
    {},
    {
        "errors": shapes.mapping(shapes.text, shapes.listing(shapes.text)),
        "warnings": shapes.listing(shapes.text),
        "pages": shapes.listing(shapes.text),
        "summary": shapes.text,
    },
)


def run(job: BuildJob) -> BuildOutcome:
    """Build, and say what came of it; an expected failure is an error of the outcome."""
    outcome = BuildOutcome()
    try:
        edition = read_config(Path(job.edition) / CONFIG_NAME) if job.edition else None
        built = build(
            Path(job.sources),
            Path(job.tei),
            Path(job.site),
            Path(job.print_dir) if job.print_dir else None,
            page_size=job.page_size,
            edition=edition,
        )
    except CablegramError as exc:
        outcome.errors[GENERAL] = [str(exc)]
        return outcome
    for converted in built.converted:
        outcome.warnings += converted.warnings
        if not converted.done and converted.message:
            outcome.errors.setdefault(str(converted.source), []).append(converted.message)
    for issue in built.report.errors:
        outcome.errors.setdefault(issue.path, []).append(str(issue))
    if built.site is not None:
        outcome.pages = sorted(page.name for page in built.site.pages)
    steps = ", ".join(f"{step} {built.seconds[step]:.1f}" for step in built.seconds)
    outcome.summary = f"{built.report.summary()}; {len(outcome.pages)} pages written; {steps} s"
    return outcome


def main() -> None:
    job = BuildJob(**json.loads(sys.argv[1]))
    try:
        outcome = run(job)
    except Exception as exc:  # a bug: the server must hear of it and go on
        message = f"internal error while building ({type(exc).__name__}: {exc})"
        outcome = BuildOutcome(errors={GENERAL: [message]})
    print(json.dumps(asdict(outcome)))


if __name__ == "__main__":
    main()
