"""What the parts of a cable look like: the patterns that classify its blocks and lines.

Kept apart from the code that uses them so that an editor meeting a new form of cable
furniture has one place to look. Patterns cover the Russian originals (including the
usual OCR slips) and the archive's English translations.
"""

from __future__ import annotations

import functools
import re

from cablegram.lexicon.dates import MONTH_NAMES

I = re.IGNORECASE  # noqa: E741

# OCR reads Cyrillic letters as their Latin look-alikes ('ШИФPТЕЛЕГPАММА' with a Latin P,
# 'CEPИЯ', 'pасш.') and the digit 1 as I ('2I758', 'I3.7.5I'). The patterns below are
# matched on a copy of the text with these read back (`for_matching`, letter for letter,
# so positions hold); the text itself keeps the source's reading.
LATIN_LOOKALIKES = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
DIGIT_LOOKALIKES = str.maketrans("Il", "11")
MIXED_WORD = re.compile(r"\b(?=\w*[А-Яа-яЁё])(?=\w*[A-Za-z])\w+\b")
DIGIT = re.compile(r"\d")
NUMBER_WITH_I = re.compile(r"\b(?=[\dIl.]*\d)(?=[\d.]*[Il])[\dIl.]+\b")


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def for_matching(text: str) -> str:
    """`text` with the Latin look-alikes inside Cyrillic words and the I or l inside
    numbers read as what they stand for (same length)."""
    if not text.isascii() and MIXED_WORD.search(text):  # (no Cyrillic letter in ASCII)
        text = MIXED_WORD.sub(lambda m: m[0].translate(LATIN_LOOKALIKES), text)
    if ("I" in text or "l" in text) and DIGIT.search(text):
        text = NUMBER_WITH_I.sub(lambda m: m[0].translate(DIGIT_LOOKALIKES), text)
    return text


