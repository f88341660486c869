"""`cablegram serve`: the watcher, the server's injection and events, the command's bad
input, and (Chromium driven by Playwright) an open page that follows its TEI file: it
reloads by itself after an edit, shows a build error over the page, and recovers."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablegram.cli import main
from cablegram.edition import Edition, load_edition
from cablegram.serve.job import GENERAL, BuildOutcome
from cablegram.serve.loop import Project, serve_edition
from cablegram.serve.server import SCRIPT, Events, inject, missing_page, start_server, url_of
from cablegram.serve.watch import Root, Watcher
from conftest import SEEDS, TEI_DIR

CHROMIUM = Path("/usr/bin/chromium")
FILIPPOV = "cable-1951-06-30-3917-filippov"  # seed 002
TIMEOUT = 20_000  # ms: a build of one cable, the quick path well under a second


# ---------------------------------------------------------------------------- watcher


def _touch(path: Path, text: str, tick: int) -> None:
    """Write `text`, then give the file a modification time of its own (a test's writes
    may fall within one tick of the file system's clock)."""
    path.write_text(text)
    os.utime(path, ns=(tick, tick))


def test_watcher_reports_added_modified_removed_once(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text("a")
    (tmp_path / "b.xml").write_text("b")
    (tmp_path / "notes.txt").write_text("not watched")
    watcher = Watcher({"tei": Root(tmp_path, lambda name: name.endswith(".xml"))})
    assert not watcher.poll()
    _touch(tmp_path / "a.xml", "A", 10**18)  # same size, another time
    (tmp_path / "b.xml").unlink()
    (tmp_path / "c.xml").write_text("c")
    (tmp_path / "notes.txt").write_text("still not watched")
    changes = watcher.poll()
    assert changes["tei"] == {tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "c.xml"}
    assert not watcher.poll()  # each change reported once


def test_watcher_sees_a_save_by_rename_and_subdirectories(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    page = tmp_path / "web" / "cable.xsl"
    page.write_text("<one/>")
    watcher = Watcher({"stylesheets": Root(tmp_path, recursive=True)})
    replacement = tmp_path / "web" / ".cable.xsl.tmp"
    replacement.write_text("<two/>")  # same size
    os.utime(replacement, ns=(page.stat().st_mtime_ns,) * 2)  # and the same time
    replacement.replace(page)  # an editor's save: only the inode tells
    assert watcher.poll()["stylesheets"] == {page}


def test_watcher_single_file_and_missing_directory(tmp_path: Path) -> None:
    config = tmp_path / "cablegram.toml"
    watcher = Watcher({"config": Root(config), "tei": Root(tmp_path / "not-yet")})
    assert not watcher.poll()
    config.write_text("x = 1\n")
    (tmp_path / "not-yet").mkdir()
    (tmp_path / "not-yet" / "a.xml").write_text("a")
    changes = watcher.poll()
    assert changes["config"] == {config}
    assert changes["tei"] == {tmp_path / "not-yet" / "a.xml"}


def test_watcher_acknowledged_write_is_not_reported(tmp_path: Path) -> None:
    watcher = Watcher({"tei": Root(tmp_path)})
    (tmp_path / "a.xml").write_text("written by the caller")
    watcher.acknowledge("tei", tmp_path / "a.xml")
    assert not watcher.poll()


# ---------------------------------------------------------------------------- server


def test_inject_before_the_last_body_end() -> None:
    page = b"<html><body><p>x</p><pre>&lt;/body&gt;</pre></BODY></html>"
    assert inject(page) == b"<html><body><p>x</p><pre>&lt;/body&gt;</pre>" + SCRIPT + (
        b"</BODY></html>"
    )
    assert inject(b"<p>no body end") == b"<p>no body end" + SCRIPT


def test_missing_page_names_the_page_escaped() -> None:
    page = missing_page("<x>.html").decode()
    assert "&lt;x&gt;.html is not in the site (yet)" in page
    assert "data-cablegram-missing" in page
    assert SCRIPT.decode() in page


@contextlib.contextmanager
def _site_server(site: Path) -> Iterator[tuple[str, Events]]:
    events = Events()
    server, thread = start_server(site, events, 0)
    try:
        yield url_of(server), events
    finally:
        events.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers["Cache-Control"]
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers["Cache-Control"]


def test_server_injects_at_serve_time_only(tmp_path: Path) -> None:
    page = b"<!DOCTYPE html>\n<html><body><p>text</p></body></html>\n"
    (tmp_path / "index.html").write_bytes(page)
    (tmp_path / "style.css").write_bytes(b"p{}")
    with _site_server(tmp_path) as (base, _):
        status, body, cache = _get(base)
        assert (status, body, cache) == (200, inject(page), "no-store")
        assert _get(base + "index.html")[1] == inject(page)
        assert _get(base + "style.css")[:2] == (200, b"p{}")  # not a page: as it is
        assert b"EventSource" in _get(base + "__cablegram/client.js")[1]
        status, body, _ = _get(base + "cable-x.html")
        assert status == 404
        assert b"cable-x.html is not in the site (yet)" in body
    assert (tmp_path / "index.html").read_bytes() == page  # the published file untouched


def test_event_stream_sends_the_errors_then_the_news(tmp_path: Path) -> None:
    with _site_server(tmp_path) as (base, events):
        events.status("tei/x.xml:1:1: error: broken [xml]")
        with urllib.request.urlopen(base + "__cablegram/events", timeout=10) as stream:
            assert stream.headers["Content-Type"] == "text/event-stream"

            def event() -> tuple[str, dict]:
                name = stream.readline().decode().removeprefix("event: ").strip()
                data = json.loads(stream.readline().decode().removeprefix("data: "))
                assert stream.readline() == b"\n"
                return name, data

            assert event() == ("status", {"errors": "tei/x.xml:1:1: error: broken [xml]"})
            events.reload(["cable-x.html"])
            events.status("")
            assert event() == ("reload", {"pages": ["cable-x.html"]})
            assert event() == ("status", {"errors": ""})
            assert json.loads(_get(base + "__cablegram/status")[1]) == {
                "building": False,
                "errors": "",
            }


# ---------------------------------------------------------------------------- job, command


def test_a_build_that_printed_no_outcome_is_an_error() -> None:
    outcome = BuildOutcome.read("Traceback (most recent call last):\n  ...\n", 1)
    assert outcome.errors == {
        GENERAL: ["the build stopped (exit status 1); its messages are above"]
    }
    printed = json.dumps({"errors": {}, "warnings": [], "pages": ["a.html"], "summary": "s"})
    assert BuildOutcome.read("noise\n" + printed + "\n", 0).pages == ["a.html"]


def test_serve_without_sources_or_tei_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["serve", "--sources", str(tmp_path / "no"), "--out", str(tmp_path / "none")]
    )
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "neither directory exists" in result.output


def test_serve_on_a_taken_port_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["serve", "--sources", str(SEEDS), "--out", str(tmp_path), "--port", str(port)]
        )
    assert result.exit_code == 2
    assert result.output.startswith(f"error: 127.0.0.1:{port}: cannot serve there")
    assert result.output.strip().count("\n") == 0


# ---------------------------------------------------------------------------- the loop


@dataclass
class Serving:
    base: str
    tei: Path
    site: Path
    log: list[str]

    def status(self) -> dict:
        return json.loads(_get(self.base + "__cablegram/status")[1])

    def wait_built(self, page: str) -> None:
        """Until no build runs and `page` is in the site."""
        deadline = time.monotonic() + 120
        while self.status()["building"] or not (self.site / page).exists():
            assert time.monotonic() < deadline, self.log
            time.sleep(0.1)


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Serving]:
    """`serve` (in a thread) on one seed copied with the authority files, built."""
    yield from _serve(tmp_path, None)


