"""Hostile input: TEI files built to make cablegram read local files, open connections or
put a script into a page. Each is refused before any tool reads it, or rendered inert."""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree, html

from cablegram import pipeline
from cablegram.cli import main
from cablegram.validate import jing
from conftest import TEI_ALL_RNG

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
SEED_ID = "cable-1951-06-30-21340-mao-zedong"


class Counter(http.server.BaseHTTPRequestHandler):
    """Counts every request; answers a DTD or a TEI paragraph, whatever was asked."""

    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<p xmlns="http://www.tei-c.org/ns/1.0">fetched</p>')

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on a free port; yields its URL and the paths requested."""
    requests: list[str] = []
    handler = type("Handler", (Counter,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()
    httpd.server_close()


def seed_body(converted_tei: Path) -> str:
    """A converted seed cable without its XML declaration (valid TEI to wrap attacks around)."""
    text = (converted_tei / f"{SEED_ID}.xml").read_text(encoding="utf-8")
    return text[text.index("?>") + 2 :]


def bomb() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE TEI [{''.join(entities)}]>"


# name -> (prolog before the root, text put into the first paragraph, encoding)
ATTACKS = {
    "entity reading a local file": (
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
        "&x;",
        "utf-8",
    ),
    "entity fetching a URL": ('<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/entity">]>', "&x;", "utf-8"),
    "external DTD": ('<!DOCTYPE TEI SYSTEM "{url}/external.dtd">', "", "utf-8"),
    "parameter entity sending a file out": (
        '<!DOCTYPE TEI [<!ENTITY % f SYSTEM "file:///etc/hostname">'
        '<!ENTITY % d SYSTEM "{url}/send.dtd"> %d;]>',
        "",
        "utf-8",
    ),
    "entity bomb": (bomb(), "&lol9;", "utf-8"),
    "XInclude of a URL, no DOCTYPE": (
        "",
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/include.xml"/>',
        "utf-8",
    ),
    "XInclude of a local file as text": (
        "",
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/hostname" '
        'parse="text"/>',
        "utf-8",
    ),
    "UTF-16 entity fetching a URL": (
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/utf16">]>',
        "&x;",
        "utf-16",
    ),
}


def attack_file(directory: Path, name: str, body: str, url: str) -> Path:
    prolog, payload, encoding = ATTACKS[name]
    text = body.replace("<p>", f"<p>{payload.replace('{url}', url)}", 1)
    declaration = f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
    stem = re.sub(r"\W+", "-", name)
    path = directory / f"{stem}.xml"
    path.write_bytes((declaration + prolog.replace("{url}", url) + text).encode(encoding))
    return path


@pytest.mark.parametrize("name", ATTACKS)
def test_tei_all_refuses_before_jing_reads(
    name: str,
    tmp_path: Path,
    converted_tei: Path,
    server: tuple[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`validate --tei-all`: the file is refused with one line saying why, exit 1, jing is
    never given it and the server never hears of it."""
    url, requests = server
    path = attack_file(tmp_path, name, seed_body(converted_tei), url)
    commands: list[list[str]] = []
    run = subprocess.run

    def recorded(command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        commands.append(list(command))
        return run(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jing.subprocess, "run", recorded)
    result = CliRunner().invoke(main, ["validate", "--tei-all", str(path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert len(lines) == 1, result.output
    assert re.search(r": error: (DOCTYPE and ENTITY declarations|XInclude) .* refused", lines[0])
    assert not any(str(path) in command for command in commands)
    assert requests == []


@pytest.mark.parametrize("namespace", [True, False], ids=["namespace", "security-policy"])
@pytest.mark.parametrize("name", ["external DTD", "XInclude of a URL, no DOCTYPE"])
def test_jing_itself_has_no_network(
    name: str,
    namespace: bool,
    tmp_path: Path,
    converted_tei: Path,
    server: tuple[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Defence in depth: jing handed such a file anyway (the screening bypassed) connects
    nowhere, in a network namespace of its own or under the Java policy without sockets."""
    if namespace and not jing.network_namespace():
        pytest.skip("this machine makes no user network namespace (unshare)")
    monkeypatch.setattr(jing, "network_namespace", lambda: namespace)
    url, requests = server
    path = attack_file(tmp_path, name, seed_body(converted_tei), url)
    subprocess.run(
        jing.jing_command(TEI_ALL_RNG, [path]),
        env=jing.jing_env(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert requests == []


@pytest.mark.parametrize("namespace", [True, False], ids=["namespace", "security-policy"])
def test_jing_still_validates_without_network(
    namespace: bool, tmp_path: Path, converted_tei: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without network, jing still judges: the seed passes tei_all, a broken copy does not."""
    if namespace and not jing.network_namespace():
        pytest.skip("this machine makes no user network namespace (unshare)")
    monkeypatch.setattr(jing, "network_namespace", lambda: namespace)
    good = converted_tei / f"{SEED_ID}.xml"
    bad = tmp_path / "bad.xml"
    bad.write_text(good.read_text(encoding="utf-8").replace("<p>", "<p><nonsense/>", 1))
    assert jing.jing_issues([good], TEI_ALL_RNG) == []
    found = jing.jing_issues([bad], TEI_ALL_RNG)
    assert [issue.rule for issue in found] == ["tei_all"]
    assert "nonsense" in found[0].message


# --------------------------------------------------------------------- script URLs

SCRIPT_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(2)",
    "java\tscript:alert(3)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==",
    "vbscript:msgbox(5)",
]
LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"}


def hostile_corpus(target: Path, converted_tei: Path, url: str) -> Path:
    """The converted corpus with the seed cable carrying `url` everywhere the data may hold
    a URL, and script-like text and attributes besides."""
    shutil.copytree(converted_tei, target)
    path = target / f"{SEED_ID}.xml"
    tree = etree.parse(str(path))
    for idno in tree.xpath("//tei:idno[@type='URL']", namespaces=NS):
        idno.text = url
    for ptr in tree.xpath("//tei:sourceDesc//tei:ptr", namespaces=NS):
        ptr.set("target", url)
    paragraph = tree.xpath("//tei:body//tei:p", namespaces=NS)[0]
    ref = etree.SubElement(paragraph, f"{{{TEI}}}ref", target=url)
    ref.text = "see here"
    paragraph.set("onclick", "alert(6)")
    paragraph.set("style", "background:url(javascript:alert(7))")
    script = etree.SubElement(paragraph, "{http://www.w3.org/1999/xhtml}script")
    script.text = "alert(8)"
    ref.tail = "<script>alert(9)</script>"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def scheme(value: str) -> str:
    """The scheme a browser reads in a URL attribute ('' for a relative one)."""
    bare = re.sub(r"[\t\n\r]", "", value).strip(" \x00-\x1f").lower()
    match = re.match(r"([a-z][a-z0-9+.\-]*):", bare)
    return match[1] if match else ""


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_the_schema_refuses_a_script_url(url: str, tmp_path: Path, converted_tei: Path) -> None:
    path = hostile_corpus(tmp_path / "tei", converted_tei, url)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert re.search(r":\d+:\d+: error: .*(idno|target).*\[xsd\]", result.output), result.output


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_no_page_holds_a_script_from_the_data(
    url: str, tmp_path: Path, converted_tei: Path
) -> None:
    """Even from a file that fails validation, the site holds no script URL, no inline
    handler and no script but its own; the URL is kept as text."""
    tei = tmp_path / "tei"
    hostile_corpus(tei, converted_tei, url)
    out = tmp_path / "site"
    pipeline.web([tei], out, search=False)
    problems = []
    for page in sorted(out.rglob("*.html")):
        doc = html.fromstring(page.read_bytes())
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{page.name}: <{element.tag} {attribute}>")
                ours = element.tag == "link" and value == "data:,"  # the empty favicon
                unsafe = scheme(value) not in ("", "http", "https")
                if attribute.lower() in LINK_ATTRIBUTES and unsafe and not ours:
                    problems.append(f"{page.name}: <{element.tag} {attribute}={value!r}>")
                if attribute.lower() == "style" and re.search(r"script|url\(", value, re.I):
                    problems.append(f"{page.name}: <{element.tag} style={value!r}>")
        for script in doc.iter("script"):
            source = script.get("src", "")
            # ours: from assets/ (the search page's frame is there itself)
            beside = page.parent.name == "assets" and (page.parent / source).is_file()
            if (script.text or "").strip() or not (source.startswith("assets/") or beside):
                problems.append(f"{page.name}: <script src={source!r}> {script.text!r}")
    assert not problems, problems
    cable = (out / f"{SEED_ID}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in cable  # text stays text
    shown = html.fromstring(cable).xpath("//dd//*[@class='url']/text()")
    assert url.strip() in [text.strip() for text in shown]
