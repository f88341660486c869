"""The shape of what cablegram reads back from its own caches (the build state, the search
index's stamp, the site's redirect listing, a volume's pages): a cache is a file like any
other, which a crash, a copy, a merge or a hand can leave valid JSON of another shape. Each
reader checks the whole shape with these predicates and, on any deviation, takes the
cache for absent (the work is done again) rather than trusting a part of it.

Each predicate takes any value (`object`) and says whether it is of the shape: no
exception, whatever it is given."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

Check = Callable[[object], bool]

_NAME = re.compile(r"[^/\\\x00]+\Z")
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")


def read_json(path: Path, shape: Check) -> object | None:
    """The JSON value of the file at `path` if it is of `shape`; None when it is missing,
    unreadable, not JSON, or of another shape."""
    try:
        value = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    return value if shape(value) else None


def text(value: object) -> bool:
    return isinstance(value, str)


def integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def file_name(value: object) -> bool:
    """A name in one folder: no path, no '.' or '..'."""
    return isinstance(value, str) and value not in {".", ".."} and bool(_NAME.match(value))


def xml_id(value: object) -> bool:
    """An id as cablegram makes them (a document's, a file name's stem): no path."""
    return isinstance(value, str) and bool(_ID.match(value))


def mapping(keys: Check, values: Check) -> Check:
    """An object whose every key and value have these shapes."""
    return lambda value: (
        isinstance(value, dict) and all(keys(k) and values(v) for k, v in value.items())
    )


def listing(items: Check, length: int | None = None) -> Check:
    """A list whose every item has this shape (and `length` items, when given)."""
    return lambda value: (
        isinstance(value, list)
        and (length is None or len(value) == length)
        and all(items(item) for item in value)
    )


def record(required: dict[str, Check], optional: dict[str, Check] | None = None) -> Check:
    """An object with these keys (`required`, and any of `optional`), each of its shape,
    and no other."""
    known = {**required, **(optional or {})}

    def check(value: object) -> bool:
        return (
            isinstance(value, dict)
            and set(required) <= set(value)
            and set(value) <= set(known)
            and all(known[key](item) for key, item in value.items())
        )

    return check


def either(*shapes: Check) -> Check:
    return lambda value: any(shape(value) for shape in shapes)


def none(value: object) -> bool:
    return value is None
