"""Learn the length model of each language pair from an edition's TEI files:
`python -m cablegram.align.learn TEI_DIR…` prints `c` and `s2` per pair, from the passages
the files link one to one (`lengths.LEARNT` holds what it found on the bundled corpus)."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from cablegram.align.lengths import learn
from cablegram.align.links import one_to_one_lengths


def main(paths: list[str]) -> None:
    """Print the length model of each language pair met in the TEI files given, from
    their one-to-one links."""
    found: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for name in paths:
        path = Path(name)
        for file in sorted(path.glob("*.xml")) if path.is_dir() else [path]:
            for languages, lengths in one_to_one_lengths(file).items():
                found[languages].extend(lengths)
    for (first, second), lengths in sorted(found.items()):
        model = learn(lengths)
        print(f"{first}-{second}: c={model.c} s2={model.s2} ({len(lengths)} pairs)")


if __name__ == "__main__":
    main(sys.argv[1:])
