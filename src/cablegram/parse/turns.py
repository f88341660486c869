"""Turns of speech in a record laid out as a script (ENCODING.md: `sp`/`speaker` only where
the source is laid out so).

A turn opens with its speaker's label: `Comrade Mao Zedong:`, `Zhou Enlai:`, `M.S.
Gorbachev:`, `Comrade Nicolae Ceausescu :` (alone on its line, the speech in the
paragraphs after it), `BREZHNEV.`, `O. DORTICOS.`, `Chancellor Kohl:`, `The President:`,
`Г о р б а ч е в:`. A label is one where it names a participant of the record (from the
title, the lists, the first paragraphs), or where a form of address goes with a name
(`Comrade Gerő:`, `Тов. Громыко:`); an office alone (`The President:`), and a name in
capitals no participant has, only in a record that has turns of the first kinds. A label
opens a paragraph, or follows a line break or the end of a sentence inside one (a page
break, a one-line export): the paragraph is cut there. A name with a colon or stop inside
running text (`A.I. MIKOYAN expressed …`, `Mao replied: "…"`) is no label.

A turn goes on over the paragraphs, lists and omissions after it until the next label; a
list of those present, the recorder's line (`Recorded by …`), the sentence that ends the
conversation (`The conversation ended at …`) or records the meeting's decision
(`Decided: …`, `Постановили:`), a centred line, a section or a quoted text end it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from cablegram.lexicon.furniture import RECORDED_BY
from cablegram.lexicon.names import ROLE_QUALIFIER, ROLE_WORD
from cablegram.model import (
    BodyPart,
    DocText,
    Gapped,
    Inlines,
    Paragraph,
    Participant,
    PointList,
    Section,
    SheetTurn,
    Speech,
    plain_text,
)
from cablegram.parse.furniture import despaced
from cablegram.parse.persons import INITIALS, TITLE_WORD, WORD, same_person
from cablegram.parse.spans import Reading, trimmed

# where a label may stand in a paragraph's text: its start, a line's start, a sentence's end
BOUNDARY = re.compile(r"(?:^|\n|(?<=[.!?…»\"”)])[ \t])[ \t]*(?=\S)")
COLON_LABEL = re.compile(r"(?P<who>[^\s:][^:\n]{0,50}?)\s?:(?=\s|$)")
CAPS_LABEL = re.compile(
    r"(?P<who>(?:[^\W\d_]{1,2}\.\s?){0,3}[^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+)?)\.(?=\s|$)"
)
LABEL_WORDS = 5
ADDRESS = re.compile(
    r"^(?:comrade|comr\.|com\.|cde\.|товарищ|тов\.|genosse|genossin|elvtárs|tovarășul"
    r"|tovarasul|tovarăș|towarzysz|mr\.|mrs\.|dr\.|herr|frau)$",
    re.IGNORECASE,
)
CONVERSATION_END = re.compile(
    r"^(?:the\s+)?(?:conversation|talk|meeting|discussion|session|call|interview)s?\s+"
    r"(?:ended|lasted|was over|closed|finished|concluded|came to an end)"
    r"|^[-–—*\s]*end of (?:the )?(?:conversation|talk|meeting|call)"
    r"|^(?:беседа|разговор|заседание)\s+(?:продолжал|закончил|окончил|длил)"
    r"|^на этом (?:беседа|разговор|заседание)"
    r"|^(?:das gespräch|die unterredung)\s+(?:dauerte|endete)|^ende des gesprächs"
    # the meeting's decision, recorded after the debate
    r"|^(?:it was decided|the \w+ (?:decided|resolved))\b|^(?:decided|resolved|resolution"
    r"|decision|постановили|решили|постановление|beschluss|határozat|hotărâre)\s*:",
    re.IGNORECASE,
)
CONVERSATION_KINDS = frozenset({"memorandum", "telcon", "minutes"})
ARTICLES = frozenset({"The", "Der", "Die"})  # 'The President:', 'Der Bundeskanzler:'


@dataclass(frozen=True)
class Label:
    """A speaker's label found in a paragraph: where it stands, who it names."""

    start: int
    end: int
    who: str | None  # the participant's name (or the speaker's, where no participant is)
    strong: bool  # a participant or a form of address with a name: the text is a script
    opening: bool  # at the start of the paragraph or of a line


def script(text: DocText, participants: tuple[Participant, ...]) -> DocText:
    """The text with its turns of speech as `Speech` (unchanged where it has none)."""
    found = _labels_in(text.body, participants)
    if not any(label.strong for labels in found.values() for label in labels):
        return text
    return dataclasses.replace(text, body=_turns(text.body, found))


def _labels_in(
    body: tuple[BodyPart, ...], participants: tuple[Participant, ...]
) -> dict[int, list[Label]]:
    """The labels of each paragraph (by its id), sections included."""
    found: dict[int, list[Label]] = {}
    for part in body:
        if isinstance(part, Paragraph):
            labels = _labels(Reading.of(part.content).text, participants)
            if labels:
                found[id(part)] = labels
        elif isinstance(part, Section):
            found.update(_labels_in(part.blocks, participants))
    return found


