"""The header completed from the text: what the title does not say, the text often does.

The address lines and salutation name the addressee (`To the Embassy in Hungary:`,
`to Cde. I. V. STALIN`), the signature the sender (`Foreign Ministry`, `A. DOBRYNIN`), the
transmission address an intermediary (`BEIJING—TO KRASOVSKY`), the headings the kind of
document (`RECORD OF CONVERSATION`), the text the way it was sent (by diplomatic post: a
letter), and a document number its heading (`CIPHERED TELEGRAM No. 4107`).
"""

from __future__ import annotations

import dataclasses
import re

from cablegram.lexicon import furniture as F
from cablegram.lexicon.names import EAST_ASIAN_SURNAMES, HONORIFIC, ROLE_WORD
from cablegram.lexicon.patterns import CABLE_NUMBER
from cablegram.model import (
    CORRESPONDENCE,
    Dateline,
    DocDate,
    Furniture,
    Inlines,
    LineBreak,
    Metadata,
    Name,
    Number,
    NumberKind,
    Paragraph,
    Party,
    Signed,
    Text,
    Version,
    When,
    plain_text,
)
from cablegram.parse.doctypes import (
    corrected_by_text,
    kind_from_summary,
    kind_from_text,
    kind_in,
)
from cablegram.parse.parties import party_of

ADDRESS_TO = re.compile(r"^(?:to|for)\s+(?:the\s+)?(?P<who>.+?)[.:!]?$", re.IGNORECASE)
FIRST_PARAGRAPHS = 2
PARTICIPATED = {"memorandum", "telcon", "minutes", "journal"}  # no addressee: participants
# several addressees on one line: 'To the Center, to Chairman Mao:', 'to Cde. A and Cde. B'
ADDRESSEE_SPLIT = re.compile(r",\s+(?=(?:to|for)\s)|;\s+", re.IGNORECASE)
SALUTATION_WORDS = re.compile(
    r"^(?:(?:my\s+)?dear(?:est)?|respected|esteemed|honou?red|уважаемый|дорогой)\s+", re.IGNORECASE
)
TO_ALONE = re.compile(r"^(?:to|to the|an|an das|an den|an die|à|au)$", re.IGNORECASE)
ROUTING_FROM = re.compile(r"^(?:from|von|от)\b", re.IGNORECASE)
GENERIC_ADDRESS = re.compile(
    r"^(?:comrades?|sirs?|gentlemen|friends|colleagues|excellency|your excellency|madam"
    r"|товарищи|genossen)$",
    re.IGNORECASE,
)


# the kinds whose signature names their sender: correspondence, and a statement, which its
# issuing office signs ('Department of External Affairs' | '17th October, 1958.' under a
# press release)
SIGNED_BY_SENDER = CORRESPONDENCE | {"statement"}


def complete(metadata: Metadata, versions: list[Version]) -> Metadata:
    """`metadata` with what the versions' text adds to it."""
    main = _main_version(versions)
    changes: dict[str, object] = {}
    changes["intermediaries"] = _intermediaries(metadata, main, versions)
    changes["cable_number"] = metadata.cable_number or _number_in_text(versions, "cable")
    changes["document_number"] = _number_in_text(versions, "document")
    kind = metadata.kind
    if metadata.title_type is None and main:
        kind = kind_from_text(_headings(main)) or kind_from_summary(metadata.summary) or kind
    if main:
        kind = corrected_by_text(
            kind, _first_paragraphs(main), metadata.title_type, _telegraphed(versions)
        )
    changes["kind"] = kind
    if kind == "cable" and not changes["cable_number"]:  # a head without it: the number
        changes["cable_number"] = _outgoing_number(versions)  # the sender gave it, at its end
    if metadata.date is None and (own := _own_date(versions)):
        changes["date"] = own  # no date line, no citation: the document's own dateline
    if main and kind not in PARTICIPATED:
        changes["addressees"] = _merged(metadata.addressees, _addressees_in(main))
    if main and kind in SIGNED_BY_SENDER:
        signed = _signatories(main)
        if metadata.senders:  # the signature gives the title's sender a role
            changes["senders"] = _merged(metadata.senders, [(p, False) for p in signed])
        elif signed:
            changes["senders"] = signed[:1]
    return dataclasses.replace(metadata, **changes)  # type: ignore[arg-type]


