"""A one-line copy (a document-sharing site's text, its white space collapsed): the lines
recovered from the text itself.

What made the lines is gone, but most of them can be told by what they say: the archive's
banner, the date line, the field labels (`Citation:` … `Contents:`) and the items of the
contents list, a heading in capitals, the handling notes that open a document, numbered
points, footnote texts whose anchors stand earlier, and the signature line that ends it.
The text is cut there, and nowhere else: the paragraphs of running prose cannot be told
apart and stay together.
"""

from __future__ import annotations

import re

from cablegram.lexicon.dates import MONTH_NAMES
from cablegram.lexicon.patterns import HANDLING, ROLE

BANNER = re.compile(
    r"^(?:(?:Wilson Center )?Digital Archive(?:\s+digitalarchive\.[\w.]+)?|digitalarchive\.[\w.]+"
    r"|International History Declassified)\s*",
    re.IGNORECASE,
)
DATE_FIRST = re.compile(
    rf"^(?:(?:{MONTH_NAMES})\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTH_NAMES}) \d{{4}})\s+", re.I
)
FIELD_LABEL = re.compile(
    r"\s+(?=(?:Citation|Summary|Credits|Original Languages?|Contents)\s*:)", re.IGNORECASE
)
CONTENT_ITEM = re.compile(
    r"^(?:(?:Original|English|Russian|Chinese|German|Korean|French|Hungarian|Romanian)\s+)?"
    r"(?:Scan(?: of Original Document)?|Transcript(?:ion)?|Translation|Original(?: Scan)?)"
    r"(?:\s*[-–—]\s*[A-Z][a-z]+)?(?=\s|$)"
)
POINT = re.compile(r"(?<=[.;:!?”\"»)\]])\s+(?=\d{1,2}[.)]\s+[\"“«(]?[A-ZА-ЯЁ])")
CAPITALS_RUN = re.compile(
    r"(?<!\S)(?:[A-ZА-ЯЁ][A-ZА-ЯЁ'’(),.-]*\s+){2,}[A-ZА-ЯЁ][A-ZА-ЯЁ'’(),.-]*(?=\s+[A-ZА-ЯЁ][a-zа-яё]|$)"
)
TRANSLATION_FROM = re.compile(r"^(?:Translation|Translated) from \w+$", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ\[\"“])")
FOOTNOTE = re.compile(r"\s+(?=\[(\d{1,3})\]\s+[A-ZА-ЯЁ])")
# a signature's bracket after the last sentence, then a name and perhaps a date
SIGNED_TAIL = re.compile(r"(?<=[.!?”\"»])\s+\[[^\[\]]*signature[^\[\]]*\][^.!?\[\]]{2,60}$", re.I)
DATE_TAIL = re.compile(
    rf"(?<=\S)\s*(?:\d{{1,2}} (?:{MONTH_NAMES}) \d{{4}}|(?:{MONTH_NAMES}) \d{{1,2}}, \d{{4}})\.?$",
    re.IGNORECASE,
)
# 'n. Words of a head. Words of a head …': a head, then a sentence that begins with it
SAID_AGAIN = re.compile(
    r"^(?P<head>\d{1,2}\.\s+(?P<words>(?:\S+\s+){1,3}\S+)[^.!?]{0,80}\.)\s+(?P=words)\b"
)
ENDNOTE = re.compile(r" 1\. (?=[\"“«]?[A-ZА-ЯЁ])")
NEXT = r"(?=\s+[A-ZА-ЯЁ\"“«])"  # … and the next line starts
# 'From Beijing Sent 2.11.50 20.15 Received 3.11.50 0315': a transmission log
LOG = re.compile(
    rf"^(?:From|Из)\s+[A-ZА-ЯЁ][\w-]+"
    rf"(?:\s+(?:Sent|Received|Отправлено|Получено)\s+[\d.:/ ]*\d)+{NEXT}"
)
# 'Beijing, 13 April 1968', 'Washington, D.C., 14th October, 1950.': a place and a date
DATELINE = re.compile(
    rf"^(?:[A-ZА-ЯЁ][\w.'-]*,?\s+){{0,2}}[A-ZА-ЯЁ][\w.'-]*,\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES}),?"
    rf"\s+\d{{4}}\.?{NEXT}",
    re.IGNORECASE,
)
# 'CIPHERED TELEGRAM No. 2617': a form's name and number in capitals
NUMBERED_DOCTYPE = re.compile(
    rf"^[A-ZА-ЯЁ]{{3,}}(?:\s+[A-ZА-ЯЁ]{{2,}})*\s+(?:No\.|№|N[°º])\s*\d[\w/-]*{NEXT}"
)
# 'STATEMENT of the Spokesman of … Korea': a caption in capitals, then title-case words; it
# ends where a sentence starts with a capitalised small word ('On 23 January …')
CAPTION = re.compile(
    r"^[A-ZА-ЯЁ]{4,}(?:\s+(?:of|the|for|and|in|on|to|by|with|[A-ZА-ЯЁ][\w'’-]*))+?"
    r"(?=\s+(?:On|In|At|The|A|We|I|This|It)\s+[\w\d])"
)
# 'To Comrade FILIPPOV [Stalin].', 'My dear Bhai,', 'Chairman Mao and the Central Committee:'
SALUTE = re.compile(
    rf"^(?:(?:To|Dear|My dear|Dear Comrade|Comrade)\s+[^.!:,]{{1,80}}?(?:\[[^\]]+\])?[.!:,]"
    rf"|(?:Chairman|Premier|President|Comrades?|Minister)\s+[A-ZА-ЯЁ][\w'’-]*\s+and\s+the\s+"
    rf"(?:[A-ZА-ЯЁ][\w'’-]*\s*){{1,3}}:){NEXT}"
)
CLOSING_DATE = re.compile(
    rf",\s*(?:(?:{MONTH_NAMES})\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTH_NAMES}) \d{{4}})\.?$",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 6
TITLE_WORDS = 4  # a heading that starts as the title does says the title again


def oneline_lines(text: str) -> list[str]:
    """The lines of a one-line copy, as far as the text tells them."""
    rest = " ".join(text.split())
    lines: list[str] = []
    while banner := BANNER.match(rest):
        lines.append(banner.group(0).strip())
        rest = rest[banner.end() :]
    if date := DATE_FIRST.match(rest):
        lines.append(date.group(0).strip())
        rest = rest[date.end() :]
    pieces = FIELD_LABEL.split(rest)
    title = pieces[0]
    lines.append(title)
    for piece in pieces[1:-1]:
        lines.append(piece)
    if len(pieces) > 1:
        lines.extend(_last_field(pieces[-1], title))
    return [line for line in lines if line]


def _last_field(text: str, title: str) -> list[str]:
    """The last field and the document after it (the field is one paragraph; a contents
    list is its items)."""
    label, _, value = text.partition(":")
    if label.strip().lower() != "contents":
        value = value.strip()
        first, _, body = value.partition(" ")  # a language name, or the field's one sentence
        if label.strip().lower().startswith("original lang"):
            return [f"{label}:", first, *_body(body, title)]
        cut = SENTENCE_END.search(value)
        if cut is None:
            return [f"{label}: {value}"]
        return [f"{label}: {value[: cut.start()]}", *_body(value[cut.end() :], title)]
    lines = [f"{label}:"]
    rest = value.strip()
    while item := CONTENT_ITEM.match(rest):
        lines.append(item.group(0))
        rest = rest[item.end() :].strip()
    return lines + _body(rest, title)


def _body(text: str, title: str) -> list[str]:
    """The document's text: its opening furniture and heading (the title said again),
    headings in capitals, points, closing lines and footnotes on lines of their own."""
    lines: list[str] = []
    rest = text.strip()
    while rest:
        taken = _leading_line(rest)
        if taken is None:
            break
        lines.append(rest[:taken].strip())
        rest = rest[taken:].strip()
    opening = " ".join(title.split()[:TITLE_WORDS]).casefold()
    if opening and rest.casefold().startswith(opening) and (end := SENTENCE_END.search(rest)):
        heading = rest[: end.start()]
        if dated := CLOSING_DATE.search(heading):  # '…, October 5, 1945.': its dateline (D4)
            lines.extend([heading[: dated.start()], dated.group(0).strip(" ,")])
        else:
            lines.append(heading)
        rest = rest[end.end() :]
    rest, endnotes = _endnotes(rest)
    paragraphs: list[str] = []
    for piece in _cut_headings(rest):
        for point in POINT.split(piece):
            for part in _quoted(point):
                paragraphs.extend(p for p in _said_again(part) if p.strip())
    return lines + _closing(paragraphs) + endnotes


# a text quoted whole after its lead's colon: 'the following telegram of Comrade Mao
# Zedong: “Comrade FILIPPOV! The enemy … MAO ZEDONG 2 November 1950” R O S H C H I N …'
QUOTATION_OPENS = re.compile(r"(?<=:)\s+(?=[“«„])")
CLOSING_MARK = {"“": "”", "«": "»", "„": "“"}
QUOTED_WORDS = 12  # a quoted phrase ('he said: “no”') is the sentence's, not a text
# its salutation ('“Comrade FILIPPOV!'), and its signature and date at its end
QUOTED_SALUTATION = re.compile(
    r"^[“«„](?:To|Dear|Comrade|Cde\.|Товарищ|Тов\.|Дорогой|Уважаемый|Lieber|Genosse)\b"
    r"[^.!?:]{1,60}[!:,](?=\s+[A-ZА-ЯЁ])"
)
QUOTED_SIGNATURE = re.compile(
    r"(?<=[.!?])\s+(?=(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+){0,2}"
    r"(?:\s+[\w.,]{1,12}){0,4}[”»“]$)"
)


def _quoted(text: str) -> list[str]:
    """A paragraph whose lead quotes a text whole after a colon: the lead, the quoted
    text's salutation, its text and its signature, and what follows it, on lines of their
    own (the parser reads the quotation and its own opener and closer from them)."""
    opens = QUOTATION_OPENS.search(text)
    if opens is None:
        return [text]
    start = opens.end()
    mark, close = text[start], CLOSING_MARK[text[start]]
    depth, end = 0, None
    for k in range(start, len(text)):
        depth += (text[k] == mark) - (text[k] == close) if mark != close else 0
        if text[k] == close and depth <= 0 and (k + 1 == len(text) or text[k + 1].isspace()):
            end = k + 1
            break
    if end is None:
        return [text]
    quotation = text[start:end]
    if len(quotation.split()) < QUOTED_WORDS or not SENTENCE_END.search(quotation):
        return [text]
    pieces = [text[:start].strip()]
    if salutation := QUOTED_SALUTATION.match(quotation):
        pieces.append(salutation.group(0))
        quotation = quotation[salutation.end() :].strip()
    if signature := QUOTED_SIGNATURE.search(quotation):
        pieces += [quotation[: signature.start()], quotation[signature.end() :]]
    else:
        pieces.append(quotation)
    return [*pieces, *_quoted(text[end:].strip())] if text[end:].strip() else pieces


def _said_again(text: str) -> list[str]:
    """A numbered head run into its text, which says it again ('1. The Revolutionary
    Committee of the Guomindang. The Revolutionary Committee of the Guomindang was formed
    …'): the head on a line of its own."""
    found = SAID_AGAIN.match(text)
    if found is None:
        return [text]
    return [text[: found.end("head")], text[found.end("head") :].strip()]


def _endnotes(text: str) -> tuple[str, list[str]]:
    """The numbered notes that end the text ('… 10 February 1952 1. The campaign …, 1951.
    2. The …'), each on a line of its own, when their numbers are glued, in order, to
    words before them ('campaign1', 'merchants2')."""
    for start in reversed([m.start() for m in ENDNOTE.finditer(text)]):
        if not text[start:].startswith(" 1. "):
            continue
        cuts = [start]
        for n in range(2, 10):
            found = re.search(rf"(?<=[.!?”\"»)]) {n}\. (?=\S)", text[cuts[-1] + 1 :])
            if found is None:
                break
            cuts.append(cuts[-1] + 1 + found.start())
        body, anchors = text[:start], 0
        for n in range(1, len(cuts) + 1):
            found = re.search(rf"[^\W\d_][.,;:!?”\"»)]?{n}(?![\w/-])", body[anchors:])
            if found is None:
                break
            anchors += found.end()
        else:
            notes = [text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
            return body.strip(), notes
    return text, []


def _leading_line(text: str) -> int | None:
    """The length of a line that opens the document: a bracketed note standing first, a
    handling note ('Secret', 'Making copies prohibited'), 'Translation from Chinese'."""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and re.match(r"\s+[A-ZА-ЯЁ]", text[end + 1 :]):
            return end + 1
        return None
    words = text.split(" ")
    for k in range(MAX_FURNITURE_WORDS, 0, -1):
        head = " ".join(words[:k])
        following = words[k] if k < len(words) else ""
        if (HANDLING.match(head) or TRANSLATION_FROM.match(head)) and following[:1].isupper():
            return len(head)
    for pattern in (LOG, DATELINE, NUMBERED_DOCTYPE, CAPTION, SALUTE):
        if found := pattern.match(text):
            return found.end()
    return None


def _cut_headings(text: str) -> list[str]:
    """A heading in capitals (three words or more) on a line of its own."""
    pieces: list[str] = []
    pos = 0
    for found in CAPITALS_RUN.finditer(text):
        if found.start() > pos:
            pieces.append(text[pos : found.start()])
        pieces.append(found.group(0))
        pos = found.end()
    pieces.append(text[pos:])
    return [p.strip() for p in pieces if p.strip()]


def _closing(paragraphs: list[str]) -> list[str]:
    """The signature line ('Ambassador of the USSR in China A[pollon] Petrov.') and the
    footnote texts ('[1] It had …', anchored earlier) at the end, on lines of their own."""
    if not paragraphs:
        return paragraphs
    *before, last = paragraphs
    out = [*before]
    notes = FOOTNOTE.split(last)
    anchors = " ".join(paragraphs)
    body = notes[0]
    footnotes = []
    for n, note in zip(notes[1::2], notes[2::2], strict=True):
        if anchors.count(f"[{n}]") >= 2:
            footnotes.append(note.strip())
        else:
            body += f" {note}"
    sentences = SENTENCE_END.split(body)
    if len(sentences) > 1 and ROLE.match(sentences[-1]) and len(sentences[-1].split()) <= 14:
        out.append(body[: len(body) - len(sentences[-1])].strip())
        out.append(sentences[-1])
    elif signed := SIGNED_TAIL.search(body):
        out.append(body[: signed.start()].strip())  # '… bourgeoisie. [Chinese signature] Gao
        signature = signed.group(0).strip()  # Gang 10 February 1952': signature and date
        dated = DATE_TAIL.search(signature)
        out.extend(
            [signature[: dated.start()].strip(), dated.group(0).strip()] if dated else [signature]
        )
    else:
        out.append(body)
    return out + footnotes
