#!/usr/bin/env python3
"""Checks the .NET tool package eng/test.sh packs: its metadata, its native assets and its size.

Usage: check-package.py PACKAGE.nupkg LIMIT_BYTES
Prints one line per problem and exits 1 when there is any; the supported runtimes are the package's own
ToolSupportedRuntimes (src/Faultline.Cli/Faultline.Cli.csproj), listed in docs/contributing.md.

Faultline has no public URL, so the package names none: no projectUrl and no repository URL (the SDK's
<repository commit="…"/> is kept). A made-up URL would send users nowhere; when the project gets a real one, set
PackageProjectUrl/RepositoryUrl, change NO_URL here and the paragraph in docs/contributing.md together.
The packed readme (src/Faultline.Cli/PACKAGE.md) is shown on a package page, where a relative link such as
docs/lab.md or #usage resolves to nothing: every link in it must be an absolute http(s) URL.
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

SUPPORTED = {"linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64"}
LICENSE = "MIT"
NO_URL = True

# Link targets in Markdown: [text](target "title"), ![alt](target), <scheme:target>, [ref]: target; and HTML href/src.
LINKS = [
    re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"),
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),
    re.compile(r"""(?:href|src)\s*=\s*["']([^"']*)["']""", re.IGNORECASE),
]


def relative_links(markdown: str):
    """(line number, target) of every link in the text that is not an absolute http(s) or mailto URL."""
    found = []
    fenced = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        # Code spans are text, not links.
        line = re.sub(r"`[^`]*`", "", line)
        for pattern in LINKS:
            for target in pattern.findall(line):
                if not re.match(r"(https?|mailto):", target, re.IGNORECASE):
                    found.append((number, target))
    return found


def main(package: str, limit: int) -> int:
    problems = []
    size = os.path.getsize(package)
    if size > limit:
        problems.append(f"the package is {size / 1e6:.1f} MB, over its limit of {limit / 1e6:.1f} MB; "
                        "see what grew with 'unzip -l' and trim it, or raise pack_limit_bytes in eng/test.sh saying why")
    with zipfile.ZipFile(package) as z:
        names = z.namelist()
        nuspec = next(n for n in names if n.endswith(".nuspec") and "/" not in n)
        root = ET.fromstring(z.read(nuspec))
    ns = {"n": root.tag[1:].split("}")[0]} if root.tag.startswith("{") else {"n": ""}
    meta = root.find("n:metadata", ns)

    def text(tag):
        e = meta.find(f"n:{tag}", ns)
        return (e.text or "").strip() if e is not None else ""

    license = meta.find("n:license", ns)
    if license is None or license.get("type") != "expression" or (license.text or "").strip() != LICENSE:
        problems.append(f"the package's licence expression is not {LICENSE}: set PackageLicenseExpression")
    for tag, fix in [("description", "Description"), ("tags", "PackageTags"), ("readme", "PackageReadmeFile")]:
        if not text(tag):
            problems.append(f"the package has no {tag}: set {fix}")
    repository = meta.find("n:repository", ns)
    urls = [u for u in (text("projectUrl"), repository.get("url") if repository is not None else None) if u]
    if NO_URL and urls:
        problems.append(f"the package names {', '.join(urls)}, but Faultline has no public URL; if it has one now, "
                        "change NO_URL in eng/check-package.py and docs/contributing.md (\"The tool package\") with it")
    readme = text("readme")
    if readme and readme not in names:
        problems.append(f"the package names readme {readme} but does not contain it")
    elif readme:
        for line, target in relative_links(z_read(package, readme)):
            problems.append(f"the packed readme {readme} links to '{target}' (line {line}), which a package page "
                            "cannot resolve; link an absolute https URL or name the file in text")
    runtimes = {m.group(1) for n in names if (m := re.search(r"/runtimes/([^/]+)/", n))}
    if runtimes - SUPPORTED:
        problems.append(f"the package carries native assets for unsupported runtimes: {', '.join(sorted(runtimes - SUPPORTED))}")
    for p in problems:
        print(f"test: {os.path.basename(package)}: {p}", file=sys.stderr)
    if not problems:
        print(f"test: the .NET tool package is {size / 1e6:.1f} MB (limit {limit / 1e6:.1f} MB), "
              f"native assets for {', '.join(sorted(runtimes))}, with licence {LICENSE}, description, tags, "
              "a readme without relative links, and no project URL")
    return 1 if problems else 0


def z_read(package: str, name: str) -> str:
    with zipfile.ZipFile(package) as z:
        return z.read(name).decode("utf-8-sig")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
