"""Those present at a conversation, meeting or call, as the text names them.

Two forms (ENCODING.md, memoranda and minutes; participants in `particDesc`):
- a list: a paragraph that opens with a label and goes on with names (`Participants :
  comrades A, B.`, `In attendance: Comrades Andropov, Iu.V.; Gromyko, A.A.`, `Chaired by
  Comrade Brezhnev, L.I.`, `Also present at the meeting: comrs. …`, `PARTICIPANTS:` over
  lines of their own, `Present:`, `Присутствовали:`, `Anwesend:`, `Jelen vannak:`,
  `Participanți:`). It becomes `list[@type='participants']`: the label (with the `Comrades`
  after it) as its head, one item per person with the name marked, the separators kept in
  the items. Names follow one a line when each line is one, else separated by semicolons
  when there are any, else by commas and `and`; a piece holding no name (`L.I.` after
  `Brezhnev,`, `Chairman`) stays with the one before it.
- a sentence of a record's first or last paragraphs (`in the presence of …`, `… were
  present`, `attended by: …`, `Present were …`, `Беседу переводил …`): its names stay in
  the paragraph and are only added to the header.

`merged` joins them to the participants the title names: the title's persons the text does
not name come first, then the text's in its order (a person both name is named as the
fuller of the two forms).
"""

from __future__ import annotations

import dataclasses
import re

from cablegram.model import (
    BodyPart,
    Inlines,
    ListItem,
    Name,
    Paragraph,
    Participant,
    ParticipantRole,
    PointList,
    Section,
    plain_text,
)
from cablegram.parse.persons import person_in, same_person
from cablegram.parse.spans import Reading, trimmed

LABEL_WORDS = (
    r"(?:(?:also|others?)\s+)?present(?:\s+were)?|participants?|participating|in attendance"
    r"|attending|attendees|(?:also\s+)?invited|invitees|guests|chaired|presiding|in the chair"
    r"|присутствовали|присутствовал[аи]?|участвовали|участники|приглашены|председательствовал[аи]?"
    r"|anwesend|teilnehmer|vorsitz|gäste"
    r"|jelen vannak|jelen voltak|jelen van|résztvevők|meghívottak|elnököl"
    r"|participanți|participanti|au participat|prezenți|prezenti|invitați|invitati|prezidează"
    r"|obecni|uczestnicy|zaproszeni"
)
# 'Also present at the meeting:', 'Participants from the Soviet side :', 'Присутствовали на …:'
LABEL_PLACE = (
    r"(?:\s+(?:at|on|from|in|during|of|for|на|от|со?|bei|von|auf|la|din)\s+[^:\n]{0,40}?)?"
)
LABEL_BY = r"(?:chaired|presided(?:\s+over)?|attended)\s+by|председательствовал[аи]?"
# the form of address for all the names after the label: 'Comrades', 'comrs.', 'тт.'
ADDRESS = (
    r"(?:\s+(?:comrades|comrs\.|cdes\.|тт\.|товарищи|genossen|elvtársak|tovarășii|tovarasii"
    r"|towarzysze|comrade|comr\.|cde\.|тов\.|genosse))?"
)
LABEL_BODY = rf"(?:(?:{LABEL_WORDS}){LABEL_PLACE}\s*:|(?:{LABEL_BY})(?=\s)){ADDRESS}"
LABEL = re.compile(rf"^\s*{LABEL_BODY}", re.IGNORECASE)
# a further list in the same paragraph: 'Chaired: A. Present: B, C.'
NEXT_LABEL = re.compile(rf"(?:(?<=[.;]\s)|(?<=\n)){LABEL_BODY}", re.IGNORECASE)
CONJUNCTION = r"(?:and|и|und|és|și|i|et)"
ITEM_END = re.compile(rf"(?:[,;]|\s{CONJUNCTION})\s*$")
INTERPRETER = re.compile(
    r"interpret|translat|переводчик|переводил|dolmetsch|tolmács|traducător", re.IGNORECASE
)
RECORDER = re.compile(r"note-?taker|recorder|recorded|записал|protokoll", re.IGNORECASE)

