"""Model → TEI: `encode_document` and `serialise` (see `cablegram.encode.tei`)."""
