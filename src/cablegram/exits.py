"""How a command ends: its exit code, and one line on stderr for what went wrong.

Every command of `cablegram` ends in one of these ways, whatever happened on the way (an
expected failure, a full disk, Ctrl-C, a bug): never with a traceback, never leaving a
temporary file behind (`files.discard_pending`).
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

import click

from cablegram.errors import CablegramError, Problems, one_line
from cablegram.files import discard_pending

# 0: everything done
FAILED = 1  # some document failed, was invalid or was kept (the rest was done)
UNUSABLE = 2  # a usage or edition error (option, cablegram.toml, authority files): nothing done
SYSTEM = 3  # the system failed (disk full, permission denied): no partial file is left
INTERNAL = 4  # a bug in cablegram: one line says what (CABLEGRAM_DEBUG=1 shows the traceback)
INTERRUPTED = 128  # + the signal's number: 130 for Ctrl-C (SIGINT), 143 for SIGTERM

DEBUG = "CABLEGRAM_DEBUG"

# what the system's error numbers mean for the editor, where strerror says too little
ADVICE = {
    errno.ENOSPC: "the disk is full: free some space and run the command again",
    errno.EDQUOT: "the disk quota is used up: free some space and run the command again",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
}


def fail(problem: str | CablegramError, status: int) -> NoReturn:
    """End the command: `error: problem` on stderr (a line for each of `Problems`),
    temporary files removed, `status`."""
    discard_pending()
    lines = problem.lines if isinstance(problem, Problems) else [str(problem)]
    for line in lines:
        click.echo(f"error: {one_line(line)}", err=True)
    sys.exit(status)


def system_problem(exc: OSError) -> str:
    """An OSError as the editor needs it: the file, and what to do."""
    problem = ADVICE.get(exc.errno or 0) or exc.strerror or str(exc)
    names = [str(name) for name in (exc.filename, exc.filename2) if name]
    return f"{' -> '.join(names)}: {problem}" if names else problem


class Shell(click.Group):
    """The `cablegram` group: a command's failure becomes one line and an exit code.

    A `CablegramError` that no command reported itself means the edition cannot be used
    (2); an `OSError`, that the system failed (3); any other exception is a bug (4);
    Ctrl-C or SIGTERM stop the command (128 + the signal) once its temporary files are
    removed: the files already written are whole, and running the command again completes
    the work.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt as exc:  # Ctrl-C, or `Interrupted` by a signal
            _ignore_signals()  # a second Ctrl-C (or SIGTERM to the group) while ending
            discard_pending()
            number = exc.signal if isinstance(exc, Interrupted) else signal.SIGINT
            name = signal.Signals(number).name
            click.echo(f"interrupted ({name}): the files written are whole", err=True)
            sys.exit(INTERRUPTED + number)
        except CablegramError as exc:
            fail(exc, UNUSABLE)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader of our output went away (`| head`)
                discard_pending()
                os._exit(FAILED)  # nothing more can be said on a closed pipe
            if os.environ.get(DEBUG):
                raise
            fail(system_problem(exc), SYSTEM)
        except Exception as exc:
            if os.environ.get(DEBUG):
                raise
            fail(
                f"internal error ({type(exc).__name__}: {exc}); please report it, with the "
                f"output of the command run again with {DEBUG}=1",
                INTERNAL,
            )


class Interrupted(KeyboardInterrupt):
    """A signal that stops the command (SIGINT, SIGTERM), raised where the code was."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.signal = number


def stop_on_signals() -> None:
    """Make SIGINT (Ctrl-C) and SIGTERM raise `Interrupted` where the code is, so that the
    command's writers remove their temporary files (SIGTERM would end it at once)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, _interrupted)


def _ignore_signals() -> None:
    """Ignore the signals `stop_on_signals` handles (where it does: not in a test run)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is _interrupted:
            signal.signal(number, signal.SIG_IGN)


def _interrupted(number: int, frame: FrameType | None) -> None:
    raise Interrupted(number)
