"""The authority files' own rules (schemas/authority.sch): each rule fires on an entry made
to break it, and only there; a well-formed file passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from cablegram.validate import validate_files

PERSONS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="persons" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>persons</title></titleStmt>
      <publicationStmt><p>For a test.</p></publicationStmt>
      <sourceDesc><p>Written for the test.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <listPerson>
{entries}
      </listPerson>
    </body>
  </text>
</TEI>
"""


def person(xml_id: str, *forms: tuple[str, str, str], country: str | None = None) -> str:
    names = "".join(
        f'<persName type="{kind}" xml:lang="{lang}">{text}</persName>' for kind, lang, text in forms
    )
    if country:
        names += f'<nationality ref="places.xml#{country}"/>'
    return f'        <person xml:id="{xml_id}">{names}</person>'


KIM = person("kim-il-sung", ("preferred", "en", "Kim Il Sung"), ("preferred", "ru", "Ким Ир Сен"))
NAM = person("nam-il", ("preferred", "en", "Nam Il"))


def rules_broken(tmp_path: Path, *entries: str) -> list[tuple[str, str, str]]:
    """(rule, severity, message) of each issue validation finds in a persons file."""
    path = tmp_path / "authority" / "persons.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PERSONS.format(entries="\n".join(entries)), encoding="utf-8")
    report = validate_files([path])
    return [(issue.rule, issue.severity, issue.message) for issue in report.issues]


def test_a_well_formed_authority_file_passes(tmp_path: Path) -> None:
    assert rules_broken(tmp_path, KIM, NAM) == []


@pytest.mark.parametrize(
    ("entry", "rules"),
    [
        (person("nam-il", ("variant", "en", "Nam Il")), "cg-auth-preferred"),
        (
            person("nam-il", ("preferred", "en", "Nam Il"), ("preferred", "en", "General Nam")),
            "cg-auth-preferred cg-auth-preferred-lang",  # two preferred forms in English
        ),
        (
            person(
                "nam-il",
                ("preferred", "en", "Nam Il"),
                ("preferred", "ru", "Нам Ир"),
                ("preferred", "ru", "Нам Иль"),
            ),
            "cg-auth-preferred-lang",
        ),
        (person("Nam_Il", ("preferred", "en", "Nam Il")), "cg-auth-id-form"),
        (person("nam-il-", ("preferred", "en", "Nam Il")), "cg-auth-id-form"),
        (person("nam-p2", ("preferred", "en", "Nam Il")), "cg-auth-id-page"),
        (person("nam-p12", ("preferred", "en", "Nam Il")), "cg-auth-id-page"),
        (person("li-p123456", ("preferred", "en", "Li")), "cg-auth-id-page"),
    ],
    ids=[
        "no-preferred-english",
        "two-preferred-english",
        "two-preferred-russian",
        "id-not-lowercase",
        "id-ends-in-hyphen",
        "id-like-page-2",
        "id-like-page-12",
        "id-like-page-123456",
    ],
)
def test_each_rule_fires_on_the_entry_that_breaks_it(
    tmp_path: Path, entry: str, rules: str
) -> None:
    broken = rules_broken(tmp_path, KIM, entry)
    assert {found for found, _, _ in broken} == set(rules.split())


@pytest.mark.parametrize(
    "xml_id", ["nam-p", "nam-pp2", "p2-nam", "nam-2", "nam-p2-il", "unit-38", "nam-p1", "nam-p01"]
)
def test_ids_that_only_look_like_a_page_name_pass(tmp_path: Path, xml_id: str) -> None:
    """Only "-p" and a page number from 2 at the very end is the web edition's name of a
    further page (the first page has none)."""
    assert rules_broken(tmp_path, KIM, person(xml_id, ("preferred", "en", "Nam Il"))) == []


def test_the_page_rule_names_both_pages_that_would_clash(tmp_path: Path) -> None:
    [(rule, severity, message)] = rules_broken(
        tmp_path, KIM, person("nam-il-p12", ("preferred", "en", "Nam Il"))
    )
    assert (rule, severity) == ("cg-auth-id-page", "error")
    assert 'page person-nam-il-p12.html is also page 12 of the list of "nam-il"' in message


def test_a_form_naming_two_entries_is_a_warning(tmp_path: Path) -> None:
    twin = person("nam-il", ("preferred", "en", "Nam Il"), ("variant", "en", "KIM IL SUNG"))
    broken = rules_broken(tmp_path, KIM, twin)
    assert {(rule, severity) for rule, severity, _ in broken} == {
        ("cg-auth-duplicate-form", "warning")
    }


IVAN = ("preferred", "en", "Ivan Kovalev")
EVGENY = ("preferred", "en", "E. F. Kovalev")
GENERIC = ("generic", "en", "Kovalev")


def test_a_generic_form_may_name_several_entries(tmp_path: Path) -> None:
    """Homonyms are separate entries; the form they share is generic on each."""
    assert (
        rules_broken(
            tmp_path,
            person("ivan-kovalev", IVAN, GENERIC, country="ussr"),
            person("evgeny-kovalev", EVGENY, GENERIC, country="ussr"),
        )
        == []
    )


def test_a_generic_form_is_never_a_variant_of_one_entry(tmp_path: Path) -> None:
    broken = rules_broken(
        tmp_path,
        person("ivan-kovalev", IVAN, ("variant", "en", "KOVALEV"), country="ussr"),
        person("evgeny-kovalev", EVGENY, GENERIC, country="ussr"),
    )
    assert [(rule, severity) for rule, severity, _ in broken] == [
        ("cg-auth-generic-variant", "error")
    ]
    assert '"KOVALEV" is a variant of "ivan-kovalev" but generic elsewhere' in broken[0][2]


def test_a_generic_form_needs_a_country_to_be_decided(tmp_path: Path) -> None:
    broken = rules_broken(tmp_path, person("evgeny-kovalev", EVGENY, GENERIC))
    assert [(rule, severity) for rule, severity, _ in broken] == [
        ("cg-auth-generic-country", "warning")
    ]


def test_every_country_of_the_authority_files_is_a_place() -> None:
    """`nationality`, `country` and `location/country` point at an entry of places.xml."""
    directory = Path(__file__).parent.parent / "tei" / "authority"
    tei = "{http://www.tei-c.org/ns/1.0}"
    places = {
        p.get("{http://www.w3.org/XML/1998/namespace}id")
        for p in etree.parse(str(directory / "places.xml")).iter(f"{tei}place")
    }
    refs = [
        (path.name, element.get("ref"))
        for path in directory.glob("*.xml")
        for element in etree.parse(str(path)).iter(f"{tei}nationality", f"{tei}country")
    ]
    assert refs
    assert [(name, ref) for name, ref in refs if ref.split("#")[1] not in places] == []
