"""The words of the archive's documents and pages: what furniture, closers, document types,
dates and the site's chrome look like, as data and patterns that the reader and the parser
share (imports nothing of cablegram's but this package)."""
