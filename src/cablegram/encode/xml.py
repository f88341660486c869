"""The TEI namespace, element construction, and what every builder shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
ARCHIVE = "#archive"  # the archive's editors, declared in the titleStmt
NAME_ELEMENT = {"person": "persName", "place": "placeName", "org": "orgName"}


def tei(tag: str, parent: etree._Element | None = None, **attrs: str | None) -> etree._Element:
    """A TEI element (``xml_id``/``xml_lang`` keywords give the xml: attributes; a keyword
    ending in ``_`` is the attribute without it: ``from_``, ``break_``)."""
    name = f"{{{TEI_NS}}}{tag}"
    if parent is None:
        element = etree.Element(name, nsmap={None: TEI_NS})
    else:
        element = etree.SubElement(parent, name)
    for key, value in attrs.items():
        if value is None:
            continue
        if key == "xml_id":
            element.set(XML_ID, value)
        elif key == "xml_lang":
            element.set(XML_LANG, value)
        else:
            element.set(key.rstrip("_"), value)
    return element


def append_text(parent: etree._Element, text: str) -> None:
    """Text after the last child of `parent` (or as its text). (The last child is found
    from the end: lxml counts the children one by one for `len`, which made encoding a
    paragraph quadratic in its elements.)"""
    if not text:
        return
    last = next(parent.iterchildren(reversed=True), None)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


@dataclass
class Context:
    """What the builders need to know about the document being encoded: the translator's
    id, the hands met so far (each described once in handNotes), the participants' ids."""

    translator_id: str | None
    hands: dict[str, str] = field(default_factory=dict)  # description → xml:id
    speakers: dict[str, str] = field(default_factory=dict)  # a participant's name → xml:id

    def hand(self, description: str) -> str:
        """The id of the hand described so (given on its first use)."""
        if description not in self.hands:
            self.hands[description] = f"hand{len(self.hands) + 1}"
        return self.hands[description]