def _labels(text: str, participants: tuple[Participant, ...]) -> list[Label]:
    out: list[Label] = []
    for boundary in BOUNDARY.finditer(text):
        at = boundary.end()
        if out and at < out[-1].end:
            continue
        opening = at == len(text) - len(text.lstrip()) or text[boundary.start()] == "\n"
        for pattern, caps in ((COLON_LABEL, False), (CAPS_LABEL, True)):
            match = pattern.match(text, at)
            if match and (label := _label(match, caps, opening, participants)):
                out.append(label)
                break
    return out


def _label(
    match: re.Match[str], caps: bool, opening: bool, participants: tuple[Participant, ...]
) -> Label | None:
    words = despaced(match["who"]).split()  # 'Г о р б а ч е в:' is Gorbachev's
    if not words or len(words) > LABEL_WORDS or not all(map(_label_word, words)):
        return None
    if caps and not all(w.isupper() for w in words if WORD.match(w)):
        return None
    names = [w for w in words if not _address_or_office(w) and w not in ARTICLES]
    who = " ".join(names)
    person = next((p for p in participants if names and same_person(who, p.name)), None)
    start, end = match.start(), match.end()
    if person:
        return Label(start, end, person.name, True, opening)
    if not opening:
        return None  # inside running text only a participant's name is a label
    if not caps and names and (ADDRESS.match(words[0]) or ADDRESS.match(words[-1])):
        return Label(start, end, who, True, opening)  # 'Comrade Gerő:', 'Gerő elvtárs:'
    if not names and any(ROLE_WORD.fullmatch(w) for w in words):
        return Label(start, end, None, False, opening)  # 'The President:'
    if caps and names:
        return Label(start, end, who, False, opening)  # 'KOSYGIN.'
    return None


def _label_word(word: str) -> bool:
    """A word of a speaker's label: a name's (capitalised, initials), an office's, a form of
    address."""
    if ADDRESS.match(word) or TITLE_WORD.match(word):
        return True
    return word[:1].isupper() and bool(WORD.match(word) or INITIALS.match(word))


def _address_or_office(word: str) -> bool:
    return bool(
        ADDRESS.match(word)
        or TITLE_WORD.match(word)
        or ROLE_WORD.fullmatch(word)
        or ROLE_QUALIFIER.match(word)
    )


@dataclass
class _Turn:
    """A turn being read: its label, who speaks, what is said so far."""

    speaker: Inlines
    who: str | None
    blocks: list[BodyPart]


def _turns(body: tuple[BodyPart, ...], found: dict[int, list[Label]]) -> tuple[BodyPart, ...]:
    out: list[BodyPart] = []
    turn: _Turn | None = None
    for part in body:
        if isinstance(part, Paragraph):
            for label, content in _cut(part, found.get(id(part), [])):
                if label is not None:
                    out.extend(_speech(turn))
                    turn = _Turn(*label, [Paragraph(content, part.rend)] if content else [])
                elif turn and part.rend is None and not _ends_turn(content):
                    turn.blocks.append(Paragraph(content))
                else:
                    out.extend(_speech(turn))
                    turn = None
                    out.append(Paragraph(content, part.rend))
        elif turn and (
            isinstance(part, Gapped | SheetTurn)
            or (isinstance(part, PointList) and part.kind != "participants")
        ):
            turn.blocks.append(part)
        else:
            out.extend(_speech(turn))
            turn = None
            if isinstance(part, Section):
                part = dataclasses.replace(part, blocks=_turns(part.blocks, found))
            out.append(part)
    out.extend(_speech(turn))
    return tuple(out)


def _cut(
    paragraph: Paragraph, labels: list[Label]
) -> list[tuple[tuple[Inlines, str | None] | None, Inlines]]:
    """The paragraph's stretches: the one before the first label (no label), then each
    label's nodes with who it names, and the speech after it."""
    if not labels:
        return [(None, paragraph.content)]
    reading = Reading.of(paragraph.content)
    out: list[tuple[tuple[Inlines, str | None] | None, Inlines]] = []
    before = trimmed(reading.between(0, labels[0].start))
    if before:
        out.append((None, before))
    ends = [label.start for label in labels[1:]] + [len(reading.text)]
    for label, end in zip(labels, ends, strict=True):
        speaker = trimmed(reading.between(label.start, label.end))
        out.append(((speaker, label.who), trimmed(reading.between(label.end, end))))
    return out


def _ends_turn(content: Inlines) -> bool:
    """The recorder's line or the end of the conversation: the record's, not a speaker's."""
    text = plain_text(content)
    return bool(RECORDED_BY.match(text) or CONVERSATION_END.match(text))


def _speech(turn: _Turn | None) -> list[BodyPart]:
    """The turn, or (a label with nothing said after it) its label as a paragraph and the
    blocks that followed."""
    if turn is None:
        return []
    if any(isinstance(b, Paragraph | PointList) for b in turn.blocks):
        return [Speech(turn.speaker, tuple(turn.blocks), turn.who)]
    return [Paragraph(turn.speaker), *turn.blocks]
