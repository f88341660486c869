"""How long a passage's translation is: Gale and Church's length model, per language pair.

Gale and Church (1993) found that the length of a translation, in characters, is close to a
constant `c` times the length of its original, with a variance `s2` that grows with the
length; how far a pair of passages strays from that is a normal deviate
`delta = (lb - c·la) / sqrt(s2·la)`, and `-log P(|delta|)` is what a pairing costs.

`c` and `s2` are learnt per language pair from the corpus: `learn` takes the lengths of
passages linked one-to-one and returns the model (`python -m cablegram.align.learn
TEI_DIR…` prints it for an edition's files); LEARNT holds what it found on the bundled
corpus (seeds, variants and archive samples: learnt, aligned again with what was learnt,
learnt again until it stayed), and a pair it has not seen falls back to Gale and Church's
own values, or to `c = 1` within a language.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

GALE_CHURCH = 6.8  # the variance Gale and Church measured (English-French, English-German)


@dataclass(frozen=True)
class LengthModel:
    """`c`: characters of the second language per character of the first; `s2`: variance."""

    c: float = 1.0
    s2: float = GALE_CHURCH

    def delta(self, la: int, lb: int) -> float:
        """How far lengths `la` and `lb` stray from the model, in standard deviations."""
        mean = (la + lb / self.c) / 2  # Gale and Church's estimate of the original's length
        return (lb - self.c * la) / math.sqrt(self.s2 * max(mean, 1.0))

    def cost(self, la: int, lb: int) -> float:
        """-log of the probability that passages of these lengths translate each other."""
        if la == 0 and lb == 0:
            return 0.0
        probability = math.erfc(abs(self.delta(la, lb)) / math.sqrt(2))  # 2·(1 - Φ(|δ|))
        return -math.log(max(probability, 1e-12))

    def reversed(self) -> LengthModel:
        """The model of the pair read the other way round."""
        return LengthModel(1 / self.c, self.s2 / self.c)


# Learnt on the bundled corpus (python -m cablegram.align.lengths tei/ …); see module doc.
LEARNT: dict[tuple[str, str], LengthModel] = {
    ("ru", "en"): LengthModel(1.08, 3.4),
    ("de", "en"): LengthModel(0.96, 2.7),
    ("zh", "en"): LengthModel(3.58, 10.6),
}
SAME_LANGUAGE = LengthModel(1.0, 2.0)  # a scan and its transcript: the same words


def model_for(first: str, second: str) -> LengthModel:
    """The length model of passages in language `first` against `second`."""
    if first == second:
        return SAME_LANGUAGE
    if (first, second) in LEARNT:
        return LEARNT[(first, second)]
    if (second, first) in LEARNT:
        return LEARNT[(second, first)].reversed()
    return LengthModel()


def learn(pairs: Iterable[tuple[int, int]]) -> LengthModel:
    """The model of a language pair from the lengths of passages linked one to one:
    `c` the ratio of the totals, `s2` the mean squared deviation per character."""
    pairs = [(la, lb) for la, lb in pairs if la > 0 and lb > 0]
    if not pairs:
        return LengthModel()
    c = sum(lb for _, lb in pairs) / sum(la for la, _ in pairs)
    s2 = sum((lb - c * la) ** 2 / la for la, lb in pairs) / len(pairs)
    return LengthModel(round(c, 2), round(max(s2, 1.0), 1))
