"""`cablegram serve`: the web edition served on 127.0.0.1, rebuilt as its inputs change.

watch (what changed), server (the site and the news of each rebuild to the open pages),
job (one incremental build in a process of its own: `python -m cablegram.serve.job`, so
this package imports none of its modules), loop (the quick path for one page, then the
build; `serve_edition`).
"""
