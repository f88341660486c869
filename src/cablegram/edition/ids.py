"""The ids documents keep: a document's id is its base id (encode.ids), and a second
document with the same base id gets `-2`, a third `-3` …

Given in source order alone, these suffixes would move between documents whenever the
corpus changes (a new source sorted before the others, one removed, everything converted
again after a code change): the pages' URLs with them. So an id once given to a source
stays with it as long as the source converts to the same base id (`previous`: the id and
base id each source had, from the build state), ids of documents not converted again stay
theirs (`reserved`), and a new document gets the first id of its base that neither holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


class IdAssigner:
    """Gives ids, one source after another, in source order."""

    def __init__(
        self,
        reserved: Iterable[str] = (),
        previous: Mapping[str, tuple[str, str | None]] | None = None,
    ) -> None:
        # source name -> the id it was given before and its base id (None: not recorded)
        self.previous = previous or {}
        self.used = set(reserved)  # ids given: the kept documents' and this run's
        # the ids of the sources of this run that had one, held until each gets its own
        self.held = {xml_id: name for name, (xml_id, _) in self.previous.items()}

    def assign(self, source: str, base: str) -> str:
        """The id of the document of the source named `source`, whose base id is `base`."""
        mine, was = self.previous.get(source, (None, None))
        if mine is not None and self.held.get(mine) == source:
            del self.held[mine]
        if mine is not None and mine not in self.used and _of_base(mine, was, base):
            chosen = mine
        else:
            chosen = next(c for c in _candidates(base) if c not in self.used and c not in self.held)
        self.used.add(chosen)
        return chosen


def _of_base(xml_id: str, was: str | None, base: str) -> bool:
    """Whether an id given for the base id `was` fits the base id `base`. A state written
    before base ids were recorded (`was` None) tells only that the id is `base` or `base`
    with a number after it (a number that may also be the document's own)."""
    if was is not None:
        return was == base
    suffix = xml_id.removeprefix(base)
    return xml_id.startswith(base) and (not suffix or re.fullmatch(r"-\d+", suffix) is not None)


def _candidates(base: str) -> Iterable[str]:
    yield base
    number = 2
    while True:
        yield f"{base}-{number}"
        number += 1