# Sentences naming those present (their names after or before the words)
PRESENCE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bin the presence of\s+(?P<names>.+)",
        r"\b(?:was|were)\s+(?:also\s+)?attended\s+by\s*:?\s+(?P<names>.+)",
        r"\b(?:also\s+)?present\s+(?:were|was)\s*:?\s+(?P<names>.+)",
        r"\balso\s+present\s*:\s+(?P<names>.+)",
        r"^(?P<names>.+?)\s+(?:was|were)\s+(?:also\s+)?present\b",
        r"\b(?:interpreted|translated)\s+by\s+(?P<names>.+)",
        r"\bwith\s+(?P<names>.+?)\s+(?:interpreting|translating)\b",
        r"\bприсутствовал[аи]?\s*:?\s+(?P<names>.+)",
        r"^(?P<names>.+?)\s+(?:также\s+)?присутствовал[аи]?\b",
        r"\bпереводил[аи]?\s+(?P<names>.+)",
        r"\b(?:anwesend\s+(?:war|waren)|(?:war|waren)\s+(?:auch\s+)?anwesend)\s*:?\s+(?P<names>.+)",
        r"^(?P<names>.+?)\s+(?:war|waren)\s+(?:auch\s+)?anwesend\b",
        r"\bdolmetschte\s+(?P<names>.+)",
    )
)
# a clause, not a list of names: 'He said that Zhou Enlai was present'
NOT_NAMES = re.compile(
    r"\b(?:he|she|it|they|we|you|said|told|that|which|who|whether|there|он|она|они|что)\b",
    re.IGNORECASE,
)
# a sentence ends at a stop after a word that is no abbreviation ('cde. Miklashevskii')
STOP = re.compile(r"(?P<word>[^\W\d_]{2,})[.!?][»”\"]?\s+(?=\S)")
ABBREVIATIONS = frozenset({
    "cde", "cdes", "comr", "comrs", "com", "tov", "tt", "mr", "mrs", "ms", "messrs", "dr",
    "prof", "gen", "lt", "col", "maj", "capt", "adm", "st", "vol", "no", "nos", "pp", "ca",
    "cf", "resp", "approx", "jr", "sr", "тов", "тт", "гг", "им",
})  # fmt: skip
EDGE_PARAGRAPHS = 2  # a record names those present in its first or last paragraphs
PERSON_LINE_WORDS = 15  # a line naming one person, with his office and country


def participant_lists(body: tuple[BodyPart, ...]) -> tuple[BodyPart, ...]:
    """The body with each paragraph that lists those present made a participants list (or
    several, where one paragraph holds several labels)."""
    out: list[BodyPart] = []
    i = 0
    while i < len(body):
        part = body[i]
        i += 1
        if isinstance(part, Section):
            out.append(dataclasses.replace(part, blocks=participant_lists(part.blocks)))
        elif not isinstance(part, Paragraph):
            out.append(part)
        elif lists := _lists(part):
            out.extend(lists)
        elif head := _label_alone(part):
            items, i = _items_after(body, i)
            out.append(PointList(tuple(items), "participants", head) if items else part)
        else:
            out.append(part)
    return tuple(out)


def _label_alone(paragraph: Paragraph) -> Inlines:
    """The paragraph, when it is a label and nothing more (`Present:`, the names below)."""
    reading = Reading.of(paragraph.content)
    label = LABEL.match(reading.text)
    if label is None or reading.text[label.end() :].strip():
        return ()
    return trimmed(paragraph.content)


def _items_after(body: tuple[BodyPart, ...], i: int) -> tuple[list[ListItem], int]:
    """The persons a label alone introduces: the paragraphs after it that each name one
    (a line of its own, no sentence), or the dashed points of the list after it."""
    following = body[i] if i < len(body) else None
    if isinstance(following, PointList) and following.kind in {"dash", "bullet"}:
        points = [_item(Reading.of(item.content), 0, None) for item in following.items]
        if all(any(isinstance(n, Name) for n in point.content) for point in points):
            return points, i + 1
        return [], i
    items: list[ListItem] = []
    while i < len(body) and isinstance(part := body[i], Paragraph):
        text = Reading.of(part.content).text
        if len(text.split()) > PERSON_LINE_WORDS or NOT_NAMES.search(text):
            break
        item = _item(Reading.of(part.content), 0, None)
        if not any(isinstance(n, Name) for n in item.content):
            break
        items.append(item)
        i += 1
    return items, i


def _lists(paragraph: Paragraph) -> list[PointList]:
    reading = Reading.of(paragraph.content)
    first = LABEL.match(reading.text)
    if first is None:
        return []
    labels = [first] + [m for m in NEXT_LABEL.finditer(reading.text) if m.start() > first.end()]
    lists = []
    for k, label in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(reading.text)
        items = _items(reading, label.end(), end)
        if not any(any(isinstance(n, Name) for n in item.content) for item in items):
            return []  # a label without names ('Present situation: …'): a paragraph
        head = trimmed(reading.between(label.start(), label.end()))
        lists.append(PointList(tuple(items), "participants", head))
    return lists


