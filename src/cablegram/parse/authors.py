"""The author of a record of conversation, meeting or call (ENCODING.md: `titleStmt/author`,
"the author of the record, when known"), where the title names none.

A record is by whoever made it: the recorder's line (`Recorded by comr. Fedorenko.`,
`Записал …`), else the signature at its end (`Ambassador of the USSR in China A[pollon]
Petrov`, `Посол СССР в Китае` / `Н. Рощин`, `(Osterheld)`: the line that is a name, else
the name that ends the signature), else, in a record told in the first person (`I conveyed
to Mao Zedong …`), the participant the title names first, if the narration never names
him: the narrator (Mikoyan, in `Memorandum of Conversation between Anastas Mikoyan and Mao Zedong`).
An author who took part is named as the participants are (`Apollon Petrov` for the
signature's `A[pollon] Petrov`, `N.V. Roshchin` for `Н. Рощин`).
"""

from __future__ import annotations

import re

from cablegram.lexicon.furniture import RECORDED_BY
from cablegram.model import (
    BodyPart,
    ClerkNote,
    CloserLine,
    Inlines,
    Paragraph,
    Participant,
    Party,
    Section,
    Signed,
    Version,
)
from cablegram.parse.persons import folded, person_in, same_person
from cablegram.parse.spans import Reading

FIRST_PERSON = re.compile(  # 'I' alone, not the initial of 'A.I. MIKOYAN'
    r"(?<![\w.])I(?![\w.])|\b(?:me|my|myself)\b"
    r"|(?i:\b(?:я|мне|меня|мной|ich|mir|mich|én|engem|nekem|eu)\b)"
)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]")
LAST_PARAGRAPHS = 2  # where a recorder's line stands when the closer did not take it


def record_authors(
    version: Version,
    participants: tuple[Participant, ...],
    titled: tuple[Participant, ...],
) -> tuple[Party, ...]:
    """The author of a record, as its recorder's line, signature or narration shows him."""
    recorder = recorded_by(version)
    if recorder is not None:
        return (_author(recorder, participants),) if recorder else ()
    for part in version.text.closer:
        if isinstance(part, Signed) and (name := _signatory(part.content)):
            return (_author(name, participants),)
    paragraphs = _paragraphs(version.text.body)
    narration = " ".join(QUOTED.sub(" ", _text(content)) for content in paragraphs)
    if not FIRST_PERSON.search(narration):
        return ()
    told = {folded(word) for word in re.findall(r"[^\W\d_]+", narration)}
    narrator = titled[0] if titled else None  # the one the title names first
    words = [folded(w) for w in re.findall(r"[^\W\d_]{3,}", narrator.name)] if narrator else []
    if narrator is None or not words or any(word in told for word in words):
        return ()
    return (_author(narrator.name, participants),)


def recorded_by(version: Version) -> str | None:
    """The name on the record's recorder's line (`Recorded by comr. Fedorenko.`), in its
    closer or its last paragraphs; '' when the line names no one (`Recorded by:` and an
    illegible signature), None when there is no such line."""
    closer = [p.content for p in version.text.closer if isinstance(p, Signed | ClerkNote)]
    closer += [p.content for p in version.text.closer if isinstance(p, CloserLine)]
    paragraphs = _paragraphs(version.text.body)
    for content in [*paragraphs[-LAST_PARAGRAPHS:], *closer]:
        line = _text(content)
        if match := RECORDED_BY.match(line):
            return _name(line[match.end() :]) or ""
    return None


def _paragraphs(body: tuple[BodyPart, ...]) -> list[Inlines]:
    """The body's paragraphs, those of its sections too, in order."""
    out: list[Inlines] = []
    for part in body:
        if isinstance(part, Paragraph):
            out.append(part.content)
        elif isinstance(part, Section):
            out.extend(_paragraphs(part.blocks))
    return out


def _text(content: Inlines) -> str:
    return " ".join(Reading.of(content).text.split())


def _name(text: str) -> str | None:
    span = person_in(text.strip(" :"))
    return text.strip(" :")[span[0] : span[1]] if span else None


def _signatory(content: Inlines) -> str | None:
    """The name a signature gives: the line that is a name alone, else the last name."""
    lines = [line.strip(" ()") for line in Reading.of(content).text.split("\n")]
    names = [(line, name) for line in lines if line and (name := _name(line))]
    for line, name in names:
        if name == line.rstrip("."):
            return name
    return names[-1][1] if names else None


def _author(name: str, participants: tuple[Participant, ...]) -> Party:
    person = next((p for p in participants if same_person(name, p.name)), None)
    return Party(person.name if person else name)
