"""What the aligner knows of a block: the evidence two versions of a passage share.

A `Passage` is a block (`encode.anchors.Block`) reduced to what survives translation: its
zone (opener, body, closer) and role (a salute, a dateline, the document type line, a
paragraph, point 3), the quoted text it stands in, the entities it names (their `@ref`,
the same in every language), the dates it gives (`@when`), the numbers written in it,
and its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from cablegram.encode.anchors import Block
from cablegram.encode.xml import TEI_NS

T = f"{{{TEI_NS}}}"
ZONE = {"o": "opener", "c": "closer"}
NUMBER = re.compile(r"\d+")
# the number or letter a paragraph opens with when it is a point set as a paragraph:
# "1.", "2)", "a)", "(b)", "IV."
LEADING_POINT = re.compile(r"^\s*\(?([0-9]{1,3}|[a-zа-я]|[IVX]{1,5})[.)]\s", re.IGNORECASE)
NAMES = (f"{T}persName", f"{T}placeName", f"{T}orgName", f"{T}name", f"{T}rs")
DATED = (f"{T}date", f"{T}time")
# Cyrillic and Latin letters that look alike and stand for the same point letter
POINT_LETTERS = str.maketrans("абвгде", "abvgde")
CHINESE_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九", 0)}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True)
class Passage:
    """A block as evidence: `anchor` is its xml:id."""

    anchor: str
    zone: str  # opener | body | closer
    role: str  # salute, dateline, seg:doctype, signed, note:clerk…; p, item, head, sp, note
    quote: str  # the quoted text it stands in ("" for none; "q1", "q1-q2"…)
    point: str  # the point's number or letter ("3", "b"), else ""
    refs: frozenset[str]
    dates: frozenset[str]
    numbers: frozenset[str]
    length: int  # characters of its text, spaces collapsed
    empty: bool  # no words: nothing to align

    @classmethod
    def of(cls, block: Block, anchor: str) -> Passage:
        element = block.element
        text = " ".join("".join(element.itertext()).split())
        zone = ZONE.get(block.kind, "body")
        name = etree.QName(element).localname
        role = f"{name}:{element.get('type')}" if element.get("type") else name
        if zone == "body":
            role = "item" if name == "item" else ("p" if name in {"p", "ab"} else name)
        derived = block.anchor[len(block.version) + 1 :]
        scope = derived.rsplit("-", 1)[0] if block.quote else ""
        return cls(
            anchor=anchor,
            zone=zone,
            role=role,
            quote=scope,
            point=_point(element, text),
            refs=frozenset(
                ref for e in element.iter(*NAMES) for ref in (e.get("ref") or "").split() if ref
            ),
            dates=frozenset(e.get("when") or e.get("from") or "" for e in element.iter(*DATED))
            - {""},
            numbers=frozenset(n.lstrip("0") or "0" for n in NUMBER.findall(text)),
            length=len(text),
            empty=not text,
        )


def _point(element: etree._Element, text: str) -> str:
    """A point's number or letter: an item's @n, or the "3." a paragraph begins with; a
    number as digits whether written so, in Chinese (三) or in Roman numerals (III, iv)."""
    value = (element.get("n") if element.tag == f"{T}item" else None) or ""
    if not value and (match := LEADING_POINT.match(text)):
        value = match[1]
    value = value.strip()
    if value and all(c in CHINESE_DIGITS or c == "十" for c in value):
        return str(_chinese(value))
    if value and (value.isupper() or len(value) > 1) and set(value.lower()) <= ROMAN.keys():
        return str(_roman(value.lower()))
    return value.lower().translate(POINT_LETTERS)


def _chinese(numeral: str) -> int:
    """一 1, 十 10, 十二 12, 二十三 23."""
    if "十" not in numeral:
        return int("".join(str(CHINESE_DIGITS[c]) for c in numeral))
    tens, _, units = numeral.partition("十")
    return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(units, 0)


def _roman(numeral: str) -> int:
    values = [ROMAN[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def merged(first: Passage, second: Passage) -> Passage:
    """Two adjacent blocks of one version read as one (the other version joined them)."""
    return Passage(
        anchor=f"{first.anchor} {second.anchor}",
        zone=first.zone if first.zone == second.zone else "mixed",
        role=first.role if first.role == second.role else "mixed",
        quote=first.quote if first.quote == second.quote else "mixed",
        point=first.point or second.point,
        refs=first.refs | second.refs,
        dates=first.dates | second.dates,
        numbers=first.numbers | second.numbers,
        length=first.length + second.length,
        empty=first.empty and second.empty,
    )
