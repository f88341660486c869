"""The aligner: the stage between encoding and validation that links each passage of a
version to the passages of the other versions that say the same (`@corresp`)."""

from cablegram.align.links import align_document, document_links, links_of

__all__ = ["align_document", "document_links", "links_of"]
