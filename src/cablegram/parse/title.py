"""What a document's title says: its kind, number, correspondents, participants, author.

The archive's titles follow a few patterns, which this module reads:

- `Ciphered Telegram No. 21336 from Beijing, Mao Zedong to Cde. Filippov [Stalin]`,
  `Cable, Kovalev to Filippov [Stalin]`, `Telegram from A to B, Conveying …`,
  `Decree of A to B, 'Measures …'`, `Message from A and B on …`, `A-B Report`:
  senders and addressees (and `via X`, `[via X]`, `…, for C`);
- `Record of Conversation between A and B on 16 December 1949`, `Memorandum of
  Conversation, A with B, C, and D`, `A's Telephone Conversation with B`: participants;
- `Journal of A for 7 March 1960`, `A's Recollections of …`, `Speech by A`: an author.

A subject after the parties (`, on …`, `, ‘On Our Attitude …’`, `, Meeting with …`) and a
date in the title are left out of the parties.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from cablegram.lexicon.dates import MONTH_NAMES
from cablegram.lexicon.names import PREPOSITION, ROLE_WORD
from cablegram.model import DocType, Participant, Party
from cablegram.parse.doctypes import kind_in
from cablegram.parse.parties import participants_of, party_of

NUMBER = re.compile(r"^\s*(?:No\.|N[°º]|№|Nr\.)\s*(?P<number>[\w/-]+)")
ORIGIN = re.compile(r"^\s*from\s+(?P<origin>[A-Z][\w]+(?: [A-Z][\w]+)?)\s*,")
# a subject after the parties: ', on …', ' on the Draft …', ' Conveying a Message …'
# where a speech was made: 'Statement by A in the Security Council', 'Speech by A at the
# 873rd Meeting of …', 'at the Plenum of the CC'
VENUE = re.compile(
    r"\s+(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:Meeting|Session|Council|Assembly"
    r"|Conference|Congress|Plenum|Parliament|Senate|Sitting)\b.*$"
)
SUBJECT_FIRST = re.compile(r"^\s*(?:on|about|regarding|concerning|re:)\s", re.I)
SUBJECT = re.compile(
    r"(?:,\s+|\s+)(?:on|about|regarding|concerning|re:|conveying|transmitting|forwarding"
    r"|reporting|enclosing|containing|in connection with|and draft)\s.*$"
    r"|,\s*[‘'\"“].*$|,\s+(?:[A-Z][a-z]+ing|Meeting|Talks?|Conversation)\b.*$"
    r"|,\s+with\s+(?:an?\s+|the\s+)?(?:instructions?|enclosures?|attachments?|appendi\w+"
    r"|annex\w*|comments?|notes?|drafts?|texts?|cop(?:y|ies)|proposals?|questions?|requests?"
    r"|reply|answer|remarks?)\b.*$",
    re.I,
)
TRANSMITTING = re.compile(r",?\s+(?:transmitting|conveying|forwarding|enclosing)\b", re.I)
TITLE_DATE = re.compile(
    rf"\s+(?:on|of|for|dated)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})"
    rf"|(?:{MONTH_NAMES})\s+\d{{1,2}}|\d{{1,2}}\.\d{{1,2}})\b.*$",
    re.I,
)
TRAILING_DATE = re.compile(
    rf",?\s+(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\.?(?:\s+\d{{1,2}},?)?\s+\d{{4}}\s*$", re.I
)
VIA = re.compile(r"\s*[\[(]\s*(?P<via>via\s+[^\])]+)[\])]|\s+(?P<bare>via\s+.+)$")
FOR_ADDRESSEE = re.compile(r",\s+for\s+(?P<addressee>[A-ZА-ЯЁ].*)$")
HYPHENED_PARTIES = re.compile(r"^(?P<names>[A-Z][a-z]+(?:-[A-Z][a-z]+)+)\s+$")
TO = re.compile(r"\s+to\s+")
LEADING_ADJECTIVE = re.compile(r"^(?:Confidential|Secret|Top Secret|Urgent|Personal)\s+", re.I)


@dataclass(frozen=True)
class TitleFacts:
    """What a title tells of its document."""

    kind: DocType | None = None
    type_words: str | None = None
    number: str | None = None
    origin: str | None = None
    senders: tuple[Party, ...] = ()
    addressees: tuple[Party, ...] = ()
    intermediaries: tuple[Party, ...] = ()
    participants: tuple[Participant, ...] = ()
    authors: tuple[Party, ...] = ()


def read_title(title: str) -> TitleFacts:
    """Kind, number, parties, participants and author named in a title."""
    found = kind_in(title)
    if found is None:
        return TitleFacts()
    kind, words = found
    before, after = title[: words.start()], title[words.end() :]
    number = None
    if match := NUMBER.match(after):
        number, after = match["number"], after[match.end() :]
    origin = None
    if (match := ORIGIN.match(after)) and TO.search(after[match.end() :]):
        origin, after = match["origin"], after[match.end() - 1 :]  # 'from Beijing, A to B'
    facts = TitleFacts(kind, LEADING_ADJECTIVE.sub("", words[0]), number, origin)
    if TRANSMITTING.search(before) and _split_to(before):
        return _correspondence(facts, before)  # 'A to B, transmitting a Letter from C'
    if kind in {"memorandum", "telcon", "minutes"}:
        return _conversation(facts, before, after)
    if possessor := _possessor(before):
        return _with(facts, authors=(possessor,))
    if kind in {"journal", "statement", "other"}:
        return _authored(facts, after)
    if match := HYPHENED_PARTIES.match(before):  # 'Mikoyan-Suslov Report'
        senders = tuple(p for n in match["names"].split("-") if (p := party_of(n)))
        return _with(facts, senders=senders)
    return _correspondence(facts, after)


def _with(facts: TitleFacts, **changes: object) -> TitleFacts:
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]


def _possessor(before: str) -> Party | None:
    """`Anastas Mikoyan’s Recollections`, `The Chancellor's [Helmut Kohl's] …`."""
    match = re.search(r"^(?P<who>.+?)['’]s?\s*(?:\[[^\]]*\]\s*)?$", before.strip())
    if not match:
        return None
    return party_of(before.strip())


def _conversation(facts: TitleFacts, before: str, after: str) -> TitleFacts:
    """Participants of a conversation, meeting or call: `between A and B`, `, A with B`,
    `of A and B`, `A's … with B`."""
    first = party_of(before) if _possessor(before) else None
    text = TITLE_DATE.sub("", after)
    text = re.sub(r"^\s*,?\s*(?:conversation|discussion|talks?|meeting)\b", "", text, flags=re.I)
    persons = re.match(r"^\s*(?:,\s*)?(?:between|with)\s+|^\s*,\s+(?=[A-Z])", text)
    if facts.kind != "minutes" and not persons:
        persons = re.match(r"^\s*of\s+", text)  # 'Conversation of Mao and …'
    if not persons and not first:
        return facts  # 'Transcript of CPSU CC Politburo Session': a body met, no names
    text = text[persons.end() :] if persons else ""
    text = re.sub(r"\s+(?:on|about|regarding|concerning)\s+(?:the\s+)?[A-Z].*$", "", text)
    participants = participants_of(text) if text else ()
    if first:
        lead = Participant(first.name, None, first.role, first.identification)
        participants = (lead, *participants)
    return _with(facts, participants=participants)


def _authored(facts: TitleFacts, after: str) -> TitleFacts:
    """`Journal of A for 7 March 1960`, `Speech by A to B`, `Address by A to …`."""
    match = re.search(r"(?:^\s*of|\bby)\s+(?P<who>.+)$", after)
    if not match:
        return facts
    who = TRAILING_DATE.sub("", TITLE_DATE.sub("", match["who"]))
    who = VENUE.sub("", SUBJECT.sub("", who))
    who = re.split(r"\s+(?:and|before)\s+", who, maxsplit=1)[0]
    if split := _split_to(who):  # 'Speech by A to B', not 'Ambassador to the DRV A'
        who = split[0]
    author = party_of(who)
    return _with(facts, authors=(author,) if author else ())


def _correspondence(facts: TitleFacts, after: str) -> TitleFacts:
    """Senders, addressees and intermediaries: `, A to B`, `from A to B`, `of A to B`,
    `from A and B on …`, with `via X`, `[via X]`, `…, for C`."""
    if SUBJECT_FIRST.match(after):
        return facts  # 'Information on the Parties of …': a subject, no party named
    parties = re.sub(r"^\s*(?:,\s*)?(?:from|of|by)?\s*", "", after)
    parties = re.sub(r"^\s*,\s*", "", parties)
    via: tuple[Party, ...] = ()
    if match := VIA.search(parties):
        via_text = (match["via"] or match["bare"])[4:]
        via = tuple(p for piece in _pieces(via_text) if (p := party_of(piece)))
        parties = parties[: match.start()] + parties[match.end() :]
    parties = TRAILING_DATE.sub("", parties)
    subject = SUBJECT.search(parties)
    split = _split_to(parties)
    if subject and (split is None or subject.start() < len(split[0])):
        parties = parties[: subject.start()]  # 'X on Aid to the DPRK', "X, 'On Sending … to …'"
    forwarded = FOR_ADDRESSEE.search(parties)
    if forwarded and _split_to(parties[: forwarded.start()]):
        # 'Filippov [Stalin] to Krasovsky, for Mao Zedong': Krasovsky passes it on
        sender, channel = _split_to(parties[: forwarded.start()])  # type: ignore[misc]
        parties = f"{sender} to {forwarded['addressee']}"
        via = tuple(p for piece in _pieces(channel) if (p := party_of(piece)))
    split = _split_to(parties)
    if split is None:
        senders = tuple(p for piece in _pieces(SUBJECT.sub("", parties)) if (p := party_of(piece)))
        return _with(facts, senders=senders, intermediaries=via)
    sender_text, addressee_text = split
    return _with(
        facts,
        senders=tuple(p for piece in _pieces(sender_text) if (p := party_of(piece))),
        addressees=tuple(
            p for piece in _pieces(SUBJECT.sub("", addressee_text)) if (p := party_of(piece))
        ),
        intermediaries=via,
    )


def _split_to(parties: str) -> tuple[str, str] | None:
    """Sender and addressee at the ' to ' between them (not the one inside a role:
    'Soviet Ambassador to the USA Dobrynin to USSR Foreign Ministry')."""
    for match in TO.finditer(parties):
        left, right = parties[: match.start()].strip(), parties[match.end() :].strip()
        last = left.split()[-1] if left.split() else ""
        if not left or ROLE_WORD.fullmatch(last) or last.lower() in PREPOSITION:
            continue
        if right[:1].isupper() or re.match(r"(?:the|all)\s+[A-ZА-ЯЁ]", right):
            return left, right
    return None


def _pieces(text: str) -> list[str]:
    """Several parties named together: `A and B`, `A, B and C` (a place after an office's
    comma stays with it: `Ministry of Foreign Affairs, Moscow`)."""
    text = text.strip(" ,")
    pieces = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+", text)
    out: list[str] = []
    for piece in pieces:
        place = out and re.fullmatch(r"[A-ZА-ЯЁ][\w'’-]+", piece)
        if place and (before := party_of(out[-1])) and before.kind == "org":
            out[-1] = f"{out[-1]}, {piece}"  # 'Ministry of Foreign Affairs, Moscow'
            continue
        out.append(piece)
    return [p for p in out if p]
