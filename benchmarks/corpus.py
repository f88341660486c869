"""A synthetic corpus of archive exports, for benchmarks at scale.

Cables are assembled from the structures the parser knows (page fields, cable furniture,
copy tables, stamps, numbered points, quoted telegrams, sheet turns, closers and clerks'
notes, the archive's brackets), with names, numbers, dates and lengths drawn at random
from a seeded generator, in the three export layouts (Markdown, plain text, pdftotext),
one in twenty cut off mid-word. Nothing is a byte copy of a seed.

    python benchmarks/corpus.py 1000 /tmp/corpus
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

SENDERS = [
    ("Mao Zedong", "МАО ЦЗЕ-ДУН", "Filippov", "ФИЛИППОВУ", "Stalin"),
    ("Filippov", "ФИЛИППОВ", "Mao Zedong", "МАО ЦЗЕ-ДУНУ", None),
    ("Razuvaev", "РАЗУВАЕВ", "Filippov", "ФИЛИППОВУ", "Stalin"),
    ("Krasovsky", "КРАСОВСКИЙ", "Filippov", "ФИЛИППОВУ", "Stalin"),
    ("Zakharov", "ЗАХАРОВ", "Filippov", "ФИЛИППОВУ", "Stalin"),
]
PLACES_RU = ["Кэсоне", "Гензане", "Пхеньяне", "Пекине", "районе 38 параллели", "Кайдзю"]
PLACES_EN = ["Kaesong", "Wonsan", "Pyongyang", "Beijing", "the area of the 38th parallel"]
PEOPLE_RU = ["Ким Ир Сену", "Пэн Дэ-хуаю", "Ли Кэ-нуну", "Нам Иру", "Дэн Хуа"]
PEOPLE_EN = ["Kim Il Sung", "Peng Dehuai", "Li Kenong", "Nam Il", "Deng Hua", "Ridgway"]
RU_SENTENCES = [
    "Сообщаю Вам содержание переговоров, состоявшихся в {place}.",
    "Противник настаивает на обсуждении вопроса о демаркационной линии.",
    "Прошу Вас дать указания тов. {person} по этому вопросу.",
    "Наша делегация предложила продолжить заседание на следующий день.",
    "Американские представители отказались обсуждать вывод иностранных войск.",
    "Считаю необходимым усилить противовоздушную оборону в {place}.",
    "Ответ будет передан по радио в течение двух дней.",
]
EN_SENTENCES = [
    "I report the content of the negotiations which took place in {place}.",
    "The enemy insists on discussing the question of the demarcation line.",
    "Please give instructions to Cde. {person} on this question.",
    "Our delegation proposed to continue the session the next day.",
    "The American representatives refused to discuss the withdrawal [of] foreign troops.",
    "I consider it necessary to strengthen the air defense in {place}.",
    "The reply will be broadcast by radio within two days.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
PDF_HEADER = (
    "                    Digital Archive                         digitalarchive.wilsoncenter.org\n"
    "            International History Declassified\n\n"
)


def _us(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _sentences(rng: random.Random, sentences: list, places: list, people: list) -> str:
    """One to three sentences of a bank, with a place and a person filled in."""
    return " ".join(
        rng.choice(sentences).format(place=rng.choice(places), person=rng.choice(people))
        for _ in range(rng.randint(1, 3))
    )


def _ru_paragraphs(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = _sentences(rng, RU_SENTENCES, PLACES_RU, PEOPLE_RU)
        if rng.random() < 0.3 and len(words) > 60:  # a word broken at a line end
            cut = words.index(" ", 40)
            words = words[: cut - 2] + "-  \n" + words[cut - 2 :]
        out.append(words)
    return out


def _en_paragraphs(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        text = _sentences(rng, EN_SENTENCES, PLACES_EN, PEOPLE_EN)
        if rng.random() < 0.2:
            text += " The meeting at Kaidzio [sic; possibly Kaesong][?] was postponed."
        if rng.random() < 0.2:
            text += " G[roup?] leader Chang [?] arrived."
        out.append(text)
    return out


def make_export(k: int, rng: random.Random) -> str:
    """One export of a cable, in one of the archive's layouts."""
    sent = date(1951, 6, 20) + timedelta(days=rng.randint(0, 70))
    number = rng.randint(20000, 29999) + k
    sender, sender_ru, addressee, addressee_ru, ident = rng.choice(SENDERS)
    addressed = f"{addressee} [{ident}]" if ident else addressee
    title = f"Ciphered Telegram No. {number}, {sender} to Cde. {addressed}"
    points = rng.randint(0, 5)
    paragraphs = rng.randint(1, 6)
    ru = [
        "ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ ГЕНШТАБА СОВЕТСКОЙ АРМИИ",
        f"ШИФРТЕЛЕГРАММА № {number}",
        "НЕ СЕКРЕТНО",
        "Экз. № 1\tТов. Сталину\tЭкз. № 3\n№ 2\tТов. Молотову\t№ 4",
        f"из ПЕКИНА получена {rng.randint(0, 23)} ч. {rng.randint(10, 59)} м. "
        f"{sent.day}.{sent.month}.1951 г.",
        f"ПОДЛЕЖИТ ВОЗВРАТУ\nв IV часть ОС ЦК ВКП(б)\nВх. № {rng.randint(1000, 9999)} "
        f"от {sent.day}/VII 1951 г.",
        'СЕРИЯ "Г"',
        f"товарищу {addressee_ru}",
        *_ru_paragraphs(rng, paragraphs),
    ]
    for n in range(1, points + 1):
        ru.append(f"{n}. " + _ru_paragraphs(rng, 1)[0])
        if n == 2 and rng.random() < 0.3:
            ru += ["/см. сл. лист/", f"Продолжение шифртелеграммы № {number}", "Лист 2"]
    ru += [
        sender_ru,
        f"№ {rng.randint(3000, 3999)}",
        f"{sent.day}.{sent.month}.51 г.",
        f"расш. Ваганов {rng.randint(10, 23)}.{rng.randint(10, 59)} {sent.day}.{sent.month}",
        "Проверил: НАЧАЛЬНИК ОТДЕЛЕНИЯ\nПОЛКОВНИК",
        "/Макаров/",
    ]
    en = [
        "SECOND MAIN DIRECTORATE OF THE GENERAL STAFF OF THE SOVIET ARMY",
        f"CIPHERED TELEGRAM No. {number}",
        "Copies: Stalin (2)",
        f"From BEIJING Received 11:30 {sent.day}.{sent.month}.1951",
        f"[stamp: Incoming N° {rng.randint(1000, 9999)}/sh of {sent.day} "
        f"{MONTHS[sent.month - 1]} 1951]",
        'SERIES "G"',
        f"To Comrade {addressee.upper()}" + (f" [{ident}]" if ident else ""),
        *_en_paragraphs(rng, paragraphs),
    ]
    if rng.random() < 0.3:
        en += ['"Comrade Mao Zedong!', *_en_paragraphs(rng, 2), 'Kim Il Sung 29.6.51"']
    en += [f"{n}. " + _en_paragraphs(rng, 1)[0] for n in range(1, points + 1)]
    en += [
        sender.upper(),
        f"No. {rng.randint(3000, 3999)}",
        f"{sent.day} {MONTHS[sent.month - 1]} 1951",
        f"Deciphered by Vaganov at {rng.randint(10, 23)}{rng.randint(10, 59)} {sent.day} "
        f"{MONTHS[sent.month - 1]}",
        "Verified: COLONEL [signature] (Makarov)",
    ]
    fields = {
        "citation": f'"{title}", {_us(sent)}, Wilson Center Digital Archive, APRF, f. 45, '
        f"op. 1, d. {rng.randint(300, 345)}, l. {rng.randint(1, 150)}. "
        + ("Translated by Gary Goldberg. " if rng.random() < 0.5 else "")
        + f"https://digitalarchive.wilsoncenter.org/document/{110000 + k}",
        "summary": f"{sender} reports on the armistice negotiations in {rng.choice(PLACES_EN)}.",
        "language": "Russian",
        "contents": ["Original Scan", "Translation - English"],
    }
    layout = ("markdown", "plain", "pdftotext")[k % 3]
    text = _layout(layout, sent, title, fields, ru, en)
    if k % 20 == 19:  # a page that stops mid-word (not inside an editorial bracket)
        text = text[: int(len(text) * 0.9)].rstrip()
        if text.rfind("[") > text.rfind("]"):
            text = text[: text.rfind("[")].rstrip()
        text = text[:-2] if text[-1].isalpha() else text
    return text