def _telegraphed(versions: list[Version]) -> bool:
    """The text has a telegram's form: a telegram's head or a transmission log."""
    for version in versions:
        for part in version.text.opener:
            if isinstance(part, Dateline) or (
                isinstance(part, Furniture)
                and (
                    part.kind == "received"
                    or (
                        part.kind == "doctype"
                        and (found := kind_in(plain_text(part.content)))
                        and found[0] == "cable"
                    )
                )
            ):
                return True
    return False


def _own_date(versions: list[Version]) -> DocDate | None:
    """The date of the document's own dateline, at its head or its end."""
    for version in versions:
        text = version.text
        for part in (*text.opener, *text.closer):
            if isinstance(part, Dateline) or (
                isinstance(part, Furniture) and part.kind == "dateline"
            ):
                for node in part.content:
                    if isinstance(node, When) and node.kind == "date" and node.value:
                        return DocDate(node.text, node.value)
    return None


def _main_version(versions: list[Version]) -> Version | None:
    """The version the header is completed from: the translation where there is one (the
    archive's metadata is English), else the first."""
    for version in versions:
        if version.kind == "translation" and version.lang == "en":
            return version
    return versions[0] if versions else None


def _headings(version: Version) -> list[str]:
    return [plain_text(item.content) for item in version.text.opener if isinstance(item, Furniture)]


def _first_paragraphs(version: Version) -> list[str]:
    texts = [plain_text(p.content) for p in version.text.body if isinstance(p, Paragraph)]
    return texts[:FIRST_PARAGRAPHS]


def _intermediaries(
    metadata: Metadata, main: Version | None, versions: list[Version]
) -> tuple[Party, ...]:
    """The title's intermediaries, and those of a 'PLACE — TO X' address line where X is
    not the addressee himself ('BEIJING—TO KRASOVSKY', not 'MOSCOW — TO CDE. MOLOTOV')."""
    via = list(metadata.intermediaries)
    addressees = {_surname(p.name) for p in metadata.addressees}
    ordered = ([main] if main else []) + [v for v in versions if v is not main]
    for version in ordered:  # the first version that has such a line says it
        found = False
        for item in version.text.opener:
            if isinstance(item, Furniture) and item.kind == "address":
                party = _addressed(plain_text(item.content))
                found = found or party is not None
                if party is None or _surname(party.name) in addressees:
                    continue
                if party.name.casefold() not in {p.name.casefold() for p in via}:
                    via.append(party)
        if found:
            break
    return tuple(via)


def _addressees_in(version: Version) -> list[tuple[Party, bool]]:
    """The parties the text's head addresses, in its order: 'to Cde. Stalin' | 'to Cde.
    Molotov' lines, 'To the Center, to Chairman Mao:', an address over lines ('To the
    Chairman of the Council of Ministers of the USSR | J.V. Stalin'), 'Dear Cde. Kim'."""
    found: list[tuple[Party, bool]] = []
    for item in version.text.opener:
        if not (isinstance(item, Furniture) and item.kind in {"salute", "address"}):
            continue
        text = " ".join(plain_text(item.content).split())
        if _addressed(text) or "—" in text or ROUTING_FROM.match(text):
            continue  # 'BEIJING—TO KRASOVSKY' (a channel, read above), 'From: Embassy'
        if item.kind == "address" and (post := _post_and_office(text)):
            found.extend(post)  # 'Secretary, Department of External Affairs, Dublin'
            continue
        if item.kind == "address" and (party := _postal(item)):
            found.append((party, True))
            continue
        for piece in ADDRESSEE_SPLIT.split(text):
            match = ADDRESS_TO.match(piece.strip())
            who = SALUTATION_WORDS.sub("", match["who"] if match else piece).strip(" .,:;!")
            for party in _parties(who):
                # an office hailed ('Foreign Ministry:') is addressed as a 'To …' line is
                hailed = party.kind == "org" and piece.rstrip().endswith((":", "："))
                if _named(party):
                    found.append((party, bool(match) or hailed))
    return found


