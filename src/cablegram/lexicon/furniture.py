"""The furniture of every kind of document, beyond the Russian cable form of `patterns`:
letterheads, captions, file references, datelines, subjects, addresses and salutations,
closing formulas and signatures, in English, Russian, German and French, by their form
and words (ENCODING.md: "the vocabulary is open: these are kinds of line").
"""

from __future__ import annotations

import re

from cablegram.lexicon.alternatives import led, words
from cablegram.lexicon.names import ROLE_WORDS

I = re.IGNORECASE  # noqa: E741

# Classification and handling notes: 'Top Secret', 'Strictly confidential!', 'SECRET &
# PERSONAL', 'Only copy', 'Special File', 'By telegraph.', 'Translation from Chinese',
# 'FOR RELEASE AT 4:10 pm, EST', 'TOP SECRET, Copy Nº 2', 'Строго секретно', 'Особая папка'.
HANDLING = re.compile(
    r"^(?:(?:top|strictly|extremely|most|highly|very)\s+)?"
    r"(?:secret|confidential|urgent|immediate|personal|priority|restricted)"
    r"(?:\s*(?:&|and)\s*(?:personal|confidential|secret))?[.!]?"
    r"(?:,?\s*(?:copy|экз\.)\s*(?:N[°ºo]|№|No\.?)?\s*\d+)?$"
    r"|^(?:only copy|sole copy|single copy|special file|working copy|by (?:telegraph|"
    r"cable|courier|pouch)|en clair|in clear|not for (?:publication|the press)|for (?:release|"
    r"publication) .*|(?:translation|translated) from \w+|eyes only"
    r"|exclusively for .{3,40}|noforn|limdis|exdis|nodis)[.!]?$"
    r"|^(?:строго|совершенно|весьма)?\s*(?:секретно|срочно|конфиденциально)[.!]?$"
    r"|^(?:особая папка|только лично|перевод с \w+(?: языка)?|лично)[.!]?$"
    r"|^(?:streng |vs-)?(?:geheim|vertraulich|nur für den dienstgebrauch)[.!]?$",
    I,
)
# Lines that say what the document is without naming a kind: 'Draft.', 'Version 1'
# a return notice, which runs on over lines ('Subject to return to the 1st Section | of the
# Secretariat of the USSR MFA')
RETURN_NOTICE = re.compile(
    r"^(?:подлежит\s+возврату|subject\s+to\s+return|copies\s+(?:are\s+)?to\s+be\s+returned"
    r"|zurückzugeben)\b",
    I,
)
FORM_OF_DOCUMENT = re.compile(
    r"^(?:draft|version \d+|copy|excerpt|extract|translation|проект|выписка)\.?$", I
)
# The masthead of a body's official records (the United Nations' 'GENERAL ASSEMBLY' |
# 'Thirteenth Session' | 'Official Records' | '751st' | 'PLENARY MEETING'): the session,
# the year and the records are the series the record belongs to; a meeting's number heads
# it, alone on its line or with the meeting's name
ORDINAL = (
    r"(?:\d{1,4}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty)-)?(?:first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
    r"|fortieth|fiftieth)"
)
RECORDS_SERIES = re.compile(
    rf"^(?:{ORDINAL}\s+(?:(?:regular|special|emergency special)\s+)?(?:session|year)"
    r"|official records|supplement no\.\s*\d+)\.?$",
    I,
)
# a dateline's time on a line of its own ('at 4.45 p.m.', '16.30', 'um 10 Uhr')
TIME_ALONE = re.compile(
    r"^(?:at|um|à|в)?\s*(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s*(?:[ap]\.\s?m\.|h|hours|uhr|ч\.)?$", I
)
MEETING_NUMBER = re.compile(rf"^{ORDINAL}$", I)
MEETING = re.compile(rf"^(?P<n>{ORDINAL}\s+)?(?:plenary\s+)?meeting$", I)
# A standalone file reference or register number: 'F.N.33.', 'PR/11/57 (Ottawa)', 'D/4',
# '417/178/10', 'No. 0243/66', 'Special No. 62', 'Issuing No. 8600', 'Вх. № 2114'.
REFERENCE = re.compile(
    r"^(?:(?:F\.\s?N\.?|File(?: No\.?)?|Ref\.?|Our ref\.?|Your ref\.?|Az\.?|Tgb\.?\s*Nr\.?"
    r"|Special|Issuing|Incoming|Outgoing|Registration|Reg\.|Вх\.|Исх\.|Спец\.|СПЕЦ\.|Рег\.)"
    r"\s*(?:N[°ºo]\.?|№|No\.?|Nr\.)?\s*)?"
    r"[A-ZА-ЯЁ]{0,4}[./-]?\s?\d[\w./-]*(?:\s*\([^)]{2,20}\))?\.?$",
    I,
)
LABELLED_NUMBER = re.compile(
    r"(?P<label>Special|Issuing|Incoming|Registration|Вх\.|Спец\.|СПЕЦ\.|Исх\.)\s*"
    r"(?:N[°ºo]\.?|№|No\.?)?\s*(?P<number>\d[\w/-]*)",
    I,
)
NUMBER_KIND = {"special": "special", "issuing": "issuing", "incoming": "incoming",
               "registration": "registration", "вх.": "incoming", "спец.": "special",
               "исх.": "outgoing"}  # fmt: skip
