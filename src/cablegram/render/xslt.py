"""Compiling and running the project's XSLT stylesheets (XSLT 1.0 + EXSLT, libxslt).

The stylesheets are the package's (`cablegram/xslt/`); an edition may override any of their
templates with its own, in its `xslt/` folder, as the TEI Stylesheets' profiles do: its
`xslt/web/cable.xsl` is included, beside an import of the packaged `web/cable.xsl`, into a
stylesheet made on the fly, so its templates win by import precedence; its
`xslt/common/text.xsl` so overrides the templates every stylesheet shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from cablegram.edition import Edition
from cablegram.edition.resources import stylesheets
from cablegram.errors import CablegramError
from cablegram.hashes import combine, tree_hash
from cablegram.safexml import safe_parser

# Stylesheets may read their own imports; nothing else, and never the network.
ACCESS = etree.XSLTAccessControl(
    read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
)
XSL = "http://www.w3.org/1999/XSL/Transform"
SHARED = "common/text.xsl"  # the templates every stylesheet imports


@dataclass(frozen=True)
class Styles:
    """The stylesheets an edition renders with: the packaged ones, the edition's own that
    override them (None: none), and what they say of the edition (string parameters)."""

    packaged: Path
    overrides: Path | None = None
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, edition: Edition | None) -> Styles:
        if edition is None:
            return cls(stylesheets())
        params = tuple(sorted(edition.stylesheet_params().items()))
        return cls(stylesheets(), edition.overrides, params)

    def path(self, name: str) -> Path:
        """A packaged stylesheet or asset ('web/cable.xsl', 'web/assets')."""
        return self.packaged / name

    def transform(
        self, name: str, document: etree._ElementTree, **params: str
    ) -> etree._XSLTResultTree:
        """Transform a document with the stylesheet `name` ('web/cable.xsl'); the edition's
        parameters, then `params`, quoted for XSLT."""
        given = {**dict(self.params), **params}
        quoted = {key: etree.XSLT.strparam(value) for key, value in given.items()}
        path = self.path(name)
        try:
            return _compiled(path, self._included(name))(document, **quoted)
        except etree.XSLTApplyError as exc:
            raise CablegramError(f"{path}: {exc}") from exc

    def html_page(self, name: str, document: etree._ElementTree, **params: str) -> bytes:
        """An HTML page from a document (see `transform`), as the bytes to write (the
        result's own serialisation: no round trip through a string)."""
        return b"<!DOCTYPE html>\n" + bytes(self.transform(name, document, **params))

    def prepare(self, name: str) -> None:
        """Compile the stylesheet `name` now, before a page needs it."""
        _compiled(self.path(name), self._included(name))

    def digest(self, *folders: str) -> str:
        """One hash for what the output of these folders' stylesheets depends on: their
        files, the shared templates, the edition's overrides and parameters."""
        trees = [self.packaged / folder for folder in (*folders, "common")]
        if self.overrides is not None:
            trees += [self.overrides / folder for folder in (*folders, "common")]
        return combine(tree_hash(*trees), repr(self.params))

    def _included(self, name: str) -> tuple[Path, ...]:
        """The edition's stylesheets that override `name`'s templates."""
        if self.overrides is None:
            return ()
        own = [self.overrides / SHARED, self.overrides / name]
        return tuple(path for path in own if path.is_file())


@cache
def _compiled(path: Path, included: tuple[Path, ...] = ()) -> etree.XSLT:
    """A stylesheet, compiled once per process; with `included` stylesheets whose templates
    win over its own (a stylesheet that imports it and includes them)."""
    try:
        if not included:
            return etree.XSLT(etree.parse(str(path), safe_parser()), access_control=ACCESS)
    except (etree.XSLTParseError, etree.XMLSyntaxError) as exc:
        raise CablegramError(f"{path}: cannot compile the stylesheet ({exc})") from exc
    wrapper = etree.Element(f"{{{XSL}}}stylesheet", version="1.0", nsmap={"xsl": XSL})
    etree.SubElement(wrapper, f"{{{XSL}}}import", href=path.as_uri())
    for own in included:
        try:  # each of the edition's files read alone first, so that an error names it
            etree.parse(str(own), safe_parser())
        except etree.XMLSyntaxError as exc:
            raise CablegramError(f"{own}: cannot compile the stylesheet ({exc})") from exc
        etree.SubElement(wrapper, f"{{{XSL}}}include", href=own.resolve().as_uri())
    try:
        return etree.XSLT(wrapper, access_control=ACCESS)
    except etree.XSLTParseError as exc:
        shown = ", ".join(map(str, included))
        raise CablegramError(f"{shown}: cannot compile with {path} ({exc})") from exc


def forget_stylesheets() -> None:
    """Compile the stylesheets again when next used: a process that lives on (serve) sees
    the files as they are now."""
    _compiled.cache_clear()
