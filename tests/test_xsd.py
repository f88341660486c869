"""schemas/cablegram.xsd: the project's TEI customisation, a strict subset of tei_all.

- The hand-made version-2 documents of tests/fixtures/, every committed TEI file and every
  converted seed, variant and real sample are valid against it.
- It never accepts what the official tei_all rejects: one jing call checks every document
  the XSD accepts, including documents built at random from the XSD's own content models
  until they have used every parent/child pair the XSD allows.
- Each fixture in tests/invalid/xsd/ breaks one rule and is rejected with the exact number
  of errors given in its manifest; libxml2 (lxml), which `cablegram.validate` asks first,
  gives the same verdicts.
"""

from __future__ import annotations

import itertools
import random
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from xmlschema.validators import XsdElement

from cablegram import pipeline
from conftest import ROOT, TEI_ALL_RNG, TEI_DIR

XSD = ROOT / "schemas" / "cablegram.xsd"
INVALID = Path(__file__).resolve().parent / "invalid" / "xsd"
FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures").glob("*.xml"))  # hand-made, valid
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def fixture_manifest() -> dict[str, dict]:
    with (INVALID / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(XSD))


@pytest.fixture(scope="module")
def lxml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture(scope="module")
def documents(converted: dict[str, pipeline.Converted]) -> list[Path]:
    """The committed corpus, and every seed, variant and real sample converted (the
    session's one conversion): cablegram's output."""
    outputs = sorted(r.output for r in converted.values() if r.output is not None)
    assert len(outputs) >= 100
    return sorted(TEI_DIR.glob("*.xml")) + outputs


# ---------------------------------------------------------------- documents built at random

SAMPLES = {  # values for the XSD's own simple types (enumerations are read from the XSD)
    "localPointer": ["#archive", "#translator", "#copy1", "#x.y-1"],
    "url": ["https://example.org/doc/1", "https://x.org/a?b=c&d#e", "http://x.org/%C3%BC"],
    "authorityPointers": ["persons.xml#stalin", "a.xml#x b.xml#y", "#kim"],
    "isoDate": ["1951-06-30", "1951-06", "1951", "2000-02-29"],
    "isoDateOrDateTime": ["1950-09-13", "1950-09", "1950", "1950-09-13T13:15:00"],
    "isoTime": ["16:50:00", "00:00:00", "23:59:59"],
    "word": ["116", "9v", "ll.1-2"],
    "printedMark": ["* * *", "——————", "###"],
    "sha256": ["0" * 64],
    "language": ["ru", "en", "zh-Hans", "und"],
}
WORDS = ["Cde.", "Stalin", "ШИФРТЕЛЕГРАММА", "№ 3", '"', "—", ""]


class RandomDocuments:
    """Documents that follow the XSD's content models, built with a seeded random choice.

    Choices prefer alternatives that give a parent/child pair not built yet, so that a few
    hundred small documents use every pair the XSD allows (`seen`); below `depth` only the
    required particles and leaf elements are built, so that every document ends.
    """

    def __init__(self, schema: xmlschema.XMLSchema10, seed: int, depth: int = 8) -> None:
        self.schema = schema
        self.rng = random.Random(seed)
        self.depth = depth
        self.seen: set[tuple[str, str]] = set()
        self.ids = itertools.count(1)

    def document(self) -> etree._ElementTree:
        return etree.ElementTree(self.element(self.schema.elements["TEI"], 0))

    def element(self, decl: XsdElement, depth: int) -> etree._Element:
        element = etree.Element(decl.name, nsmap={None: TEI_NS})
        kind = decl.type
        if kind.is_simple():
            element.text = self.value(kind)
            return element
        for name, attribute in kind.attributes.items():
            if name and (attribute.use == "required" or self.rng.random() < 0.5):
                element.set(name, self.value(attribute.type, name))
        if kind.has_simple_content():
            element.text = self.value(kind.content)
        elif not kind.is_empty():
            element.extend(self.particle(kind.content, decl.local_name, depth + 1))
            if kind.mixed:
                element.text = self.words()
                for child in element:
                    child.tail = self.words()
        return element

    def particle(self, particle, parent: str, depth: int) -> list[etree._Element]:
        low, high = particle.min_occurs, particle.max_occurs
        most = low + 2 if high is None else min(high, low + 2)
        times = low if depth > self.depth else self.rng.randint(low, most)
        built: list[etree._Element] = []
        for _ in range(times):
            if isinstance(particle, XsdElement):
                self.seen.add((parent, particle.local_name))
                built.append(self.element(particle, depth))
            elif particle.model == "sequence":
                for item in particle:
                    built.extend(self.particle(item, parent, depth))
            else:
                chosen = self.pick(list(particle), parent, depth)
                built.extend(self.particle(chosen, parent, depth))
        return built

    def pick(self, options: list, parent: str, depth: int):
        if depth > self.depth:
            options = [o for o in options if is_leaf(o)] or options
        fresh = [o for o in options if any((parent, n) not in self.seen for n in names(o))]
        return self.rng.choice(fresh if fresh and self.rng.random() < 0.8 else options)

    def value(self, simple_type, name: str | None = None) -> str:
        if name == f"{{{XML_NS}}}id":
            return f"id{next(self.ids)}"
        if name == f"{{{XML_NS}}}lang":
            return self.rng.choice(SAMPLES["language"])
        while simple_type is not None:
            if getattr(simple_type, "enumeration", None):
                return self.rng.choice(simple_type.enumeration)
            if simple_type.local_name in SAMPLES:
                return self.rng.choice(SAMPLES[simple_type.local_name])
            if simple_type.local_name == "string":
                return self.words()
            simple_type = simple_type.base_type
        raise LookupError(f"no sample value for {name}: add its type to SAMPLES")

    def words(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(0, 3)))


