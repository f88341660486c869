"""The names of the months, and the Roman numerals of a month, as the documents write them."""

from __future__ import annotations

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "января", "январь", "январе", "januar", "janvier"),
            ("february", "feb", "февраля", "февраль", "феврале", "februar", "février"),
            ("march", "mar", "марта", "март", "марте", "märz", "mars"),
            ("april", "apr", "апреля", "апрель", "апреле", "avril"),
            ("may", "мая", "май", "мае", "mai"),
            ("june", "jun", "июня", "июнь", "июне", "juni", "juin"),
            ("july", "jul", "июля", "июль", "июле", "juli", "juillet"),
            ("august", "aug", "августа", "август", "августе", "août"),
            ("september", "sep", "sept", "сентября", "сентябрь", "сентябре", "septembre"),
            ("october", "oct", "октября", "октябрь", "октябре", "oktober", "octobre"),
            ("november", "nov", "ноября", "ноябрь", "ноябре", "novembre"),
            ("december", "dec", "декабря", "декабрь", "декабре", "dezember", "décembre"),
        ],
        start=1,
    )
    for name in names
}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10, "XI": 11, "XII": 12}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