def _items(reading: Reading, start: int, end: int) -> list[ListItem]:
    """The items of a list between two offsets: one per line, or per person."""
    text = reading.text
    lines = [m.span() for m in re.finditer(r"[^\n]+", text[start:end]) if m.group().strip()]
    wrapped = any(ITEM_END.search(text[start + a : start + b]) for a, b in lines[:-1])
    if len(lines) > 1 and not wrapped:
        pieces = [(start + a, start + b) for a, b in lines]
    else:
        separator = r";" if ";" in text[start:end] else rf",|(?=\s{CONJUNCTION}\s)\s{CONJUNCTION}"
        pieces = []
        at = start
        for match in re.finditer(separator, text[start:end]):
            pieces.append((at, start + match.end()))
            at = start + match.end()
        pieces.append((at, end))
        pieces = _joined(text, pieces)
    return [item for a, b in pieces if (item := _item(reading, a, b)).content]


def _joined(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces that name no one (the initials after `Brezhnev,`, an office) joined to the
    piece before them."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out and person_in(text[a:b]) is None:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _item(reading: Reading, start: int, end: int | None) -> ListItem:
    """An item, the person's name in it marked (to the text's end when `end` is None)."""
    end = len(reading.text) if end is None else end
    span = person_in(reading.text[start:end])
    if span is None:
        return ListItem(None, trimmed(reading.between(start, end)))
    a, b = start + span[0], start + span[1]
    name = Name("person", trimmed(reading.between(a, b)))
    content = (*reading.between(start, a), name, *reading.between(b, end))
    return ListItem(None, trimmed(content))


def listed(body: tuple[BodyPart, ...]) -> list[Participant]:
    """The persons of the participants lists, in order."""
    out: list[Participant] = []
    for part in body:
        if isinstance(part, PointList) and part.kind == "participants":
            for item in part.items:
                role = _role(plain_text(item.content))
                for node in item.content:
                    if isinstance(node, Name) and node.kind == "person":
                        out.append(Participant(_name(node), role))
        elif isinstance(part, Section):
            out.extend(listed(part.blocks))
    return out


def _name(node: Name) -> str:
    """A name as the header gives it: without the archive's bracketed words."""
    return " ".join(Reading.of(node.content).text.split())


def _role(text: str) -> ParticipantRole | None:
    if INTERPRETER.search(text):
        return "interpreter"
    if RECORDER.search(text):
        return "recorder"
    return None


def present_in(body: tuple[BodyPart, ...]) -> list[Participant]:
    """The persons that sentences of the first and last paragraphs say were present."""
    paragraphs = _paragraphs(body)
    edges = paragraphs[:EDGE_PARAGRAPHS] + paragraphs[EDGE_PARAGRAPHS:][-EDGE_PARAGRAPHS:]
    out: list[Participant] = []
    for paragraph in edges:
        text = " ".join(Reading.of(paragraph.content).text.split())
        for sentence in _sentences(text):
            out.extend(_present(sentence))
    return out


def _sentences(text: str) -> list[str]:
    out = []
    at = 0
    for stop in STOP.finditer(text):
        if stop["word"].lower() not in ABBREVIATIONS:
            out.append(text[at : stop.end()])
            at = stop.end()
    return [*out, text[at:]]


def _paragraphs(body: tuple[BodyPart, ...]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for part in body:
        if isinstance(part, Paragraph):
            out.append(part)
        elif isinstance(part, Section):
            out.extend(_paragraphs(part.blocks))
    return out


def _present(sentence: str) -> list[Participant]:
    for pattern in PRESENCE:
        match = pattern.search(sentence)
        if match is None:
            continue
        names = match["names"]
        if NOT_NAMES.search(names):
            continue
        cue = match[0].replace(names, " ")  # 'interpreted by …', not a name's 'interpreter'
        role = "interpreter" if INTERPRETER.search(cue) else None
        out = []
        for piece in re.split(rf"\s*[,;]\s*|\s+{CONJUNCTION}\s+", names):
            span = person_in(piece)
            if span:
                name = piece[span[0] : span[1]]
                out.append(Participant(name, _role(piece) or role))  # type: ignore[arg-type]
        return out
    return []


def merged(titled: tuple[Participant, ...], found: list[Participant]) -> tuple[Participant, ...]:
    """The title's participants and those the text names, each person once: first the
    title's persons the text does not name, then the text's, in its order; a person both
    name keeps the fuller naming, and the title's role."""
    text: list[Participant] = []
    for person in found:
        if not any(same_person(person.name, other.name) for other in text):
            text.append(person)
    out = [p for p in titled if not any(same_person(p.name, t.name) for t in text)]
    for person in text:
        title = next((p for p in titled if same_person(p.name, person.name)), None)
        if title is None:
            out.append(person)
            continue
        name = person.name if len(person.name.split()) > len(title.name.split()) else title.name
        out.append(dataclasses.replace(title, name=name, role=title.role or person.role))
    return tuple(out)