# ----------------------------------------------------------------- opener (furniture)
OFFICE = re.compile(
    r"(?<!\w)(?:УПРАВЛЕНИ|ГЕНШТАБ|ГЕНЕРАЛЬН\w+ ШТАБ|МИНИСТЕРСТВ|ПОСОЛЬСТВ|DIRECTORATE"
    r"|ADMINISTRATION|GENERAL STAFF|MINISTRY|EMBASSY|MINISTERIUM|BOTSCHAFT(?!er)|MISSION(?!ar)"
    r"|DEPARTMENT|WHITE HOUSE"  # (a 'Botschafter', a 'Commissioner' is a person)
    r"|COUNCIL OF|COMMISSION(?!er)|UNITED NATIONS|GENERAL ASSEMBLY|SECURITY COUNCIL"
    r"|TRUSTEESHIP COUNCIL|LEGATION|CONSULATE|SECRETARIAT"
    r"|\w+AMT\b|REFERAT|COMMITTEE|ПРЕЗИДИУМ|СОВЕТ МИНИСТРОВ)",
    I,
)
DOCTYPE = re.compile(
    r"^(?:ШИФР\w*|ШИФРО\w*|ТЕЛЕГРАММ\w*|CIPHER\w*|CABL\w*|TELEGRAM\w*|CHIFFR\w*|"
    r"Telegramm\w*|ДОКЛАД|REPORT|MEMORANDUM|ЗАПИСКА|Bericht)\b.*?(?:№|No\.?|N[°ºo]|Nr\.)\s*:?\s*[\dIl]",
    I,
)
CABLE_NUMBER = re.compile(r"(?:№|No\.?|N[°ºo]|Nr\.)\s*:?\s*(?P<number>[\dIl][\w/-]*)")
# … and in a transmission log, where a copy's number may stand too ('Экз. № 2')
LOG_NUMBER = re.compile(
    r"(?<!Экз\. )(?<!Экз\.)(?<!Copy )(?:№|No\.?|N[°º]|Nr\.)\s*:?\s*(?P<number>\d[\w/-]*)", I
)
HANDLING = re.compile(
    r"^(?:НЕ\s*СЕКРЕТНО|СОВ(?:ЕРШЕННО)?\.?\s*СЕКРЕТНО|СЕКРЕТНО|Снят\w*\s+копи\w*.*"
    r"|ПОДЛЕЖИТ ВОЗВРАТУ.*|Subject to return.*|NOT SECRET|TOP SECRET|SECRET|STRICTLY SECRET|"
    r"SECRET (?:&|AND) PERSONAL|PERSONAL (?:&|AND) (?:SECRET|CONFIDENTIAL)|(?:STRICTLY )?"
    r"CONFIDENTIAL|EYES ONLY|"
    r"Making copies .*|Copying (?:is )?(?:prohibited|forbidden).*|(?:Streng )?Geheim.*"
    r"|Copies (?:made )?(?:are )?(?:to be )?returned.*)$",
    I,
)
RECEIVED = re.compile(
    r"^(?:\S+\s+){0,3}(?:получен\w*|received|eingegangen|sent|отправлен\w*)\b"
    r"|^(?:из|from|На:?|aus)\s+\[?[A-ZА-ЯЁ][\w\]-]*\]?$"
    r"|^(?:из|from|aus)\s+[A-ZА-ЯЁ][\w-]+[,.]?\s+(?:[\w.]+\s+){0,3}?(?:N[°ºo]\.?|№|No\.?)?\s*\d",
    I,
)
RECEIVED_PLACE = re.compile(
    r"(?:(?<=\bиз )|(?<=\bИз )|(?<=\bfrom )|(?<=\bFrom )|(?<=\bНа: )|(?<=\bНа )|(?<=\baus ))"
    r"[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё-]{2,}\b"
)
SERIES = re.compile(r"^(?:СЕРИЯ|SERIES|Serie)\b|^\S{4,6}\s+[\"“«][ГG][\"”»](?:\s+[ТT]\.?)?$", I)
SALUTE = re.compile(
    r"^[\"“«]?(?:товарищу|товарищам|тов\.|To Comrade|to Cde\.?|To Cde\.?|To Cdes\.|"
    r"to Comrade|for Comrade|for Cde\.|Товарищ|Comrade|Cde\.|An\s+(?:den|Genossen))\s",
    I,
)
SALUTE_AFTER = re.compile(
    r"(?<=\S)\s+(?=(?:to|To|TO|for|For)\s+(?:Cde\.|Comrade|Cdes\.)\s)|(?<=\S)\s+(?=(?:товарищу|тов\.)\s)"
)
ADDRESS = re.compile(
    r"^[A-ZА-ЯЁ]{3,}(?:,[^,]{1,30})?(?:\s*[—–-]+\s*|,\s*)(?:TO|ТОВ\.?|Т\.|ДЛЯ)\s+\S", I
)
# The Foreign Ministry's form: 'СОВПОСОЛ - РАЗУВАЕВУ', 'SOVIET AMBASSADOR - TO RAZUVAEV'
# (capitals only: a sentence with a dash is no address)
ADDRESS_BARE = re.compile(
    r"^[A-ZА-ЯЁ]{3,}(?:\s+[A-ZА-ЯЁ]{3,}){0,2}\s*[—–-]+\s*(?:TO\s+)?[A-ZА-ЯЁ]{3,}(?:\s+[A-ZА-ЯЁ]{3,})?$"
)
# the place the cable goes to, on a line of its own above the address: 'ПХЕНЬЯН', 'PYONGYANG'
DESTINATION = re.compile(r"^[A-ZА-ЯЁ]{4,}(?:[ -][A-ZА-ЯЁ]{3,})?$")
FORM = re.compile(r"^(?:(?:для заметок|резолюция|революция|и|for notes|resolution)\s*)+$", I)
STAMP_BLOCK = re.compile(r"^ПОДЛЕЖИТ ВОЗВРАТУ(?!\s+ЧЕРЕЗ).*(?:Вх|Ex|Bx|Вх\.№)\.?\s*№", I | re.S)
# '[stamp: …]', holding perhaps a bracket of its own ('… of 21 [illegible] July 1951'), or
# a stamp the archive describes ('[Classification level blacked out: "NOT SECRET" Stamped]')
STAMP_BRACKET = re.compile(
    r"^\[(?:\s*stamp\s*:(?:[^\[\]]|\[[^\[\]]*\])*|[^\[\]]*\bstamped\s*)\]$", I
)
DISTRIBUTION = re.compile(
    r"^(?:Экз\.?\s*№\s*\d+\s+\S|Copy\s+N[°ºo.]*\s*\d+\s+(?:to|for|тов)\b|Copies\s*:|Копии\s*:"
    r"|Ausfertigung)",
    I,
)
# a copy's number standing alone: 'Copy No. 1', 'Экз. № 2'
COPY_LINE = re.compile(r"^(?:Copy|Экз\.?|Ausfertigung)\s*(?:N[°ºo]\.?|№|No\.?)?\s*\d+[.,]?$", I)
COPY_ITEM = re.compile(
    r"(?<=\s)(?<!Copy )(?<!Экз\. )(?=(?:Copy\s+|Экз\.\s*)?(?:N[°ºo]|№)\s*\d+\s+(?:to|тов\.|для)\s)",
    I,
)
FOLIO_MARK = re.compile(r"^(?:№\s*\d+(?:,\s*[IVX]+)?(?:\s*\d+)?|\d{1,4}|[-–—]\s*\d{1,3}\s*[-–—])$")

