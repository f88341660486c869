"""The Schematron rules (schemas/cablegram.sch): the corpus passes them, each one fails a fixture.

Every assert is checked both ways: the committed corpus, every converted seed and variant and
the hand-made documents of tests/fixtures/ pass all the error rules, and each assert's rule
context matches nodes of that corpus where it holds; each assert fails in a small fixture of
tests/invalid/schematron/ (a trimmed real document with exactly one thing broken), whose SVRL
report must fail exactly the assert ids that manifest.toml lists for it.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from lxml.isoschematron import Schematron

from cablegram import pipeline
from cablegram.validate.schematron import _may_match_attribute, streamline
from conftest import sample_paths

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "cablegram.sch"
FIXTURES = Path(__file__).resolve().parent / "invalid" / "schematron"
MANIFEST = FIXTURES / "manifest.toml"
TEI_FILES = sorted((ROOT / "tei").glob("*.xml"))
# the example of the encoding as the spec gives it, kept for the renderers' tests: it writes
# `October [5?]` in a date, which cg-no-brackets refuses (schemas/README.md, decisions);
# memorandum-1949-12-16-stalin.xml is the same document, `October 5?`, and passes
SPEC_EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "v2-example.xml"
# documents made by hand for the shapes the converter may not write yet: all pass
V2_FILES = sorted(p for p in SPEC_EXAMPLE.parent.glob("*.xml") if p != SPEC_EXAMPLE)
SEEDS = ROOT / "seeds"
VARIANTS = Path(__file__).resolve().parent / "variants"
SOURCES = sorted(SEEDS.glob("*.txt")) + sorted(VARIANTS.glob("*.txt")) + sample_paths()
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH = {"sch": SCH_NS}
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
ROLES = {"error", "warning"}

# cablegram output that breaks a rule, by source: a bug in src/, not in the rule. The test
# expects exactly these failures (xfail); when src/ is fixed it fails until the entry goes.
KNOWN_DEFECTS: dict[str, set[str]] = {}


@dataclass(frozen=True)
class SchemaAssert:
    """One sch:assert or sch:report of the schema, with the context of its rule."""

    id: str
    role: str
    context: str
    element: etree._Element


def _schema_asserts() -> list[SchemaAssert]:
    tree = etree.parse(str(SCHEMA))
    return [
        SchemaAssert(
            node.get("id", ""),
            node.get("role", ""),
            node.getparent().get("context", ""),
            node,
        )
        for node in tree.iterfind(".//sch:rule/*", SCH)
        if etree.QName(node).localname in ("assert", "report")
    ]


ASSERTS = _schema_asserts()
ASSERT_IDS = sorted({a.id for a in ASSERTS})


def _schema_namespaces() -> dict[str, str]:
    tree = etree.parse(str(SCHEMA))
    return {ns.get("prefix"): ns.get("uri") for ns in tree.iterfind("sch:ns", SCH)}


def _manifest() -> dict[str, dict]:
    with MANIFEST.open("rb") as handle:
        return tomllib.load(handle)


def context_xpath(pattern: str) -> str:
    """An XSLT match pattern as an XPath from the root: `a | /b` becomes `//a | /b`."""
    alternatives, depth, quote, start = [], 0, "", 0
    for n, char in enumerate(pattern):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(pattern[start:n])
            start = n + 1
    alternatives.append(pattern[start:])
    return " | ".join(
        alt.strip() if alt.strip().startswith("/") else "//" + alt.strip() for alt in alternatives
    )


@dataclass(frozen=True)
class Failure:
    """A failed assert (or successful report) of an SVRL report."""

    id: str
    role: str
    location: str
    text: str

    def __str__(self) -> str:
        return f"{self.id} ({self.role}) at {self.location}: {self.text}"


@pytest.fixture(scope="module")
def validator() -> etree.XSLT:
    """The compiled validator; called with `file=` it also checks the file name (cg-file-id)."""
    schematron = Schematron(etree.parse(str(SCHEMA)), store_xslt=True, store_report=True)
    return etree.XSLT(schematron.validator_xslt)


def every_reference(doc: etree._ElementTree) -> str:
    """`$entries` saying every FILE#ID reference of the document resolves ('#none': it has
    none), for documents whose authority files are not beside them."""
    return " ".join(ref.split()[0] for ref in doc.xpath("//@ref") if "#" in ref) or "#none"


def failures(
    validator: etree.XSLT,
    doc: etree._ElementTree,
    file_name: str | None = None,
    entries: str | None = None,
):
    params = {"file": etree.XSLT.strparam(file_name)} if file_name else {}
    # the authority entries that exist, as `cablegram validate` passes them; by default
    # every reference the document makes (these rules are tested here, not the authority
    # files, which are not beside the fixtures: tests/test_edition_schemas.py runs the rule
    # on a corpus with them)
    params["entries"] = etree.XSLT.strparam(entries or every_reference(doc))
    report = validator(doc, **params)
    return [
        Failure(
            node.get("id", ""),
            node.get("role", ""),
            node.get("location", ""),
            " ".join(node.xpath("string(svrl:text)", namespaces=SVRL).split()),
        )
        for node in report.xpath("//svrl:failed-assert | //svrl:successful-report", namespaces=SVRL)
    ]


@pytest.fixture(scope="module")
def converted_corpus(converted: dict[str, pipeline.Converted]) -> dict[str, Path]:
    """Every seed, variant and real sample converted (once per session), output path by
    source name."""
    return {name: r.output for name, r in converted.items() if r.output is not None}


@pytest.fixture(scope="module")
def corpus(
    validator: etree.XSLT, converted_corpus: dict[str, Path]
) -> list[tuple[etree._ElementTree, list[Failure]]]:
    """The passing corpus (the committed TEI, the version-2 fixtures, every converted seed and
    variant), validated."""
    checked = []
    for path in TEI_FILES + V2_FILES + sorted(converted_corpus.values()):
        doc = etree.parse(str(path))
        checked.append((doc, failures(validator, doc, path.name)))
    return checked


# ---------------------------------------------------------------- the schema itself


def test_schema_is_iso_schematron_with_xslt_query_binding() -> None:
    root = etree.parse(str(SCHEMA)).getroot()
    assert root.tag == f"{{{SCH_NS}}}schema"
    assert root.get("queryBinding") == "xslt"
    Schematron(etree.parse(str(SCHEMA)), store_report=True)  # validated against ISO's RELAX NG


def test_every_assert_has_an_id_a_role_and_a_message_quoting_the_value() -> None:
    assert ASSERTS, "the schema has no asserts"
    for item in ASSERTS:
        label = item.id or etree.tostring(item.element, encoding="unicode")[:120]
        assert item.id.startswith("cg-"), f"{label}: @id must be cg-…"
        assert item.role in ROLES, f"{label}: @role must be error or warning, not {item.role!r}"
        assert item.element.find("sch:value-of", SCH) is not None, f"{label}: no sch:value-of"
        message = " ".join("".join(item.element.itertext()).split())
        assert len(message) > 40, f"{label}: the message must say how to fix it"


def test_assert_ids_are_unique() -> None:
    repeated = [i for i, n in Counter(a.id for a in ASSERTS).items() if n > 1]
    assert not repeated


# ---------------------------------------------------------------- the corpus passes


def _assert_no_errors(validator: etree.XSLT, path: Path, known: set[str]) -> None:
    found = failures(validator, etree.parse(str(path)), path.name)
    errors = [f for f in found if f.role == "error"]
    if not known:
        assert not errors, "\n".join(map(str, errors))
        return
    assert {f.id for f in errors} == known, (
        "the known cablegram defect changed (fixed? then drop it from KNOWN_DEFECTS):\n"
        + "\n".join(map(str, errors))
    )
    pytest.xfail(f"known cablegram defect: {sorted(known)}")


@pytest.mark.parametrize("path", TEI_FILES, ids=lambda p: p.stem)
def test_committed_tei_passes_every_error_rule(validator: etree.XSLT, path: Path) -> None:
    _assert_no_errors(validator, path, set())


# the warnings each version-2 fixture is known to give: none is a defect of the rules
V2_WARNINGS = {
    "memorandum-1949-12-16-stalin": {"cg-cable-number", "cg-pb-n"},  # 4040 vs 1154/sh; a bare pb
    "minutes-1953-03-presidium": set(),
}


@pytest.mark.parametrize("path", V2_FILES, ids=lambda p: p.stem)
def test_version_2_fixture_passes_every_error_rule(validator: etree.XSLT, path: Path) -> None:
    found = failures(validator, etree.parse(str(path)), path.name)
    assert {f.id for f in found} == V2_WARNINGS[path.stem], "\n".join(map(str, found))
    assert all(f.role == "warning" for f in found)


def test_version_2_fixtures_are_listed() -> None:
    assert {p.stem for p in V2_FILES} == set(V2_WARNINGS)


def test_the_spec_example_breaks_only_the_bracket_rule(validator: etree.XSLT) -> None:
    found = failures(validator, etree.parse(str(SPEC_EXAMPLE)))
    errors = [f for f in found if f.role == "error"]
    assert [f.id for f in errors] == ["cg-no-brackets"], "\n".join(map(str, found))
    assert '"October [5?]"' in errors[0].text
    warnings = {f.id for f in found if f.role == "warning"}
    assert warnings == V2_WARNINGS["memorandum-1949-12-16-stalin"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_converted_source_passes_every_error_rule(
    validator: etree.XSLT, converted_corpus: dict[str, Path], source: Path
) -> None:
    _assert_no_errors(
        validator, converted_corpus[source.name], KNOWN_DEFECTS.get(source.name, set())
    )


@pytest.mark.parametrize("assert_id", ASSERT_IDS)
def test_every_assert_holds_somewhere_in_the_corpus(
    corpus: list[tuple[etree._ElementTree, list[Failure]]], assert_id: str
) -> None:
    """The rule's context matches corpus nodes, and not all of them fail: a real passing case."""
    context = next(a.context for a in ASSERTS if a.id == assert_id)
    xpath = etree.XPath(context_xpath(context), namespaces=_schema_namespaces())
    matched = sum(len(xpath(doc)) for doc, _ in corpus)
    failed = sum(f.id == assert_id for _, found in corpus for f in found)
    assert matched, f"{assert_id}: its context {context!r} matches nothing in the corpus"
    assert matched > failed, f"{assert_id}: fails on all {matched} nodes of the corpus it checks"


