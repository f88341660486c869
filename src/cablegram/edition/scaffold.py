"""A new edition's folder (`cablegram init`), and the schemas every edition carries beside
its TEI files, where their `<?xml-model?>` instructions point (`../schemas/`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from cablegram.edition.resources import schemas
from cablegram.errors import CablegramError
from cablegram.files import write_atomic
from cablegram.safexml import NOT_XML

# the project's schemas an XML editor needs beside the TEI (tei_all stays in the package:
# `cablegram validate --tei-all` runs it)
EDITION_SCHEMAS = (
    "cablegram.xsd", "cablegram.sch", "xml.xsd", "authority.xsd", "authority.sch", "README.md",
)  # fmt: skip


def place_schemas(target: Path) -> list[Path]:
    """Copy the project's schemas into `target` where they differ; the files written."""
    written = []
    for name in EDITION_SCHEMAS:
        data = (schemas() / name).read_bytes()
        path = target / name
        if not path.is_file() or path.read_bytes() != data:
            write_atomic(path, data)
            written.append(path)
    return written


CONFIG_TEMPLATE = """\
# The edition's configuration. cablegram reads it in this folder and in every folder
# below it (as git finds its repository); paths are relative to this folder.
[edition]
title = {title}
# subtitle = "…"
# editors = ["…", "…"]           # in the documents' headers, the citation, the PDF
# publisher = "…"
# place = "…"                    # where the publisher is: the PDF's title page and its back
# date = 2026-05-01              # the edition's date of publication (ISO: 2026, 2026-05 …)
# version = "1.0"                # the edition's version, on the back of the PDF's title page
# licence = "CC-BY-4.0"          # an SPDX id (CC0-1.0, CC-BY-4.0, …) or the licence's URL
# base_url = "https://example.org/edition/"   # where the site will be published
language = "en"                   # the interface's language: en or ru

[paths]
sources = "sources"               # the archive exports (.txt, .md)
tei = "tei"                       # the TEI files (edit them by hand: cablegram keeps edits)
build = "build"                   # the site (build/site) and the PDFs (build/print)

# [web]
# css = "edition.css"             # a stylesheet of your own, loaded after cablegram's
"""

AUTHORITY_TEMPLATE = """\
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{kind}" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Authority file: {kind}</title></titleStmt>
      <publicationStmt><p>Curated by the editors of the edition.</p></publicationStmt>
      <sourceDesc><p>Names as found in the edition's documents.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <p>No entry yet. Replace this paragraph with a {listing} of {entry} entries (see the
        README of the edition).</p>
    </body>
  </text>
</TEI>
"""
AUTHORITY = {"persons": ("listPerson", "person"), "places": ("listPlace", "place"),
             "orgs": ("listOrg", "org")}  # fmt: skip

GITIGNORE = """\
build/
*.xml.bak*
"""

WORKFLOW = """\
# Build the edition and publish build/site on GitHub Pages, on every push to main.
# (Settings > Pages > Source: GitHub Actions.)
name: edition
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install jing, fonts and WeasyPrint's libraries
        run: |
          sudo apt-get update -qq
          sudo apt-get install -y -qq jing fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0
      - name: Install cablegram
        run: pip install -r requirements.txt
      - name: Build
        run: cablegram build
      - name: Validate against tei_all
        run: cablegram validate --tei-all
      - uses: actions/upload-pages-artifact@v3
        with:
          path: build/site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

REQUIREMENTS = """\
# The cablegram the edition is built with (the publishing workflow installs it). Where it
# comes from: a package index, a wheel kept beside the edition (./cablegram-….whl) or a
# git URL (cablegram @ git+https://…); keep the version you built with.
cablegram=={version}
"""

README = """\
# {title_text}

A digital edition made with cablegram {version}.

1. Put the archive's exports (a web page copied as text, a `pdftotext -layout` file) in
   `sources/`, one document per file, `.txt` or `.md`.
2. `cablegram build` converts them into TEI (`tei/`), validates them, and makes the site
   (`build/site/`) and the PDFs (`build/print/`). Run it again after any change: it redoes
   only what changed.
3. `cablegram serve` shows the site at http://127.0.0.1:8000/ and rebuilds it as you edit.
4. Edit the TEI files in `tei/` by hand (Oxygen, VS Code): each names the schemas in
   `schemas/`, so the editor checks it as you type. cablegram never overwrites a file you
   edited; `cablegram convert --force FILE` does, and keeps your version as `FILE.bak`.
5. Names: add persons, places and organisations to `tei/authority/persons.xml`,
   `places.xml` and `orgs.xml` (replace the paragraph there with a `listPerson`,
   `listPlace` or `listOrg`); `cablegram entities` lists the names no entry covers yet.
6. `cablegram validate --tei-all` checks every file against the official TEI P5 schema too.
7. Publish: push this folder to GitHub; `.github/workflows/edition.yml` builds it and puts
   `build/site` on GitHub Pages. Set `base_url` in `cablegram.toml` to the site's address.

Configuration: `cablegram.toml` (title, editors, publisher, licence, address, paths).
Stylesheets of your own: put a file in `xslt/web/` (or `xslt/print/`, `xslt/common/`)
named as the packaged one it overrides; its templates win over cablegram's.
"""


def init_edition(folder: Path, title: str, version: str) -> list[Path]:
    """Make a new edition in `folder` (made if missing): its configuration, folders,
    empty authority files, schemas, a README, a .gitignore and a publishing workflow; the
    files written. Nothing that exists is overwritten: a folder that already holds an
    edition's configuration is refused."""
    config = folder / "cablegram.toml"
    if config.exists():
        raise CablegramError(f"{config}: an edition is already here; nothing was changed")
    if found := NOT_XML.search(title):
        code = f"U+{ord(found.group()):04X}"
        raise CablegramError(f"--title: holds {code}, a control character XML cannot hold")
    planned: dict[Path, str] = {
        config: CONFIG_TEMPLATE.format(title=_toml_string(title)),
        folder / "README.md": README.format(title_text=title, version=version),
        folder / ".gitignore": GITIGNORE,
        folder / ".github" / "workflows" / "edition.yml": WORKFLOW.format(version=version),
        folder / "sources" / "README.md": "Put the archive's exports here (.txt, .md).\n",
        folder / "requirements.txt": REQUIREMENTS.format(version=version),
    }
    for kind, (listing, entry) in AUTHORITY.items():
        text = AUTHORITY_TEMPLATE.format(kind=kind, listing=listing, entry=entry)
        planned[folder / "tei" / "authority" / f"{kind}.xml"] = text
    clashes = [path for path in planned if path.exists()]
    if clashes:
        shown = ", ".join(str(path) for path in clashes)
        raise CablegramError(f"{shown}: already there; nothing was changed")
    made: list[Path] = []  # taken back if the edition cannot be made whole
    try:
        for path, text in planned.items():
            made.extend(_new_folders(path.parent))
            write_atomic(path, text.encode("utf-8"))
            made.append(path)
        made.extend(_new_folders(folder / "schemas"))
        made.extend(place_schemas(folder / "schemas"))
    except BaseException:  # a full disk, Ctrl-C: no half edition, which init would refuse
        for path in reversed(made):  # a folder made now holds only what was made now
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        raise
    return [path for path in made if not path.is_dir()]


def _new_folders(folder: Path) -> list[Path]:
    """Make `folder` and the folders above it that are missing; those made, outermost first."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()][::-1]
    for path in missing:
        path.mkdir()
    return missing


def _toml_string(text: str) -> str:
    """A TOML basic string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
