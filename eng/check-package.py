#!/usr/bin/env python3
"""Checks the .NET tool package eng/test.sh packs: its metadata, its native assets and its size.

Usage: check-package.py PACKAGE.nupkg LIMIT_BYTES
Prints one line per problem and exits 1 when there is any; the supported runtimes are the package's own
ToolSupportedRuntimes (src/Faultline.Cli/Faultline.Cli.csproj), listed in docs/contributing.md.
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

SUPPORTED = {"linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64"}


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
    if license is None or license.get("type") != "expression" or not (license.text or "").strip():
        problems.append("the package has no licence expression: set PackageLicenseExpression")
    for tag, fix in [("description", "Description"), ("tags", "PackageTags"), ("readme", "PackageReadmeFile")]:
        if not text(tag):
            problems.append(f"the package has no {tag}: set {fix}")
    if text("readme") and text("readme") not in names:
        problems.append(f"the package names readme {text('readme')} but does not contain it")
    runtimes = {m.group(1) for n in names if (m := re.search(r"/runtimes/([^/]+)/", n))}
    if runtimes - SUPPORTED:
        problems.append(f"the package carries native assets for unsupported runtimes: {', '.join(sorted(runtimes - SUPPORTED))}")
    for p in problems:
        print(f"test: {os.path.basename(package)}: {p}", file=sys.stderr)
    if not problems:
        print(f"test: the .NET tool package is {size / 1e6:.1f} MB (limit {limit / 1e6:.1f} MB), "
              f"native assets for {', '.join(sorted(runtimes))}, with licence, description, tags and readme")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