def _layout(layout: str, sent: date, title: str, fields: dict, ru: list, en: list) -> str:
    body = "\n\n".join(ru + en)
    if layout == "markdown":
        return (
            f"\n\n## **{_us(sent)}**\n\n### **{title}**\n\n#### **Citation:**\n\n"
            f"{fields['citation']}\n\n#### **Summary:**\n\n{fields['summary']}\n\n"
            f"#### **Original Language:**\n\n{fields['language']}\n\n#### **Contents:**\n\n"
            + "  \n".join(fields["contents"])
            + f"\n\n{body}\n"
        )
    if layout == "plain":
        return (
            f"\n\n{_us(sent)} {title}\n\nCitation:\n\n{fields['citation']}\n\nSummary:\n\n"
            f"{fields['summary']}\n\nOriginal Language:\n\n{fields['language']}\n\n"
            "Contents:\n\n" + "\n".join(fields["contents"]) + f"\n\n{body}\n"
        )
    head = (
        PDF_HEADER + f"                              {_us(sent)}\n"
        f"                 {title}\n\nCitation:\n      {fields['citation']}\n\nSummary:\n"
        f"      {fields['summary']}\n\nOriginal Language:\n      {fields['language']}\n\n"
        "Contents:\n" + "\n".join(f"      {c}" for c in fields["contents"]) + "\n"
    )
    pages = [head, "\n\n".join(ru), "\n\n".join(en)]
    return "\f".join(PDF_HEADER + page if n else page for n, page in enumerate(pages)) + "\n"


