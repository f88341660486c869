"""The edition: its configuration (`cablegram.toml`), folders and packaged resources, one
object the stages receive; and the making of a new edition (`cablegram init`)."""

from cablegram.edition.config import CONFIG_NAME, Edition, find_config, load_edition

__all__ = ["CONFIG_NAME", "Edition", "find_config", "load_edition"]