@pytest.fixture
def serving_edition(tmp_path: Path) -> Iterator[Serving]:
    """The same, in an edition with its configuration (a title of its own)."""
    (tmp_path / "cablegram.toml").write_text('[edition]\ntitle = "First title"\n')
    yield from _serve(tmp_path, load_edition(tmp_path))


def _serve(tmp_path: Path, edition: Edition | None) -> Iterator[Serving]:
    sources, tei, site = tmp_path / "sources", tmp_path / "tei", tmp_path / "build" / "site"
    sources.mkdir()
    shutil.copy(SEEDS / "002_e97717e54d15e6be.txt", sources)
    shutil.copytree(TEI_DIR / "authority", tei / "authority")
    stop, url, log = threading.Event(), [], []
    thread = threading.Thread(
        target=serve_edition,
        args=(Project(sources, tei, site, edition=edition),),
        kwargs={"port": 0, "stop": stop, "started": url.append, "log": log.append},
    )
    thread.start()
    try:
        while not url:
            assert thread.is_alive(), log
            time.sleep(0.05)
        served = Serving(url[0], tei, site, log)
        served.wait_built(f"{FILIPPOV}.html")
        yield served
    finally:
        stop.set()
        thread.join(timeout=30)
        assert not thread.is_alive()


def _wait(condition, what: str, log: list[str]) -> None:
    deadline = time.monotonic() + TIMEOUT / 1000
    while not condition():
        assert time.monotonic() < deadline, f"{what}: {log}"
        time.sleep(0.05)


