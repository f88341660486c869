"""The edition: its configuration (`cablegram.toml`), folders and packaged resources, one
object the stages receive; the making of a new edition (`cablegram init`); and what keeps
its files and addresses stable across builds: which hand-edited files a conversion may
replace (and where their edits are kept), the ids documents keep, and the redirects of the
ids they lost."""

from cablegram.edition.config import CONFIG_NAME, Edition, find_config, load_edition

__all__ = ["CONFIG_NAME", "Edition", "find_config", "load_edition"]
