"""The people of a record, read once its versions are parsed: the lists of those present
(`participants`), the participants in the header (the title's and the text's, `merged`),
the turns of a script (`turns`, whose speakers are participants too) and the record's
author (`authors`). A text that shows the form of minutes (an agenda, an attendance list)
is minutes (`doctypes.minutes_by_form`).

Participants, turns and authors belong to conversations, meetings and calls (memoranda,
minutes, telcons); a list of those present is read in any text.
"""

from __future__ import annotations

import dataclasses

from cablegram.model import (
    BodyPart,
    Metadata,
    Paragraph,
    Participant,
    PointList,
    Section,
    Speech,
    Version,
    plain_text,
)
from cablegram.parse.authors import record_authors, recorded_by
from cablegram.parse.doctypes import minutes_by_form
from cablegram.parse.participants import listed, merged, participant_lists, present_in
from cablegram.parse.persons import same_person
from cablegram.parse.turns import CONVERSATION_KINDS, script


def read_people(metadata: Metadata, versions: list[Version]) -> tuple[Metadata, list[Version]]:
    """The metadata with the record's participants, kind and author; the versions with their
    lists of those present and their turns."""
    versions = [_with_body(v, participant_lists(v.text.body)) for v in versions]
    main = _main_version(versions)
    if main is None:
        return metadata, versions
    kind = minutes_by_form(metadata.kind, metadata.title_type, _lines(main.text.body))
    participants = metadata.participants
    found = listed(main.text.body)
    if kind in CONVERSATION_KINDS:
        found += present_in(main.text.body)
    if found:
        participants = merged(participants, found)
    if kind not in CONVERSATION_KINDS:
        return dataclasses.replace(metadata, kind=kind, participants=participants), versions
    versions = [dataclasses.replace(v, text=script(v.text, participants)) for v in versions]
    main = _main_version(versions)
    assert main is not None
    participants = _with_speakers(participants, _speakers(main.text.body))
    if recorder := recorded_by(main):  # the source gives his role
        participants = tuple(
            dataclasses.replace(p, role="recorder")
            if p.role is None and same_person(p.name, recorder)
            else p
            for p in participants
        )
    authors = metadata.authors or record_authors(main, participants, metadata.participants)
    metadata = dataclasses.replace(metadata, kind=kind, participants=participants, authors=authors)
    return metadata, versions


def _with_body(version: Version, body: tuple[BodyPart, ...]) -> Version:
    if body == version.text.body:
        return version
    return dataclasses.replace(version, text=dataclasses.replace(version.text, body=body))


def _main_version(versions: list[Version]) -> Version | None:
    """The version the header is read from: the English translation where there is one
    (the archive's metadata is English), else the first."""
    for version in versions:
        if version.kind == "translation" and version.lang == "en":
            return version
    return versions[0] if versions else None


def _lines(body: tuple[BodyPart, ...]) -> list[str]:
    """The texts of the paragraphs and the heads of the lists (their labels)."""
    out: list[str] = []
    for part in body:
        if isinstance(part, Paragraph):
            out.append(plain_text(part.content))
        elif isinstance(part, PointList):
            out.append(plain_text(part.head))
        elif isinstance(part, Section):
            out.extend(_lines(part.blocks))
    return out


def _speakers(body: tuple[BodyPart, ...]) -> list[str]:
    out: list[str] = []
    for part in body:
        if isinstance(part, Speech) and part.who:
            out.append(part.who)
        elif isinstance(part, Section):
            out.extend(_speakers(part.blocks))
    return out


def _with_speakers(
    participants: tuple[Participant, ...], speakers: list[str]
) -> tuple[Participant, ...]:
    """The speakers are participants too: those the header does not name yet are added."""
    out = list(participants)
    for speaker in speakers:
        if not any(p.name == speaker or same_person(p.name, speaker) for p in out):
            out.append(Participant(speaker))
    return tuple(out)
