"""The interface's words for code outside the stylesheets (the print edition's volume label):
the same catalogue the stylesheets read (`xslt/common/messages.xml`, through
`xslt/common/messages.xsl`), with the same rules: the edition's language when the catalogue
has it, else English; {1}, {2} … replaced in order."""

from __future__ import annotations

from functools import cache

from lxml import etree

from cablegram.edition.resources import stylesheets
from cablegram.errors import CablegramError
from cablegram.safexml import safe_parser

CATALOGUE = "common/messages.xml"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Key -> language -> text, of the messages without plural forms."""
    path = stylesheets() / CATALOGUE
    root = etree.parse(str(path), safe_parser()).getroot()
    return {
        msg.get("key", ""): {str(text.tag): text.text or "" for text in msg if len(text) == 0}
        for msg in root.iter("msg")
    }


def message(key: str, language: str, *values: object) -> str:
    """A message in `language` (English when the catalogue lacks it), {1}, {2} … replaced by
    `values`; numbers written as the language writes them."""
    texts = catalogue().get(key)
    if texts is None:
        raise CablegramError(f"no message {key!r} in {CATALOGUE}")
    text = texts.get(language) or texts["en"]
    for number, value in enumerate(values, 1):
        text = text.replace(f"{{{number}}}", number_text(value, language))
    return text


def number_text(value: object, language: str) -> str:
    """10,000 (en), 10 000 with a no-break space (ru); any other value as it is."""
    if not isinstance(value, int):
        return str(value)
    return f"{value:,}".replace(",", "\u00a0") if language == "ru" else f"{value:,}"
