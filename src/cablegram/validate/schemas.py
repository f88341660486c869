"""Where the project's schemas are, and each compiled once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import xmlschema
from lxml import etree, isoschematron

# where the schemas are: the package's (re-exported for the validators)
from cablegram.edition.resources import schemas as schema_dir  # noqa: F401
from cablegram.edition.resources import tei_all_rng  # noqa: F401
from cablegram.validate.xmlsafe import safe_parser

XSD_NAME = "cablegram.xsd"
SCH_NAME = "cablegram.sch"
AUTHORITY_XSD = "authority.xsd"
AUTHORITY_SCH = "authority.sch"


@cache
def lxml_xsd(directory: Path, name: str = XSD_NAME) -> etree.XMLSchema:
    """An XSD compiled by libxml2: the fast verdict."""
    return etree.XMLSchema(etree.parse(str(directory / name), safe_parser()))


@cache
def xmlschema_xsd(directory: Path, name: str = XSD_NAME) -> xmlschema.XMLSchema10:
    """An XSD compiled by xmlschema: detailed messages for the documents that fail."""
    return xmlschema.XMLSchema10(str(directory / name))


@cache
def schematron(directory: Path, name: str = SCH_NAME) -> isoschematron.Schematron:
    """Schematron rules compiled to XSLT (XPath 1.0 query binding). The SVRL report holds
    the failed asserts and the active patterns, not a `fired-rule` for every node a rule
    met (about 250 per cable, most of the report and an eighth of the time)."""
    tree = etree.parse(str(directory / name), safe_parser())
    return isoschematron.Schematron(
        tree,
        store_report=True,
        store_xslt=True,
        compile_params={"generate-fired-rule": "false"},
    )