# a post without its holder's name: 'Secretary', 'The Minister of External Affairs'
POST_ALONE = re.compile(
    rf"^(?:the\s+)?(?:{ROLE_WORD.pattern}\s*){{1,3}}(?:\s+(?:of|for)\s+[^\W\d][\w\s’'-]{{0,60}})?$",
    re.IGNORECASE,
)


INITIAL = re.compile(r"\b[A-ZА-ЯЁ]\.")  # a name's initial: the holder is named


def _post_and_office(text: str) -> list[tuple[Party, bool]] | None:
    """An address that names a post and its office, not the holder ('Secretary, Department
    of External Affairs, Dublin, Ireland.'): the office is addressed, the post is the role
    of the person the title names (a party without a name, not addressed itself)."""
    post, _, rest = text.partition(",")
    office_name, _, place = rest.strip().partition(",")
    office = party_of(office_name.strip(" .")) if office_name else None
    if not POST_ALONE.match(post.strip()) or INITIAL.search(post) or office is None:
        return None
    if office.kind != "org":
        return None
    where = place.split(",")[0].strip(" .") or None
    return [
        (Party("", role=post.strip()), False),
        (dataclasses.replace(office, place=office.place or where), True),
    ]


def _postal(item: Furniture) -> Party | None:
    """The addressee of an address of several lines: 'Mr. F. H. Boland, Permanent
    Representative …, New York.' (name, post, place), or an office over lines ('Ministry
    of Foreign Affairs' | 'Far Eastern Department' | 'Berlin': the first line's office)."""
    text = " ".join(plain_text(item.content).split())
    if F.POSTAL_ADDRESS.match(text):
        name, *post = [piece.strip(" .") for piece in text.split(",")]
        place = post.pop() if len(post) > 1 else None
        return Party(HONORIFIC.sub("", name).strip(), place=place, role=", ".join(post) or None)
    lines = _lines(item.content)
    if lines and TO_ALONE.match(lines[0]):
        lines = lines[1:]  # 'To the' | 'Ministry of Foreign Affairs' | …
    if len(lines) > 1 and not ADDRESS_TO.match(lines[0]) and (first := party_of(lines[0])):
        return first if first.kind == "org" else None
    return None


def _lines(content: Inlines) -> list[str]:
    """The text of each line of furniture (its line breaks kept apart)."""
    lines = [""]
    for node in content:
        if isinstance(node, LineBreak):
            lines.append("")
        else:
            lines[-1] += plain_text((node,))
    return [" ".join(line.split()) for line in lines if line.strip()]


def _parties(who: str) -> list[Party]:
    """One party, or several offices named together ('the Foreign Ministry and Party
    Central Committee')."""
    offices = [party_of(piece) for piece in re.split(r"\s+and\s+(?:the\s+)?", who)]
    if len(offices) > 1 and all(p is not None and p.kind == "org" for p in offices):
        return [p for p in offices if p is not None]
    party = party_of(who)
    return [party] if party else []


def _merged(title: tuple[Party, ...], text: list[tuple[Party, bool]]) -> tuple[Party, ...]:
    """The title's parties, with the role the text gives them, then the parties the text
    addresses ('to Cde. Molotov') that the title does not name (it names the first of
    several); a salutation ('Dear Prime Minister') adds no one."""
    if not title:
        return tuple(p for p, addressed in text if addressed)
    out = list(title)
    for party, addressed in text:
        if not party.name:  # a post whose holder the text does not name: the title's person's
            holders = [k for k, p in enumerate(out) if p.kind == "person" and p.role is None]
            if len(holders) == 1:
                out[holders[0]] = dataclasses.replace(out[holders[0]], role=party.role)
            continue
        same = next((k for k, p in enumerate(out) if _same_party(p, party)), None)
        if same is None:
            if addressed:
                out.append(party)
        elif out[same].role is None and party.role:
            out[same] = dataclasses.replace(out[same], role=party.role)
    return tuple(out)