def names(particle) -> set[str]:
    if isinstance(particle, XsdElement):
        return {particle.local_name}
    return {element.local_name for element in particle.iter_elements()}


def is_leaf(particle) -> bool:
    if not isinstance(particle, XsdElement):
        return False
    kind = particle.type
    return kind.is_simple() or kind.has_simple_content() or kind.is_empty()


def allowed_pairs(schema: xmlschema.XMLSchema10) -> set[tuple[str, str]]:
    """Every (parent, child) pair of element names the XSD allows, from TEI down."""
    pairs: set[tuple[str, str]] = set()
    done: set[tuple[str, int]] = set()
    todo = [schema.elements["TEI"]]
    while todo:
        decl = todo.pop()
        kind = decl.type
        if (decl.local_name, id(kind)) in done or kind.is_simple() or kind.has_simple_content():
            continue
        done.add((decl.local_name, id(kind)))
        if kind.is_empty():
            continue
        for child in kind.content.iter_elements():
            pairs.add((decl.local_name, child.local_name))
            todo.append(child)
    return pairs


@pytest.fixture(scope="module")
def random_documents(
    schema: xmlschema.XMLSchema10, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Path], set[tuple[str, str]]]:
    """Random valid documents, written until they use every pair the XSD allows (or 600)."""
    out = tmp_path_factory.mktemp("xsd-random")
    builder = RandomDocuments(schema, seed=1951)
    wanted = allowed_pairs(schema)
    paths = []
    for n in range(600):
        tree = builder.document()
        errors = list(schema.iter_errors(tree))
        assert not errors, f"the random builder broke the XSD: {errors[0].reason}"
        path = out / f"random-{n:03d}.xml"
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
        paths.append(path)
        if wanted <= builder.seen:
            break
    return paths, wanted - builder.seen


# ---------------------------------------------------------------- the schema itself


def test_the_schema_compiles_in_well_under_a_second() -> None:
    start = time.perf_counter()
    xmlschema.XMLSchema10(str(XSD))
    assert time.perf_counter() - start < 1.0


def test_the_schema_imports_the_xml_namespace_from_a_local_file_only() -> None:
    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = etree.parse(str(XSD)).getroot()
    imports = root.findall(f"{xs}import") + root.findall(f"{xs}include")
    assert [(i.get("namespace"), i.get("schemaLocation")) for i in imports] == [(XML_NS, "xml.xsd")]
    copy = etree.parse(str(XSD.parent / "xml.xsd")).getroot()
    assert copy.get("targetNamespace") == XML_NS
    assert not copy.findall(f"{xs}import") + copy.findall(f"{xs}include")


# ---------------------------------------------------------------- valid documents


def invalid_documents(schema, lxml_schema, paths: list[Path]) -> dict[str, str]:
    """The paths either validator rejects, with the first reason."""
    invalid = {}
    for path in paths:
        errors = list(schema.iter_errors(str(path)))
        if errors:
            invalid[path.name] = (
                f"{len(errors)} errors, first: {errors[0].path}: {errors[0].reason}"
            )
        elif not lxml_schema.validate(etree.parse(str(path))):
            invalid[path.name] = f"libxml2 only: {lxml_schema.error_log.last_error}"
    return invalid


def test_the_hand_made_documents_are_valid(schema, lxml_schema) -> None:
    assert len(FIXTURES) >= 3
    assert not invalid_documents(schema, lxml_schema, FIXTURES)


def test_every_committed_and_converted_document_is_valid(schema, lxml_schema, documents) -> None:
    assert not invalid_documents(schema, lxml_schema, documents)


def test_random_documents_use_every_pair_the_schema_allows(random_documents) -> None:
    paths, missing = random_documents
    assert not missing, f"{len(paths)} random documents never built {sorted(missing)}"


def test_tei_all_accepts_every_document_the_schema_accepts(
    schema, documents, random_documents
) -> None:
    if not shutil.which("jing"):
        pytest.fail("jing is missing: run ./dev test (it installs Debian's jing)")
    candidates = documents + FIXTURES + random_documents[0] + sorted(INVALID.glob("*.xml"))
    accepted = [path for path in candidates if schema.is_valid(str(path))]
    # whatever cablegram writes today, the XSD accepts these: the check is never empty
    assert set(FIXTURES + random_documents[0]) <= set(accepted)
    run = subprocess.run(
        ["jing", str(TEI_ALL_RNG), *map(str, accepted)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[:5000]


# ---------------------------------------------------------------- invalid documents


def test_the_manifest_lists_every_fixture_once() -> None:
    manifest = fixture_manifest()
    assert sorted(manifest) == sorted(p.stem for p in INVALID.glob("*.xml"))
    assert len(manifest) >= 12
    for stem, entry in manifest.items():
        assert set(entry) == {"errors", "reason"}, stem
        assert isinstance(entry["errors"], int) and entry["errors"] >= 1, stem
        assert entry["reason"].strip() and "\n" not in entry["reason"], stem


@pytest.mark.parametrize("stem", sorted(fixture_manifest()))
def test_the_schema_rejects_the_fixture(schema, lxml_schema, stem: str) -> None:
    path = INVALID / f"{stem}.xml"
    expected = fixture_manifest()[stem]
    errors = list(schema.iter_errors(str(path)))
    found = "\n".join(f"{e.path}: {e.reason}" for e in errors)
    assert len(errors) == expected["errors"], f"{expected['reason']}\n{found}"
    assert not lxml_schema.validate(etree.parse(str(path))), "libxml2 accepts it"