def test_context_xpath_reads_unions_outside_predicates() -> None:
    assert (
        context_xpath("tei:a[@x = '|'] | /tei:TEI | @ref")
        == "//tei:a[@x = '|'] | /tei:TEI | //@ref"
    )


# ---------------------------------------------------------------- each rule fails its fixture


MANIFEST_ENTRIES = _manifest()


@pytest.mark.parametrize("stem", sorted(MANIFEST_ENTRIES))
def test_fixture_fails_exactly_its_manifest_rules(validator: etree.XSLT, stem: str) -> None:
    entry = MANIFEST_ENTRIES[stem]
    found = failures(
        validator,
        etree.parse(str(FIXTURES / f"{stem}.xml")),
        entry.get("file_name"),
        entry.get("entries"),
    )
    assert {f.id for f in found} == set(entry["rules"]), (
        f"{stem} ({entry['reason']}):\n" + "\n".join(map(str, found))
    )


def test_manifest_lists_every_fixture_with_known_rules_and_a_reason() -> None:
    assert set(MANIFEST_ENTRIES) == {p.stem for p in FIXTURES.glob("*.xml")}
    for stem, entry in MANIFEST_ENTRIES.items():
        assert set(entry) <= {"rules", "reason", "file_name", "entries"}, stem
        assert entry.get("reason", "").strip(), f"{stem}: no reason"
        unknown = set(entry["rules"]) - set(ASSERT_IDS)
        assert not unknown, f"{stem}: no such assert {sorted(unknown)}"


