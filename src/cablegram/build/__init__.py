"""Builds: the whole job on an edition, incrementally (`steps`), what a rendering step
must do again (`plan`) and the state the last build left (`state`)."""

from cablegram.build.steps import Built, Withdrawn, build

__all__ = ["Built", "Withdrawn", "build"]