# ----------------------------------------------------------------- sheet turns
CATCHWORD = re.compile(
    r"^/?\s*(?:см\.?\s*\S{0,4}\.?\s*лист\w*|see next (?:page|sheet)|continued)\s*/?$", I
)
CONTINUATION = re.compile(
    r"^(?:Продолжение\s+\w*телеграммы|Continuation of (?:the )?\w* ?telegram)\b", I
)
SHEET_HEADER = re.compile(r"^(?:Лист|Sheet|Page)\s*\d*$|^Экз\.?\s*№\s*\d*$", I)
LONE_NUMBER = re.compile(r"^(?:\d{1,6}|[-–—]\s*\d{1,3}\s*[-–—])$")
SHEET_NUMBER = re.compile(r"^(?:Лист|Sheet|Page)\s*(?P<n>\d+)$", I)

# ----------------------------------------------------------------- body
# a point's label: '1.', '2)', '(3)', 'a)', 'б.', '(c)', 'IV.', '(ii)', '（一）', '三、', '- 1.'
# (not a person's initials 'I. V. Stalin', not 'e.g.', not a decimal '1.5'); '2.Text' lacks
# its space
POINT_LABEL = re.compile(
    r"^\s*(?:[-*•]\s+)?(?:"  # a Markdown bullet before the number: the page's list markup
    r"\((?P<paren>\d{1,3}|[a-zа-я]|[ivx]{1,5})\)"
    r"|[（(](?P<han>[一二三四五六七八九十]{1,3})[）)]|(?P<han_comma>[一二三四五六七八九十]{1,3})、"
    r"|(?P<num>\d{1,3})(?P<num_sep>[.)])(?![\d.])"
    r"|(?P<roman>[IVX]{1,5})\.(?!\s*[A-ZА-ЯЁ]\.)"
    r"|(?P<lower>[a-zа-я]|[ivx]{2,5})(?P<lower_sep>[.)])(?!\s*[a-zа-я]\.)"
    r")(?:\s+(?=\S)|(?=[A-ZА-ЯЁ\"“«])|(?<=[）)、])(?=[\u4e00-\u9fff]))"
)
# a part's number or letter alone ('II.', 'B'), or with the word naming the part
# ('Amendment .1.', 'Article 3', 'Статья 2', 'Part II')
PART_ALONE = re.compile(
    r"^(?:(?:Amendment|Article|Section|Part|Chapter|Annex|Appendix|Paragraph|Статья|Раздел"
    r"|Глава|Часть|Приложение|Artikel|Abschnitt|Teil)\s*\.?\s*(?:[IVX]{1,5}|\d{1,3}|[A-Z])"
    r"|[IVX]{1,5}|[A-Z])\.?$"
)
# a dashed or bulleted point ('- для …', '– continuous tension', '• …')
DASH_POINT = re.compile(r"^\s*(?P<mark>[-–—•▪·*])\s+(?=\S)")
FOOTNOTE_DEF = re.compile(r"^\[(?P<n>\d{1,3})\]\s+(?P<text>\S.*)$", re.S)
TERMINAL = re.compile(r"[.!?:;…»\"”)’。！？：；」』）】]\s*$")
# a word no sentence ends with: a line or page cut after one goes on ('… can receive a' |
# 'Czechoslovak trade delegation', '… направляю в' | 'Корею.')
CONNECTOR = re.compile(
    r"\b(?:a|an|the|of|to|in|on|at|by|for|with|from|and|or|but|that|which"
    r"|в|во|на|и|к|с|со|о|об|по|за|из|от|до|для|у|что|а|но|не)\s*$",
    re.IGNORECASE,
)