def test_every_assert_has_a_failing_fixture() -> None:
    covered = {rule for entry in MANIFEST_ENTRIES.values() for rule in entry["rules"]}
    assert set(ASSERT_IDS) - covered == set()


# ---------------------------------------------------------------- how callers run it


NAMED = FIXTURES / "file-id-mismatch.xml"  # its xml:id is cable-1951-06-30-21340-mao-zedong


@pytest.mark.parametrize(
    ("file_name", "passes"),
    [
        ("cable-1951-06-30-21340-mao-zedong.xml", True),
        ("cable-1951-06-30-21340-mao-zedong", True),
        ("/srv/edition/tei/cable-1951-06-30-21340-mao-zedong.xml", True),
        ("C:\\edition\\tei\\cable-1951-06-30-21340-mao-zedong.xml", True),
        ("file-id-mismatch.xml", False),
        ("x-cable-1951-06-30-21340-mao-zedong.xml", False),
        ("cable-1951-06-30-21340-mao-zedong.xml.bak", False),
    ],
)
def test_file_name_rule_compares_the_name_given(
    validator: etree.XSLT, file_name: str, passes: bool
) -> None:
    found = {f.id for f in failures(validator, etree.parse(str(NAMED)), file_name)}
    assert ("cg-file-id" not in found) is passes


def test_file_name_rule_is_skipped_by_a_plain_schematron_call() -> None:
    schematron = Schematron(etree.parse(str(SCHEMA)), store_report=True)
    assert schematron.validate(etree.parse(str(NAMED))), schematron.error_log