def generate(n: int, out: Path, seed: int = 1951) -> list[Path]:
    """Write n exports into `out` (deterministic for a given seed)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        path = out / f"synthetic_{k:05d}.txt"
        path.write_text(make_export(k, rng), encoding="utf-8")
        paths.append(path)
    return paths


def replicate_tei(n: int, out: Path) -> list[Path]:
    """N TEI files made from the converted seeds and test variants (ids rewritten to their
    file names), with the authority files beside them: a realistic corpus of real layouts."""
    import shutil

    from cablegram import pipeline

    root = Path(__file__).resolve().parent.parent
    converted = out / "converted"
    shutil.copytree(root / "tei" / "authority", converted / "authority")
    results = pipeline.convert([root / "seeds", root / "tests" / "variants"], converted)
    return copies([r.output for r in results if r.output], n, out / "corpus")


def copies(originals: list[Path], n: int, corpus: Path) -> list[Path]:
    """N copies of the TEI files `originals`, round, in `corpus` beside a copy of their
    authority files, each with its own file name and matching xml:id."""
    import shutil

    shutil.copytree(originals[0].parent / "authority", corpus / "authority")
    files = []
    for k in range(n):
        original = originals[k % len(originals)]
        stem = f"{original.stem}-copy{k:05d}"
        data = original.read_bytes().replace(
            f'xml:id="{original.stem}"'.encode(), f'xml:id="{stem}"'.encode(), 1
        )
        target = corpus / f"{stem}.xml"
        target.write_bytes(data)
        files.append(target)
    return files


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
