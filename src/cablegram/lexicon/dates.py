"""The names of the months, and the Roman numerals of a month, as the documents write them."""

from __future__ import annotations

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "января", "январь", "januar"),
            ("february", "feb", "февраля", "февраль", "februar"),
            ("march", "mar", "марта", "март", "märz"),
            ("april", "apr", "апреля", "апрель"),
            ("may", "мая", "май", "mai"),
            ("june", "jun", "июня", "июнь", "juni"),
            ("july", "jul", "июля", "июль", "juli"),
            ("august", "aug", "августа", "август"),
            ("september", "sep", "sept", "сентября", "сентябрь"),
            ("october", "oct", "октября", "октябрь", "oktober"),
            ("november", "nov", "ноября", "ноябрь"),
            ("december", "dec", "декабря", "декабрь", "dezember"),
        ],
        start=1,
    )
    for name in names
}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10, "XI": 11, "XII": 12}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
