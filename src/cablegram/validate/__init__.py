"""Validation of TEI files: the project's XSD, its Schematron rules and the official tei_all.

Three validators, one result type: each returns `Issue`s with file, line and column, the
rule that failed and a message an editor can act on; `validate_files` runs them over a
corpus and gathers a `Report`. Parsing is hardened first (`xmlsafe`): no DTD, no entity
expansion, no network.
"""

from cablegram.validate.issues import Issue, Report
from cablegram.validate.runner import validate_files

__all__ = ["Issue", "Report", "validate_files"]