# ----------------------------------------------------------------- closer
RANK = (
    r"(?:ПОДПОЛКОВНИК|ПОЛКОВНИК|МАЙОР|ГЕНЕРАЛ[\w-]*|КАПИТАН|ЛЕЙТЕНАНТ|LIEUTENANT COLONEL|"
    r"COLONEL|MAJOR|GENERAL|CAPTAIN|LIEUTENANT|Oberst|Major)"
)
RANK_WORD = re.compile(rf"\b{RANK}\b", I)
CLERK = re.compile(
    r"^(?:(?:расш|расп|рашп|расм|отп|отпеч|напеч|зашифр)\.|(?:Deciphered|Decoded|Decrypted|"
    r"Enciphered|Encoded|Sent|Printed|Typed|Dispatched|Transmitted)\s+by\b|Sent\s+(?:at\s+)?\d|"
    r"Sent\s+to\b|Verified\b|"
    r"Checked\b|Провер\w*|провер\w*|Пров\.|Отправлено\b|Расшифровал\w*|Зашифровал\w*|"
    r"Отпечатано\b|Напечатано\b|экз\.\s*№|\w+\s+copies\s+(?:printed|made)|"
    r"Copies\s+\d+\s+and\s+\d+|отп\.\s*\d+\s*экз|Entschlüsselt|Abgesandt)",
    I,
)
CLERK_SPLIT = re.compile(
    r"(?<=\S)\s*(?=(?:отп|расш|расп)\.|(?:Sent|Printed|Typed|Deciphered|Decoded) by\b"
    r"|Verified:|Проверил)"
)
CLERK_PERSON = re.compile(
    r"(?:(?<=расш\.)|(?<=расп\.)|(?<=отп\.)|(?<=отпеч\.)|(?<=\bby )|(?<=расш\. )|(?<=расп\. )"
    r"|(?<=отп\. )|(?<=отпеч\. ))(?P<name>[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)"
)
SIGNATURE_LINE = re.compile(
    rf"\[(?:illegible\s+)?signature\]|^\s*{RANK}\b|^/[^/]{{2,40}}/$|^\([^()]{{2,40}}\)$"
    r"|^[А-ЯA-Z]\.\s?[А-ЯA-Z]\.\s?[А-ЯA-Z][а-яa-z]+$",
    I,
)
SIGNER_NAME = re.compile(
    r"(?<=[(/])[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*)?(?=[)/])"
    r"|\b[А-ЯA-Z]\.\s?[А-ЯA-Z]\.\s?[А-ЯA-Z][а-яa-z]+\b"
)
ROLE = re.compile(
    r"^(?:Commander|Chief|Head|Chairman|Minister|Ambassador|Chargé|Командующий|"
    r"Главнокомандующий|Начальник|Председатель|Министр|Посол|Leiter|Botschafter|Gesandter)\b",
    I,
)
NUMBER_LINE = re.compile(r"^(?:№|No\.?|N[°ºo]\.?:?|Nr\.)\s*:?\s*[\dIl]")
OUTGOING = re.compile(r"(?:№|No\.?|N[°ºo]\.?:?|Nr\.)\s*:?\s*[\dIl][\w/-]*")
DATE_LINE = re.compile(
    rf"^(?:\d{{1,2}}[./](?:\d{{1,2}}|[IVX]{{1,4}}[./]\d{{2,4}}\b)|\d{{1,2}}\s+(?:{MONTH_NAMES})\b"
    r"|(?:Date|Дата|Datum)\b)",
    I,
)
NAME_TOKEN = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’-]*\.?|[А-ЯA-Z]\.(?:[А-ЯA-Z]\.)*\s?[А-ЯA-Z][\w-]+|\[[^\]]+\]|"
    r"\([A-ZА-ЯЁ][^)]*\))$"
)
REST_TOKEN = re.compile(
    rf"^(?:№|No\.?|N[°ºo]\.?:?|Nr\.|г\.?|года|[\d.:/IVXl-]*\d[\d.:/IVXl-]*[.,]?|"
    rf"(?:{MONTH_NAMES})\.?,?|at|в)$",
    I,
)
CLOSING_SALUTE = re.compile(
    r"^(?:Mit (?:sozialistischem|kommunistischem|freundlichem) Gru|With (?:communist|socialist|"
    r"comradely) greetings|С (?:коммунистическим|товарищеским) приветом|Sincerely|Respectfully)",
    I,
)
CLOSER_DISTRIBUTION = re.compile(r"^(?:Verteiler|Distribution|Рассылка|Разослано)\s*:", I)
# The first words of a quoted letter or telegram: an address or a salutation.
QUOTED_START = re.compile(
    r"^[\"“«„]\s*(?:To\b|Dear\b|Comrade\b|Cde\.|Товарищ|Тов\.|Дорогой|Уважаемый|Lieber|Genosse)"
)
QUOTED_SALUTE = re.compile(r"^[\"“«][^\"“”«»]{1,60}![\"”»]$")
# A signature the archive describes in brackets ('[signature]', '[illegible signature]',
# '[signature illegible 31/XII]', '[Chinese signature]', '[подпись]'), or marks '(-)'
SIGNATURE_BRACKET = re.compile(r"\[[^\[\]]*(?:signature|подпис)[^\[\]]*\]", I)
SIGN_MARK = re.compile(r"\((?:\s*[-–—]\s*|sd|sgd|signed|подп)\.?\)", I)
# a letter-spaced word: three letters or more, each followed by one space ('S H T Y K O V')
LETTERSPACED = re.compile(r"(?<![\w.])(?:[^\W\d_] ){2,}[^\W\d_](?![\w.])")
# A number that begins a closer's part: 'No. 1154/sh.', '№ 0431', 'Nº [208]', 'Nº
# [handwritten: 328/ag] [signature]', 'Incoming No. 2114', 'Вх. № 2114'
NUMBER_LABEL = r"(?i:Incoming|Outgoing|Special|Issuing|Registration|Reg\.|Вх\.|Исх\.|Спец\.|Рег\.)"
CLOSER_NUMBER = re.compile(
    rf"^(?:{NUMBER_LABEL}\s*)?(?:№|No\.?|N[°ºo]\.?|Nr\.)\s*:?\s*"
    r"(?:\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]|[\dIl][\w/.-]*)(?:\s*\[[^\[\]]*\])*"
)
# A number with its kind in words: 'Special No. 62', 'Issuing No. 8600', 'Вх. № 2114'
LABELLED_NUMBER = re.compile(
    rf"(?P<label>{NUMBER_LABEL})\s*(?:N[°ºo]\.?|№|No\.?|Nr\.)?\s*:?\s*(?P<number>\d[\w/-]*)"
)
NUMBER_KINDS = {"incoming": "incoming", "outgoing": "outgoing", "special": "special",
                "issuing": "issuing", "registration": "registration", "reg.": "registration",
                "вх.": "incoming", "исх.": "outgoing", "спец.": "special",
                "рег.": "registration"}  # fmt: skip
