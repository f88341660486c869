"""What keeps an edition's files and addresses stable across builds: which hand-edited
files a conversion may replace (and where their edits are kept), the ids documents keep,
and the redirects of the ids they lost."""