def _same_party(a: Party, b: Party) -> bool:
    """Two namings of one party: an office named within the other, a person's surname among
    the other's words ('Georg Dertinger' and 'Georg Dertinger Berlin', 'STALIN I. V')."""
    if a.kind == "org" or b.kind == "org":
        return a.name.casefold() in b.name.casefold() or b.name.casefold() in a.name.casefold()
    words = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]+", b.name)}
    return (
        _surname(a.name) == _surname(b.name)
        or _surname(a.name) in words
        or (a.identification is not None and _surname(a.identification) == _surname(b.name))
    )


def _surname(name: str) -> str:
    """The word two spellings of a person share: 'STALIN I. V' and 'Stalin' → stalin; an
    East Asian name's first word ('Mao Zedong', 'Chairman Mao' → mao)."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]+", name)]
    if not words:
        return name.casefold()
    east_asian = [w for w in words if w in EAST_ASIAN_SURNAMES]
    return east_asian[0] if east_asian else words[-1]


def _named(party: Party) -> bool:
    """A party the text names, not a form of address ('Comrades', 'Sir') nor a role
    without its holder's name ('Chief of the General Staff of …')."""
    if party.kind == "org":
        return True
    words = party.name.split()
    return (
        bool(words)
        and not GENERIC_ADDRESS.match(party.name)
        and not ROLE_WORD.fullmatch(words[0])
        and words[-1][:1].isupper()
    )


def _signatories(version: Version) -> tuple[Party, ...]:
    """Who the closer's signatures name ('Foreign Ministry', 'A. DOBRYNIN', 'Tran Tu Binh |
    Ambassador of …'), with the role they give."""
    found = []
    for item in version.text.closer:
        if isinstance(item, Signed):
            if party := _name_over_role(item.content):
                found.append(party)
                continue
            text = " ".join(plain_text(item.content).split()).strip(" ()/")
            if text and (party := party_of(text)):
                found.append(party)
    return tuple(found)


def _name_over_role(content: Inlines) -> Party | None:
    """A signature that names the person first and gives the post under it ('KIM IL SUNG' |
    'Chairman of the Cabinet of Ministers of the KPDR')."""
    first = next((n for n in content if not (isinstance(n, Text) and not n.text.strip())), None)
    if not (isinstance(first, Name) and first.kind == "person"):
        return None
    rest = content[content.index(first) + 1 :]
    if not rest or not isinstance(rest[0], LineBreak):
        return None
    role = " ".join(plain_text(rest).split()).strip(" ,;")
    if not role or not F.SIGNATORY_ROLE.match(role):
        return None
    return Party(" ".join(plain_text(first.content).split()), role=role)


def _number_in_text(versions: list[Version], kind: NumberKind) -> str | None:
    """The cable's number (or another document's) from its heading (``CIPHERED TELEGRAM
    No. 4107``, ``No. 17``) or its transmission log (``From Pyongyang, No. 4040.``)."""
    for version in versions:
        for part in version.text.opener:
            if (isinstance(part, Furniture) and part.kind in {"doctype", "received"}) or (
                isinstance(part, Dateline)
            ):
                for node in part.content:
                    if isinstance(node, Number) and node.kind == kind:
                        return node.text
    return None


def _outgoing_number(versions: list[Version]) -> str | None:
    """The number a cable's closer gives (``No. 1154/sh.``), its label left out."""
    for version in versions:
        for part in version.text.closer:
            for node in getattr(part, "content", ()):
                if isinstance(node, Number) and node.kind == "outgoing":
                    found = CABLE_NUMBER.search(node.text)
                    return found["number"].rstrip(".") if found else node.text
    return None


def _addressed(text: str) -> Party | None:
    """``BEIJING—TO KRASOVSKY`` → Krasovsky, at Beijing."""
    match = re.match(
        r"^(?P<place>[^\W\d_]{3,})\s*[—–-]+\s*(?:TO|ТОВ\.?|Т\.|ДЛЯ)\s+(?P<name>.+)$", text, re.I
    )
    return Party(match["name"].strip(" ."), place=match["place"]) if match else None