def test_an_edit_is_served_and_an_error_shown_until_fixed_without_a_browser(
    serving: Serving,
) -> None:
    tei = serving.tei / f"{FILIPPOV}.xml"
    page = serving.base + f"{FILIPPOV}.html"
    original = tei.read_text()
    tei.write_text(original.replace("Danish hospital ship", "Zanzibari hospital ship"))
    _wait(lambda: b"Zanzibari" in _get(page)[1], "the edit served", serving.log)
    tei.write_text(original.replace("</TEI>", ""))  # malformed
    _wait(lambda: tei.name in serving.status()["errors"], "the error shown", serving.log)
    assert any(tei.name in line and line.startswith("error:") for line in serving.log)
    assert b"Zanzibari" in _get(page)[1]  # the last good page stays
    tei.write_text(original.replace('xml:id="' + FILIPPOV, 'xml:id="' + FILIPPOV + "-x"))
    _wait(lambda: "cg-file-id" in serving.status()["errors"], "invalid TEI shown", serving.log)
    tei.write_text(original)
    _wait(lambda: not serving.status()["errors"], "the error gone", serving.log)
    _wait(lambda: b"Danish hospital ship" in _get(page)[1], "the fix served", serving.log)


def test_edits_during_a_build_reach_the_corpus_pages_and_the_files_stay_clean(
    serving: Serving,
) -> None:
    tei = serving.tei / f"{FILIPPOV}.xml"
    page = serving.base + f"{FILIPPOV}.html"
    original = tei.read_text()
    tei.write_text(original.replace("advising how", "Firstword how"))  # the index's summary
    _wait(lambda: b"Firstword" in _get(page)[1], "the first edit served", serving.log)
    tei.write_text(original.replace("advising how", "Secondword how"))  # its build running
    _wait(lambda: b"Secondword" in _get(page)[1], "the second edit served", serving.log)
    serving.wait_built(f"{FILIPPOV}.html")
    index = (serving.site / "index.html").read_bytes()
    assert b"Secondword" in index, serving.log  # a build after the second edit made it
    assert b"Firstword" not in index
    for built in (serving.site / "index.html", serving.site / f"{FILIPPOV}.html"):
        assert b"__cablegram" not in built.read_bytes()  # the published site: no script