def test_an_error_finder_can_ignore_warnings() -> None:
    errors_only = etree.XPath("//svrl:failed-assert[@role='error']", namespaces=SVRL)
    schematron = Schematron(etree.parse(str(SCHEMA)), error_finder=errors_only)
    assert schematron.validate(etree.parse(str(FIXTURES / "lb-nobreak-after-space.xml")))
    assert schematron.validate(etree.parse(str(FIXTURES / "pb-without-n.xml")))
    assert not schematron.validate(etree.parse(str(FIXTURES / "gap-unknown-reason.xml")))
    plain = Schematron(etree.parse(str(SCHEMA)))  # lxml's default fails on warnings too
    assert not plain.validate(etree.parse(str(FIXTURES / "lb-nobreak-after-space.xml")))


# ---------------------------------------------------------------- the validator cablegram runs


def _report(validator: etree.XSLT, doc: etree._ElementTree, params: dict[str, str]) -> bytes:
    quoted = {key: etree.XSLT.strparam(value) for key, value in params.items()}
    return etree.tostring(validator(doc, **quoted))


def _streamlining_cases(schema: str, converted: dict[str, Path]) -> list[tuple[Path, dict]]:
    """Documents to check a schema's rules on, with the parameters cablegram passes."""
    if schema == "authority.sch":  # entries no document mentions fail cg-authority-unused
        return [(path, {"used": "nobody"}) for path in (ROOT / "tei" / "authority").glob("*.xml")]
    cases = [
        (
            FIXTURES / f"{stem}.xml",
            {"file": entry.get("file_name"), "entries": entry.get("entries")},
        )
        for stem, entry in MANIFEST_ENTRIES.items()
    ]
    documents = TEI_FILES + V2_FILES + list(converted.values())
    return cases + [(path, {"file": path.name}) for path in documents]


@pytest.mark.parametrize("schema", ["cablegram.sch", "authority.sch"])
def test_streamlined_rules_report_exactly_what_the_skeleton_compiles(
    schema: str, converted_corpus: dict[str, Path]
) -> None:
    """cablegram drops walks of the compiled rules that find nothing: on every fixture (each
    failing a rule), the corpus and the authority files, the SVRL is byte for byte the
    skeleton's."""
    compiled = Schematron(etree.parse(str(ROOT / "schemas" / schema)), store_xslt=True)
    skeleton = etree.XSLT(compiled.validator_xslt)
    streamlined = etree.XSLT(streamline(compiled.validator_xslt))
    failed = 0
    for path, params in _streamlining_cases(schema, converted_corpus):
        doc = etree.parse(str(path))
        if schema == "cablegram.sch" and not params.get("entries"):
            params = {**params, "entries": every_reference(doc)}
        given = {key: value for key, value in params.items() if value}
        report = _report(skeleton, doc, given)
        assert _report(streamlined, doc, given) == report, path.name
        failed += report.count(b"failed-assert")
    assert failed  # rules fail: the reports compared are not all empty


def test_streamlined_rules_walk_attributes_only_for_attribute_rules() -> None:
    compiled = Schematron(etree.parse(str(SCHEMA)), store_xslt=True)
    xslt = streamline(compiled.validator_xslt)
    xsl = {"xsl": "http://www.w3.org/1999/XSL/Transform"}
    # no walk in the default mode inside an active pattern
    assert not xslt.xpath("//svrl:active-pattern/xsl:apply-templates", namespaces={**xsl, **SVRL})
    walks = {
        (walk.get("mode"), walk.get("select"))
        for walk in xslt.iterfind(".//xsl:apply-templates[@mode]", xsl)
        if walk.get("select") != "/" and walk.get("mode", "").startswith("M")
    }
    # the pattern with the rule on @ref, @corresp … alone walks attributes
    (pointers,) = {
        template.get("mode")
        for template in xslt.iterfind("xsl:template[@mode]", xsl)
        if "@ref" in template.get("match", "")
    }
    others = {mode for mode, _ in walks} - {pointers}
    assert others and walks == {(pointers, "@*|*")} | {(mode, "*") for mode in others}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("@ref | @corresp", True),
        ("tei:x[contains(., '[')]/@y", True),
        ("a/attribute::b", True),
        ("tei:note[not(@type='clerk')] | tei:gap[not(@reason='a|@b')]", False),
        ("tei:a[@b]//tei:c[x[@y]]", False),
        ("tei:*[text()]", False),
    ],
)
def test_a_pattern_matches_attributes_by_its_last_step(pattern: str, expected: bool) -> None:
    assert _may_match_attribute(pattern) is expected