# 'Subject:', 'SUBJECT:', 'Re:', 'Betr.:', 'Betrifft:', 'Тема:', 'Objet :'
SUBJECT = re.compile(r"^(?:subject|re|betr\.|betrifft|тема|objet|concerning)\s*:", I)
# 'To: MINREX, Havana', 'From: Embassy, Moscow', 'An:', 'Кому:'
ROUTING = re.compile(r"^(?:to|from|an|von|кому|от кого|à|de)\s*:\s*\S", I)
# a labelled date line: 'DATE: October 14, 1959', 'Date: 10/9/50', 'DATE, TIME AND PLACE: …'
DATE_LABEL = re.compile(r"^(?:date|datum|дата)(?:,\s*time(?:\s+and\s+place)?)?\s*:", I)
# 'Moscow—Ministry of Foreign Affairs of the USSR.': a place, a dash, the addressee
PLACE_DASH_ADDRESSEE = re.compile(r"^[A-ZА-ЯЁ][\w'’-]{2,}\s*[—–]\s*\S")
# Salutations: 'Dear …', 'My dear premier,', 'Respected Comrade …,', 'Уважаемый …!'
SALUTATION = re.compile(
    r"^(?:(?:my\s+)?dear|respected|esteemed|honou?red|most honou?red|sehr geehrter?|lieber?"
    r"|liebe|cher|chère|monsieur|madame|уважаем\w+|дорог\w+|глубокоуважаем\w+|многоуважаем\w+)\b",
    I,
)
# Closing formulas: 'Yours sincerely,', 'With deep respect,', 'With fraternal greetings,',
# 'Please accept … the assurances …', 'Devotedly yours,', 'С уважением', 'Mit freundlichen Grüßen'
CLOSING = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|devotedly|cordially|ever)"
    r"(?:\s+yours)?|yours(?:\s+\w+){0,2}|with\s+(?:\w+\s+){0,3}(?:greetings|respect|regards"
    r"|salutations|esteem|wishes|consideration)|please accept\b.*assurances?.*"
    r"|accept,?\s.*assurances?.*"
    r"|best regards|kind regards|regards|salute|с\s+(?:\w+\s+)?(?:уважением|приветом)"
    r"|mit\s+(?:\w+\s+)?grüßen|hochachtungsvoll|veuillez agréer.*)[,.!]?$",
    I,
)
# A caption's complement after the kind of document: parties named ('between', 'with')
# a decision's item in a protocol, its number and its subject: 'П82/214. О направлении
# советских специалистов …', 'P45/12. On the question of …' (the Politburo's protocols)
PROTOCOL_ITEM = re.compile(
    r"^[ПP]\s?\d{1,4}\s?/\s?\d{1,4}[а-яa-z]?\.?\s+(?:О|Об|Обо|On|About|Concerning|Regarding)\s", I
)
CAPTION_PARTIES = re.compile(r"\b(?:between|with|между|с|mit|avec)\b", I)
# 'Recorded by comr. Fedorenko.', 'Recorded by:', 'Записал …', 'Drafted by: …'
RECORDED_BY = re.compile(r"^(?:recorded|written down|noted)\s+by\b|^записал[аи]?\b", I)
DRAFTED_BY = re.compile(
    r"^(?:drafted|cleared|approved|prepared|typed|copied|translated|compiled)\s+(?:by|from)\b"
    r"|^(?:received at the office|issued|sent encrypted|copy filed|filed)\b",
    I,
)
# 'N copies printed', '1 - Cde. A. A. Gromyko', 'To all Provincial Premiers.'
COPIES_PRINTED = re.compile(r"^(?:\w+|\d+)\s+cop(?:y|ies)\s+(?:printed|made|typed)\b", I)
DISTRIBUTION_LINE = re.compile(r"^\d{1,2}\s*[-–—]\s*(?:\S.*)$")
DISTRIBUTED_TO = re.compile(
    r"^(?:to all\s.+|copies?\s+(?:to|sent to)\b.*|выписки послан\w*:.*|разослано:.*"
    r"|verteiler:.*|distribution:.*)$",
    I,
)
ROLE_LINE = re.compile(rf"\b{words(ROLE_WORDS)}\b", I)