def test_the_editions_configuration_is_followed_and_a_bad_one_shown(
    serving_edition: Serving,
) -> None:
    """The pages say the configured title; a new title reaches them; a bad configuration is
    an error over the page until mended."""
    page = serving_edition.base + f"{FILIPPOV}.html"
    config = serving_edition.tei.parent / "cablegram.toml"
    log = serving_edition.log
    assert b"First title" in _get(page)[1]
    config.write_text('[edition]\ntitle = "Second title"\n')
    _wait(lambda: b"Second title" in _get(page)[1], "the new title served", log)
    config.write_text("[edition]\ntitle = 3\n")
    _wait(lambda: "cablegram.toml" in serving_edition.status()["errors"], "shown", log)
    assert "[edition] title: expected text" in serving_edition.status()["errors"]
    config.write_text('[edition]\ntitle = "Third title"\n')
    _wait(lambda: not serving_edition.status()["errors"], "the error gone", log)
    _wait(lambda: b"Third title" in _get(page)[1], "the mended title served", log)


# ---------------------------------------------------------------------------- browser


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")
def test_open_page_follows_its_tei_file(serving: Serving) -> None:
    from playwright.sync_api import expect, sync_playwright

    from test_web_browser import CHROMIUM_ARGS

    tei = serving.tei / f"{FILIPPOV}.xml"
    original = tei.read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT)
            page.goto(serving.base + f"{FILIPPOV}.html", wait_until="load")
            expect(page.locator("body")).to_contain_text("Danish hospital ship")
            page.evaluate("document.documentElement.dataset.cgTest = 'before'")
            tei.write_text(original.replace("Danish hospital ship", "Zanzibari hospital ship"))
            expect(page.locator("body")).to_contain_text("Zanzibari hospital ship")
            # a new document, not the old one patched: the page reloaded by itself
            assert page.evaluate("document.documentElement.dataset.cgTest") is None

            tei.write_text(original.replace("</TEI>", ""))  # malformed XML
            message = page.locator("#cablegram-error")
            expect(message).to_be_visible()
            expect(message).to_contain_text(tei.name)
            expect(page.locator("body")).to_contain_text("Zanzibari hospital ship")  # not blank
            assert _get(serving.base + "index.html")[0] == 200  # the server still answers

            other = browser.new_page()  # a page opened while the build is broken shows it too
            other.goto(serving.base + "index.html", wait_until="load")
            expect(other.locator("#cablegram-error")).to_contain_text(tei.name)

            tei.write_text(original)
            expect(message).to_have_count(0)
            expect(page.locator("body")).to_contain_text("Danish hospital ship")
            expect(other.locator("#cablegram-error")).to_have_count(0)

            missing = browser.new_page()
            missing.goto(serving.base + "cable-1999-01-01-1-nobody.html", wait_until="load")
            expect(missing.locator("h1")).to_contain_text(
                "cable-1999-01-01-1-nobody.html is not in the site (yet)"
            )
        finally:
            browser.close()


def test_a_source_saved_is_converted_and_shown_its_failure_too(serving: Serving) -> None:
    source = serving.tei.parent / "sources" / "002_e97717e54d15e6be.txt"
    page = serving.base + f"{FILIPPOV}.html"
    original = source.read_text()
    source.write_text(original.replace("Danish hospital ship", "Zanzibari hospital ship"))
    _wait(lambda: b"Zanzibari hospital ship" in _get(page)[1], "the source served", serving.log)
    assert "Zanzibari" in (serving.tei / f"{FILIPPOV}.xml").read_text()
    source.write_bytes(b"")  # an empty export does not convert
    _wait(lambda: source.name in serving.status()["errors"], "the failure shown", serving.log)
    source.write_text(original)
    _wait(lambda: not serving.status()["errors"], "the failure gone", serving.log)
    _wait(lambda: b"Danish hospital ship" in _get(page)[1], "the fix served", serving.log)
