"""The `cablegram` command (and `python -m cablegram`): its modules are loaded under the
same handling of Ctrl-C as its work, so that an interruption is one line, never a
traceback."""

from __future__ import annotations

import sys


def run() -> None:
    from cablegram.exits import INTERRUPTED, stop_on_signals

    stop_on_signals()
    try:
        from cablegram.cli import main
    except KeyboardInterrupt as exc:
        number = getattr(exc, "signal", 2)
        sys.stderr.write("interrupted\n")
        sys.exit(INTERRUPTED + number)
    main()


if __name__ == "__main__":
    run()