# a sentence that someone says opens with a personal pronoun (never a line of furniture)
PRONOUNS = frozenset(
    [
        "I",
        "We",
        "You",
        "He",
        "She",
        "They",
        "It",
        "Мы",
        "Я",
        "Вы",
        "Он",
        "Она",
        "Они",
        "Ich",
        "Wir",
        "Sie",
        "Er",
        "Nous",
        "Je",
        "Vous",
        "Il",
        "Elle",
    ]
)
# a person's postal address: 'Mr. F. H. Boland, Permanent Representative …, New York.'
POSTAL_ADDRESS = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Herr|Frau|Monsieur|Madame|H\.E\.)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+,\s+\S"
)
# ----------------------------------------------------------------- the end of a document
# A closing formula that a name follows on the same line ('With fraternal greetings, Ho
# Chi Minh'): the formula up to its comma.
CLOSING_LEAD = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|devotedly|cordially)"
    r"(?:\s+yours)?|with\s+(?:\w+\s+){0,3}(?:greetings|respect|regards|salutations|esteem)"
    r"|с\s+(?:\w+\s+)?(?:уважением|приветом)|mit\s+(?:\w+\s+)?grüßen),",
    I,
)
# a signature's qualifier on a line under the name: 'at the instruction of the Political
# Council of the CC …', 'on behalf of the Government', 'по поручению ЦК', 'im Auftrag'
ON_BEHALF = re.compile(
    r"^(?:(?:for and )?on behalf of|at the instructions? of|on the instructions? of|by order of"
    r"|by (?:the )?authority of|по поручению|от имени|im auftrag)\b",
    I,
)
# what follows a closing formula on its line: the archive's '(Sd).', a signature's mark
SIGNED_MARK = r"\s*\((?:sd|sgd|signed|gez|подп)\.?\)\.?"
# Offices and roles that sign a document, beyond `ROLE_WORDS` ('Administrator of Affairs
# of the Council of Ministers', 'chargé d'affaires a.i.', 'Заведующий отделом').
SIGNATORY_ROLES = (
    *(re.escape(w) for w in ROLE_WORDS), "Administrator", "Manager", "Officer", "Spokesman",
    "Attach[ée]", "Charg[ée] d'affaires", "Counsel(?:l)?or", "Consul", "Plenipotentiary",
    "Заведующий", "Управляющий", "Командующий", "Главнокомандующий", "Начальник", "Заместитель",
    "Уполномоченный", "Советник", "Поверенный", "Botschafter", "Gesandter", "Leiter",
    "Vorsitzender", "Sekretär", "Referent", "Beauftragter",
)  # fmt: skip
SIGNATORY_ROLE = re.compile(
    rf"\b{led(SIGNATORY_ROLES)}\b|(?<!\w){words(('Зам', 'Нач', 'Пред', 'Deputy', 'Dep'))}\.(?=\s)",
    I,
)
# An office that signs ('Foreign Ministry', 'Embassy in Vietnam', '驻朝鲜使馆')
SIGNATORY_OFFICES = (
    "Ministry", "Embassy", "Committee", "Department", "Government", "Council", "Office",
    "Secretariat", "Headquarters", "Command", "Mission", "Delegation", "Legation", "Consulate",
    "Bureau", "Presidium", "Politburo", "Министерство", "Посольство", "МИД", "ЦК", "Ministerium",
    "Botschaft", "Amt",
)  # fmt: skip
SIGNATORY_OFFICE = re.compile(
    rf"\b{words(SIGNATORY_OFFICES)}\b"
    rf"|{words(('使馆', '外交部', '委员会', '政府', '中央', '办公厅', '领事馆', '司令部'))}$",
    I,
)
# a separator or end mark closing the text ('——————', '###', '* * *')
END_MARK = re.compile(r"^\s*(?:[*#~=_—–-]\s*){3,}$")
# lines listing where copies went: a label and names ('Copies: Stalin (2), Molotov, …',
# 'Выписки посланы: тт. …', 'Verteiler:'), 'To all Provincial Premiers.', '1 - Cde. X'
DISTRIBUTION_LABEL = re.compile(
    r"^(?:copies(?:\s+to)?|cc|distribution|verteiler|копии|рассылка|разослано"
    r"|выписки\s+послан\w*|послано)\s*:",
    I,
)
DISTRIBUTION_ITEM = re.compile(
    r"^(?:(?:copy|экз\.)\s*(?:N[°ºo]\.?|№)?\s*)?(?P<n>\d{1,2})\s*[-–—]\s*(?!\d)\S", I
)
# 'gez. Kohl', 'sgd. Dean Rusk', 'подп. Громыко': the archive's or the copyist's mark that
# the original was signed
SIGNED_PREFIX = re.compile(r"^(?:gez\.|sgd\.|signed:?|подп\.|\(signed\))\s*", I)
# a decree's enacting formula ('The Council of Ministers of the USSR RESOLVES:'): its text
ENACTS = re.compile(
    r"\b(?:RESOLVES|RESOLVED|DECIDES|DECREES|ORDERS|ПОСТАНОВЛЯЕТ|ПОСТАНОВИЛ\w*|РЕШИЛ\w*"
    r"|ПРИКАЗЫВАЮ|BESCHLIESST|BESCHLIEßT)\b"
)
