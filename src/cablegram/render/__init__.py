"""Rendering TEI through XSLT: the web edition (a static site).

Stylesheets are compiled once per process and run with network and file writes denied;
Python only orchestrates (which documents go to which stylesheet), writes the pages
atomically and copies the assets.
"""

from cablegram.render.web import render_site

__all__ = ["render_site"]
