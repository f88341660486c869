"""The official TEI P5 `tei_all` schema through Debian's jing: one call for many files.

jing parses with Xerces, which loads DTDs, expands entities and (in Debian's wrapper) follows
`xi:include`: handed an unchecked file it would read local files and open network connections
named in it. So no file reaches jing before the hardened parser has accepted it (no DOCTYPE,
no entity declaration, no XInclude: `validate_files` parses every file first and hands jing
only those), and jing itself runs without network: in a network
namespace of its own where the machine allows one (`unshare`), else under a Java security
policy that grants no socket. (Java's proxy settings do not do it: a connection whose proxy
refuses falls back to a direct one.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from importlib.resources import files
from pathlib import Path

from cablegram.errors import CablegramError
from cablegram.validate.issues import Issue, Severity

JING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<kind>\w+): (?P<msg>.*)$")
NAMESPACE = ("unshare", "--user", "--map-root-user", "--net")
# what the JVM says on stderr about the options it was given, which is no message of jing's
JVM_NOTES = ("Picked up ", "WARNING: ", "[warning] ")


def jing_issues(paths: list[Path], rng: Path) -> list[Issue]:
    """Issues of `paths` against tei_all. The caller gives only files the hardened parser
    accepted (`validate_files` does: it parsed them already)."""
    if not shutil.which("jing"):
        raise CablegramError(
            "jing is not installed; install it with: sudo apt-get install jing (or ./dev build)"
        )
    if not paths:
        return []
    run = subprocess.run(
        jing_command(rng, paths), capture_output=True, text=True, check=False, env=jing_env()
    )
    found = []
    for line in run.stdout.splitlines():
        if match := JING_LINE.match(line):
            severity: Severity = "warning" if match["kind"] == "warning" else "error"
            found.append(
                Issue(
                    match["path"],
                    int(match["line"]),
                    int(match["col"]),
                    severity,
                    match["msg"],
                    "tei_all",
                )
            )
    if run.returncode and not found:
        raise CablegramError(f"jing failed: {_said(run.stderr) or run.stdout.strip()}")
    return found


def jing_command(rng: Path, paths: list[Path]) -> list[str]:
    """jing's command line, inside a network namespace of its own where one can be made."""
    prefix = NAMESPACE if network_namespace() else ()
    return [*prefix, "jing", str(rng), *map(str, paths)]


def jing_env() -> dict[str, str]:
    """The environment for jing: the caller's, and where no network namespace can be made,
    Java's security manager with the policy that grants no socket."""
    env = dict(os.environ)
    if not network_namespace():
        policy = files("cablegram.validate") / "no-network.policy"
        options = f'-Djava.security.manager "-Djava.security.policy=={policy}"'
        env["JAVA_TOOL_OPTIONS"] = f"{env.get('JAVA_TOOL_OPTIONS', '')} {options}".strip()
    return env


@cache
def network_namespace() -> bool:
    """Whether this machine lets an unprivileged process make a user and network namespace
    (no interface but a loopback that is down)."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run([*NAMESPACE, "true"], capture_output=True, check=False)
    return probe.returncode == 0


def _said(stderr: str) -> str:
    """jing's own words, without the JVM's and the wrapper's notes."""
    return "\n".join(line for line in stderr.strip().splitlines() if not line.startswith(JVM_NOTES))
