"""The words that say what kind of document a title or a heading names.

Each kind of ENCODING.md (`text/@type`) with the phrases that name it, in English, Russian
and German. A title names its kind where such a phrase stands first ('Press Release
containing a Speech …' is a statement; 'Cable, …, Meeting with …' a cable).
"""

from __future__ import annotations

import re

KIND_PHRASES: tuple[tuple[str, str], ...] = (
    ("telcon", r"(?:(?:record|memorandum|minutes|notes?|summary|memo|transcript) of (?:the |a )?)?"
               r"(?:telephone conversation|telephone call)|phone call|telcon"
               r"|telefongespräch|telefonat|телефонн\w+ разговор\w*"),
    ("memorandum", r"(?:record|memorandum|notes?|summary|memo|transcript) of (?:the |a )?"
                   r"(?:conversation|talks?|discussion|meeting)s?"
                   r"|minutes of (?:the |a )?(?:conversation|talks?|discussion)s?"
                   r"|memcon|conversation|discussion"
                   r"|talks?|meeting|запис\w+ бесед\w*|бесед[аы]|gespräch(?:svermerk)?"),
    ("minutes", r"minutes|protocol|stenographic (?:record|report|transcript)|stenogram|transcript"
                r"|summary records?(?! of (?:the |a )?(?:conversation|talk|discussion))"
                r"|working notes|official records?|plenary meeting|session|plenum"
                r"|протокол\w*|стенограмм\w*|niederschrift"),
    ("journal", r"journal|diary|дневник\w*|tagebuch"),
    ("decree", r"decree|resolution|directive|instructions?|order|decision"
               r"|постановлени\w+|решени\w+|директив\w+|beschluss"),
    ("statement", r"press release|statement|speech|address|declaration|communiqu[eé]|appeal"
                  r"|toast|interview|заявлени\w+|речь|выступлени\w+|erklärung|rede"),
    ("cable", r"ciphered telegram|cipher telegram|telegram|cablegram|cable|ciphergram|message"
              r"|шифртелеграмм\w*|шифровк\w+|телеграмм\w*|telegramm|fernschreiben"),
    ("letter", r"letter|note verbale|письм\w+|brief|schreiben"),
    ("report", r"report|information note|information|spravka|reference note|memorandum|memo"
               r"|analysis|assessment|доклад\w*|докладн\w+ записк\w+|справк\w+|информаци\w+"
               r"|записк\w+"
               r"|bericht|vermerk|aufzeichnung"),
    ("other", r"recollections?|memoirs?|reminiscences|notes|list of \w+|questionnaire"),
)  # fmt: skip
KIND_PATTERNS = tuple(
    (kind, re.compile(rf"(?<!\w)(?:{phrases})(?!\w)", re.IGNORECASE))
    for kind, phrases in KIND_PHRASES
)
# A memorandum is a record of conversation when the title speaks of one ('Memorandum,
# Conversation of Mao and …'); otherwise a memorandum from A to B reports.
CONVERSATION = re.compile(r"\b(?:conversation|talks?|discussion|meeting)\b", re.IGNORECASE)
# What only minutes have: an agenda, or those present listed at the head of the text
# ('In attendance: Comrades …', 'Present:', 'Chaired by …', 'Присутствовали:'); a record
# of a conversation (its title says so) that lists who was present stays a record.
AGENDA = re.compile(
    r"^(?:agenda|order of the day|повестка дня|tagesordnung|napirend|ordinea de zi|porządek"
    r" dzienny)\b",
    re.IGNORECASE,
)
ATTENDANCE = re.compile(
    r"^(?:in attendance|present|chaired|presiding|присутствовали|председательствовал"
    r"|anwesend|jelen vannak|jelen voltak|participanți|obecni)\b",
    re.IGNORECASE,
)
DIALOGUE = re.compile(r"\b(?:conversation|talks?|discussion|telephone|беседа|gespräch)\b", re.I)
# A 'Message' that reports (D1): a report, unless it has a telegram's form
MESSAGE = re.compile(r"messages?", re.IGNORECASE)
REPORTS = re.compile(r"^(?:we|i)\s+(?:hereby\s+)?report\b", re.IGNORECASE)
# Sent by post, not by telegraph: a 'telegram' whose text says so is a letter.
BY_POST = re.compile(
    r"\b(?:sending|send|sent|forward\w*|transmit\w*) (?:\w+ ){0,8}?by (?:diplomatic )?"
    r"(?:post|mail|pouch|courier|bag)\b",
    re.IGNORECASE,
)
