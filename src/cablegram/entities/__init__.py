"""Named entities: the authority files (tei/authority/) and the tagging of names.

`load_authority` reads the hand-curated TEI `listPerson`, `listPlace` and `listOrg`;
`NameIndex` matches every form of every entry in running text, Russian forms through
their inflections (pymorphy3); `tag_document` wraps the names of a parsed document in `Name`
nodes that point at their entry, decides generic forms (`Ministry of Foreign Affairs`)
from the document's countries, and tags names the authority lacks where the evidence is
strong (`evidence`); `candidates` lists what no entry covers (`cablegram entities`).
"""

from cablegram.entities.authority import Authority, Entry, edition_authority, load_authority
from cablegram.entities.matcher import NameIndex
from cablegram.entities.tagger import tag_document

__all__ = [
    "Authority",
    "Entry",
    "NameIndex",
    "edition_authority",
    "load_authority",
    "tag_document",
]
