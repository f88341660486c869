"""py3langid's model, walked with numpy, and kept between runs.

`_VectorIdentifier` is py3langid's identifier with its byte walk done in a few numpy steps
(the scores are bit for bit py3langid's). Reading py3langid's model (an LZMA-compressed
file of 40 MB of arrays) and preparing it takes about half a second in every process that
identifies a language (each worker of a conversion, each run of the command line); so the
arrays a script's identifier needs are kept, uncompressed, in the user's cache
(`$XDG_CACHE_HOME/cablegram`, by default `~/.cache/cablegram`) and mapped from there by
later processes, which then start in a few milliseconds. The cache is named after
py3langid's version and the languages kept; a cache that cannot be written or read is
done without (the model is read as before), never an error.
"""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from py3langid.langid import MODEL_FILE, LanguageIdentifier

CACHE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class _Automaton:
    """py3langid's byte automaton as numpy arrays, and its depth (see `_VectorIdentifier`)."""

    nextmove: npt.NDArray[np.unsignedinteger]  # state → next, at `rowbase[state] + byte`
    rowbase: npt.NDArray[np.intp]
    output: npt.NDArray[np.intp]  # state → feature, or -1
    depth: int

    @classmethod
    def of(cls, identifier: LanguageIdentifier) -> _Automaton:
        nextmove = np.frombuffer(
            identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"
        )
        rows = np.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}")
        rowbase = rows.astype(np.intp) << 8
        output = np.asarray(identifier.tk_output, dtype=np.intp)
        return cls(nextmove, rowbase, output, _depth(nextmove, rows))

    def visits(self, data: bytes) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """The features met walking over `data` and how often, in order of first occurrence:
        the items of py3langid's `visit_counts`, without a Python step per byte."""
        codes = np.frombuffer(data, dtype=np.uint8)
        n = len(codes)
        states = np.zeros(n, dtype=np.intp)
        # Step j moves the walk ending at byte i over byte i - depth + 1 + j; a walk that
        # would start before the text starts at its first byte, in the start state.
        for j in range(self.depth):
            first = self.depth - 1 - j
            if first < n:
                states[first:] = self.nextmove[self.rowbase[states[first:]] + codes[: n - first]]
        features = self.output[states]
        at = np.flatnonzero(features >= 0)
        if not at.size:
            return at, at
        # One sort of (feature, position) keys groups each feature's occurrences, its first
        # one leading (faster than np.unique with return_index, a stable sort).
        shift = max(1, n.bit_length())
        keys = np.sort((features[at] << shift) | at)
        sorted_features = keys >> shift
        new = np.empty(len(keys), dtype=bool)
        new[0] = True
        np.not_equal(sorted_features[1:], sorted_features[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        counts = np.empty(len(starts), dtype=np.intp)
        counts[:-1] = starts[1:] - starts[:-1]
        counts[-1] = len(keys) - starts[-1]
        order = np.argsort(keys[starts] & ((1 << shift) - 1))
        return sorted_features[starts][order], counts[order]


def _depth(nextmove: npt.NDArray[np.unsignedinteger], rows: npt.NDArray[np.unsignedinteger]) -> int:
    """The automaton's depth: the most bytes from the start state to any state (breadth
    first; a transition row shared by several states is expanded once)."""
    by_row = nextmove.reshape(-1, 256)
    seen = np.zeros(len(rows), dtype=bool)
    row_seen = np.zeros(len(by_row), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while True:
        new_rows = np.unique(rows[frontier])
        new_rows = new_rows[~row_seen[new_rows]]
        row_seen[new_rows] = True
        reached = by_row[new_rows].ravel()
        frontier = np.unique(reached[~seen[reached]])
        if not frontier.size:
            return depth
        seen[frontier] = True
        depth += 1


class _VectorIdentifier(LanguageIdentifier):
    """py3langid's identifier, its byte walk done in a few numpy steps instead of a Python
    step per byte; the scores are the same, bit for bit.

    Why the walk is exact: py3langid's automaton is an Aho–Corasick automaton over its
    features (byte n-grams). Each state stands for a prefix of some feature, and the state
    after a text is the one of the longest suffix of the text that is such a prefix. So it
    depends on the text's last `depth` bytes only, `depth` being the length of the longest
    prefix; and since the shortest path to a state spells its prefix, `depth` is the
    greatest breadth-first distance from the start state (`_depth`, computed from the
    model, 6 for py3langid 0.4's). The state after byte i is therefore the state reached
    from the start state over bytes i - depth + 1 … i (over bytes 0 … i near the start:
    the true walk), and all positions take their `depth` steps together, one numpy gather
    per step. The features are counted in order of first occurrence, as in `visit_counts`'
    `Counter`, so the scores add them up in the same order as py3langid's `_sparse_score`
    and come out bit for bit the same. tests/test_language_speed_equivalence.py checks the
    premise on the model itself (from every state, `depth` bytes lead where they lead from
    the start state) and the scores against py3langid's own.
    """

    __slots__ = ("_automaton",)

    def __init__(self, *args: Any, automaton: _Automaton | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._automaton = automaton or _Automaton.of(self)

    @classmethod
    def of_arrays(cls, arrays: dict[str, npt.NDArray[Any]]) -> _VectorIdentifier:
        """An identifier from the arrays `_arrays` gives (or the cache keeps)."""
        rows = arrays["row"]
        automaton = _Automaton(
            arrays["nextmove"], rows.astype(np.intp) << 8, arrays["output"], int(arrays["depth"])
        )
        return cls(
            arrays["ptc"],
            arrays["pc"],
            [str(c) for c in arrays["classes"]],
            arrays["nextmove"],
            arrays["output"],
            norm_probs=True,
            tk_row=rows,
            automaton=automaton,
        )

    def _raw_score(self, text: bytes) -> npt.NDArray[np.float32]:
        features, counts = self._automaton.visits(text)
        if not features.size:  # py3langid's own score of featureless input
            return super()._raw_score(b"")
        # `_sparse_score`'s sum, on the arrays it builds from the `Counter` (features as
        # intp, counts as float32, both in order of first occurrence), without the `Counter`.
        return np.log1p(counts.astype(np.float32)) @ self.nb_ptc[features] + self.nb_pc


@cache
def full_model() -> _VectorIdentifier:
    """py3langid's whole model (all its languages), read from its own file."""
    return _VectorIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def identifier(languages: tuple[str, ...]) -> _VectorIdentifier:
    """The model restricted to `languages` (those of one script): from the cache when it
    holds them, else from the full model (and the cache written)."""
    folder = _cache_folder(languages)
    arrays = _read_cache(folder) if folder else None
    if arrays is None:
        arrays = _arrays(languages)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)  # a damaged cache, if any
            _write_cache(folder, arrays)
    return _VectorIdentifier.of_arrays(arrays)


def _arrays(languages: tuple[str, ...]) -> dict[str, npt.NDArray[Any]]:
    """What an identifier restricted to `languages` needs, from the full model."""
    model = full_model()
    restricted = copy.copy(model)
    restricted.set_languages(list(languages))
    automaton = model._automaton
    return {
        # set_languages keeps a view of the full model's columns: each feature's scores
        # then lie scattered over its whole row (142 columns); a copy of the few kept makes
        # the scoring's gather read a fraction of the memory (the values are the same)
        "ptc": np.ascontiguousarray(restricted.nb_ptc),
        "pc": np.asarray(restricted.nb_pc),
        "classes": np.array(restricted.nb_classes),
        "nextmove": automaton.nextmove,
        "row": np.frombuffer(model.tk_row, dtype=f"u{model.tk_row.itemsize}"),
        "output": automaton.output,
        "depth": np.array(automaton.depth),
    }


def _cache_folder(languages: tuple[str, ...]) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (
        str(Path.home() / ".cache") if os.environ.get("HOME") else ""
    )
    if not base:
        return None
    try:
        version = metadata.version("py3langid")
    except metadata.PackageNotFoundError:
        return None
    key = hashlib.sha256(f"{CACHE_FORMAT} {version} {' '.join(languages)}".encode()).hexdigest()
    return Path(base) / "cablegram" / f"langid-{version}-{key[:16]}"


def _read_cache(folder: Path) -> dict[str, npt.NDArray[Any]] | None:
    """The arrays kept in `folder`, mapped (not read) from their files; None when the
    cache is missing or damaged."""
    try:
        # plain arrays over the mapping (a `memmap` indexes through Python: slower)
        return {name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in _NAMES}
    except (OSError, ValueError):
        return None


def _write_cache(folder: Path, arrays: dict[str, npt.NDArray[Any]]) -> None:
    """Keep the arrays in `folder`, written whole or not at all: into a folder of their
    own, then renamed (another process may be writing the same cache)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".partial-"))
        try:
            for name in _NAMES:
                np.save(partial / f"{name}.npy", arrays[name], allow_pickle=False)
            partial.rename(folder)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)
    except OSError:
        return


_NAMES = ("ptc", "pc", "classes", "nextmove", "row", "output", "depth")