# A copy's number: 'Copy Nº 2', 'экз. № 3-4', 'copy No. 3-4', 'Copies 3 and 4'
COPY_NUMBER = re.compile(
    r"(?<!\w)(?:[Cc]op(?:y|ies)|COPY|[Ээ]кз\.|Ausfertigung)\s*(?:N[°ºo]\.?|№|No\.?|Nr\.)?\s*"
    r"\d+(?:\s*(?:[-–,]|and|и|und)\s*\d+)*(?!\w)"
    r"|(?<!\w)(?:Copy|COPY)\s+[A-Z](?![\w.])"  # a copy's letter: 'Copy A'
)
# ... and, in a note that counts copies ('Four copies printed. Nº 3 and 4 filed'), the
# numbers of the copies kept
COPIES_KEPT = re.compile(r"(?:N[°ºo]\.?|№|No\.?)\s*\d+(?:\s*(?:[-–]|and|и)\s*\d+)+(?!\w)")
COUNTS_COPIES = re.compile(r"\bcop(?:y|ies)\b|экз\.", I)
CJK_DATE = (
    r"[〇○零一二三四五六七八九十]{2,4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
)
# A date that begins a closer's part, a place perhaps before it ('Hanoi, 3 July 1966',
# '5.XI.62', '30.XII.194[illegible]', '13/5-50', '13 September of this year',
# '17th October, 1958.', 'July 14, 1951', '一九五七年九月十三日'), a time perhaps after it
CLOSER_DATE = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’-]+(?:[ -][A-ZА-ЯЁ][\w'’-]+){0,2},\s+(?:den\s+|le\s+)?)?"
    r"(?:(?:[01]\d|2[0-3])[.:]?[0-5]\d\s+(?=\d))?"  # a time before the date: '1145 10 July'
    r"(?:\d{1,2}[./](?:\d{1,2}|[IVX]{1,4})(?:[./-]\d{1,4}(?:\[[^\[\]]*\]|[‸?])?)?(?![\w/])"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?i:{MONTH_NAMES})\b\.?(?:,?\s+\d{{4}}\b)?"
    rf"|(?i:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|{CJK_DATE})"
    r"(?:\s*(?:г\.|года\b|(?i:of this year)))?"
    r"(?:,?\s+(?:at\s+|в\s+|um\s+)?(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:]\d))?"
)
# a day and month after a time ('12.10 2.10': ten past twelve on 2 October)
DATE_AFTER_TIME = re.compile(
    r"(?:(?<=\d\d[.:]\d\d )|(?<=\b\d[.:]\d\d ))(?P<day>\d{1,2})\.(?P<month>\d{1,2})"
    r"(?:\.(?P<year>\d{4}|\d{2}))?(?![\d.]\d)"
)
# a day and month with the year after a space ('30/VI 1950 г.')
NUMERIC_YEAR_APART = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})[./](?P<month>\d{1,2}|[IVX]{1,4})\s+(?P<year>(?:19|20)\d\d)\b"
    r"(?:\s*г\.)?"
)
